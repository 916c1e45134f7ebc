// The package form's schema (new package or new version), read by readSubmission like every form (ADR 008): the
// fields from the shared builders, the optional feature rows, and the matcher's attributes checked against each other.
import { z } from 'zod';
import { pricingModels, type PricingModel } from '../domain/funding';
import { checkStatedAttributes, MAX_OUTLETS, MAX_SEATS, statedOrAssumed, type StatedAttributes } from '../domain/listing-attributes';
import type { ListingCode } from '../domain/listing-rules';
import { needs, paymentMethods } from '../domain/matcher';
import { centsToInput } from '../domain/money';
import { categories, districts, sectors } from '../domain/programme';
import { formList, moneyCents, optionalText, requiredText, wholeNumber } from '../lib/validation';

export const MAX_FEATURES = 5;

/** The form's values as the page shows them (ticked boxes of a group comma-separated, as the form reply keeps them). */
export type ListingValues = Record<string, string | undefined>;
export type ListingFieldErrors = Record<string, string[] | undefined>;

const rows = Array.from({ length: MAX_FEATURES }, (_, i) => i);
const longText = (max: number) => requiredText({ max, multiline: true });
const optionalLongText = (max: number) => optionalText({ max, multiline: true }).default('');
// Zero is left to the listing rules (app/domain/listing-rules), which explain it field by field.
const money = moneyCents();

/** A blank box is "not stated"; otherwise a whole number in [1, max] (the database's CHECK bounds). */
const optionalCount = (max: number) =>
  z
    .string()
    .trim()
    .max(12, 'errors:too_big')
    .regex(/^\d*$/, 'errors:whole_number')
    .default('')
    .transform((value) => (value === '' ? null : Number(value)))
    .pipe(z.number().min(1, 'errors:too_small').max(max, 'errors:too_big').nullable());

/** Ticked boxes of one group: each a known code, no more than there are codes (repeats collapse). */
const ticks = <T extends string>(codes: readonly [T, ...T[]]) =>
  formList(
    z
      .array(z.enum(codes, { error: 'errors:invalid_value' }))
      .max(codes.length, 'errors:invalid_value')
      .transform((list) => codes.filter((code) => list.includes(code))),
  );

const attributeFields = {
  needsMet: ticks(needs),
  paymentMethods: ticks(paymentMethods),
  maxOutlets: optionalCount(MAX_OUTLETS),
  minSeats: optionalCount(MAX_SEATS),
  maxSeats: optionalCount(MAX_SEATS),
  supportArea: z.enum(['all', 'districts'], { error: 'vendor:attributes.errors.choose_support_area' }).default('all'),
  supportDistricts: ticks(districts),
};
const attributeNames = new Set(Object.keys(attributeFields));

// A feature row's boxes as typed; the row is read as a whole (featureRow) since a blank row is no feature at all.
const rowText = z.string({ error: 'errors:invalid_value' }).max(2000, 'errors:too_long').optional();
const rowFields = Object.fromEntries(
  rows.flatMap((i) =>
    ['featureNameEn', 'featureNameZh', 'featurePrice', 'featureModel', 'featureContract'].map((name) => [`${name}${i}`, rowText]),
  ),
) as Record<string, typeof rowText>;

const fields = z.object({
  category: z.enum(categories, { error: 'vendor:choose_category' }),
  sector: z.enum(sectors, { error: 'errors:choose_sector' }),
  nameEn: requiredText({ max: 120 }),
  nameZhHk: requiredText({ max: 60 }),
  nameZhCn: optionalText({ max: 60 }).default(''),
  descriptionEn: longText(2000),
  descriptionZhHk: longText(1000),
  descriptionZhCn: optionalLongText(1000),
  deliverablesEn: optionalLongText(1000),
  deliverablesZhHk: optionalLongText(500),
  deliverablesZhCn: optionalLongText(500),
  pricingModel: z.enum(pricingModels, { error: 'vendor:choose_pricing' }),
  price: money,
  // Whole months; whether it is required and its range are the listing rules' (a monthly item must state it).
  minContractMonths: z
    .string()
    .trim()
    .regex(/^\d{0,3}$/, 'errors:whole_number')
    .transform((value) => (value === '' ? null : Number(value)))
    .default(null),
  // solution_versions.deployment_days > 0 (an integer); ten years is beyond any rule.
  deploymentDays: wholeNumber({ min: 1, max: 3650 }),
  ...attributeFields,
  ...rowFields,
});

type Feature = {
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  pricingModel: PricingModel;
  priceCents: number;
  minContractMonths: number | null;
};
type RowProblem = { field: string; message: string };

const featureName = { en: optionalText({ max: 120 }), zh: optionalText({ max: 60 }) };

/** One feature row: blank is nothing; half-filled is a problem on the row's first box (the summary links there). */
function featureRow(raw: Record<string, unknown>, i: number): { feature: Feature | null; problems: RowProblem[] } {
  const text = (name: string) => {
    const value = raw[`${name}${i}`];
    return typeof value === 'string' ? value : '';
  };
  const [nameEn, nameZhHk, price] = [text('featureNameEn').trim(), text('featureNameZh').trim(), text('featurePrice').trim()];
  if (!nameEn && !nameZhHk && !price) return { feature: null, problems: [] };
  const problems: RowProblem[] = [];
  const names = [featureName.en.safeParse(nameEn), featureName.zh.safeParse(nameZhHk)];
  const nameProblem = names.flatMap((parsed) => (parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)));
  if (nameProblem.includes('errors:invalid_characters'))
    problems.push({ field: `featureNameEn${i}`, message: 'errors:invalid_characters' });
  else if (nameProblem.length > 0) problems.push({ field: `featureNameEn${i}`, message: 'errors:too_long' });
  else if (!nameEn || !nameZhHk) problems.push({ field: `featureNameEn${i}`, message: 'vendor:feature_names_required' });
  const cents = money.safeParse(price);
  if (!price) problems.push({ field: `featurePrice${i}`, message: 'vendor:feature_price_required' });
  else if (!cents.success) problems.push({ field: `featurePrice${i}`, message: cents.error.issues[0]!.message });
  const contract = text('featureContract').trim();
  if (!/^\d{0,3}$/.test(contract)) problems.push({ field: `featureContract${i}`, message: 'errors:whole_number' });
  const pricingModel: PricingModel = text('featureModel') === 'monthly' ? 'monthly' : 'one_off';
  const feature = cents.success
    ? {
        nameEn,
        nameZhHk,
        nameZhCn: nameZhHk,
        pricingModel,
        priceCents: cents.data,
        minContractMonths: pricingModel === 'monthly' && contract !== '' ? Number(contract) : null,
      }
    : null;
  return { feature, problems };
}

/**
 * The package form. Blank feature rows are ignored, half-filled ones are errors; Simplified Chinese texts left empty
 * follow the Traditional ones. Every field's problem is reported at once (the rows and the attributes' rules also when
 * another field is wrong). The data: the service's input, and which form row each feature came from.
 */
export const listingSchema = fields
  .check(
    z.superRefine(
      (raw, ctx) => {
        for (const i of rows)
          for (const { field, message } of featureRow(raw, i).problems) ctx.addIssue({ code: 'custom', message, path: [field] });
      },
      { when: () => true },
    ),
  )
  .check(
    z.superRefine(
      (value, ctx) => {
        const { supportArea, supportDistricts, ...stated } = value;
        for (const problem of checkStatedAttributes({ ...stated, supportDistricts: supportArea === 'all' ? 'all' : supportDistricts }))
          ctx.addIssue({ code: 'custom', message: `vendor:attributes.errors.${problem.code}`, path: [problem.field] });
      },
      // The rules between the attributes only when each attribute was read.
      { when: (payload) => !payload.issues.some((issue) => attributeNames.has(String(issue.path?.[0]))) },
    ),
  )
  .transform((value) => {
    const read = rows.map((i) => ({ row: i, feature: featureRow(value, i).feature }));
    const kept = read.filter((entry): entry is { row: number; feature: Feature } => entry.feature !== null);
    const attributes: StatedAttributes = {
      needsMet: value.needsMet,
      paymentMethods: value.paymentMethods.length > 0 ? value.paymentMethods : null,
      maxOutlets: value.maxOutlets,
      minSeats: value.minSeats,
      maxSeats: value.maxSeats,
      supportDistricts: value.supportArea === 'all' ? null : value.supportDistricts,
    };
    return {
      input: {
        category: value.category,
        sector: value.sector,
        nameEn: value.nameEn,
        nameZhHk: value.nameZhHk,
        nameZhCn: value.nameZhCn || value.nameZhHk,
        descriptionEn: value.descriptionEn,
        descriptionZhHk: value.descriptionZhHk,
        descriptionZhCn: value.descriptionZhCn || value.descriptionZhHk,
        deliverablesEn: value.deliverablesEn,
        deliverablesZhHk: value.deliverablesZhHk,
        deliverablesZhCn: value.deliverablesZhCn || value.deliverablesZhHk,
        pricingModel: value.pricingModel,
        priceCents: value.price,
        minContractMonths: value.minContractMonths,
        deploymentDays: value.deploymentDays,
        features: kept.map((entry) => entry.feature),
        ...attributes,
      },
      // Which form row each feature came from: blank rows are skipped, so the domain's index is not the row's.
      featureRows: kept.map((entry) => entry.row),
    };
  });

/** Maps a price-rule problem from the domain to the form field (the feature's own row) and its message key. */
export function ruleErrors(problems: { field: string; code: ListingCode }[], featureRows: readonly number[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const problem of problems) {
    const feature = /^(featurePrice|featureContract)(\d+)$/.exec(problem.field);
    const field = feature ? `${feature[1]}${featureRows[Number(feature[2])] ?? feature[2]}` : problem.field;
    (errors[field] ??= []).push(`vendor:rules.${problem.code}`);
  }
  return errors;
}

/** A version's stated attributes as form values (lists comma-separated; no districts = all of Hong Kong). */
export function attributeValues(stated: StatedAttributes): ListingValues {
  const count = (n: number | null) => (n == null ? '' : String(n));
  return {
    needsMet: (stated.needsMet ?? []).join(','),
    paymentMethods: (stated.paymentMethods ?? []).join(','),
    maxOutlets: count(stated.maxOutlets),
    minSeats: count(stated.minSeats),
    maxSeats: count(stated.maxSeats),
    supportArea: stated.supportDistricts ? 'districts' : 'all',
    supportDistricts: (stated.supportDistricts ?? []).join(','),
  };
}

/** A saved version as the package form shows it to edit (what the vendor typed, prices back in HK$). */
export type EditableVersion = {
  needsMet: readonly string[] | null;
  paymentMethods: readonly string[] | null;
  maxOutlets: number | null;
  minSeats: number | null;
  maxSeats: number | null;
  supportDistricts: readonly string[] | null;
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  descriptionEn: string;
  descriptionZhHk: string;
  descriptionZhCn: string;
  deliverablesEn: string;
  deliverablesZhHk: string;
  deliverablesZhCn: string;
  pricingModel: string;
  priceCents: number;
  minContractMonths: number | null;
  deploymentDays: number;
  features: { nameEn: string; nameZhHk: string; pricingModel: string; priceCents: number; minContractMonths: number | null }[];
};

/** The form's values for a saved version: the inverse of listingSchema. */
export function listingValues(category: string, sector: string, version: EditableVersion): ListingValues {
  // A Simplified text that only copies the Traditional one stays empty, so it keeps following the Traditional.
  const simplified = (zhCn: string, zhHk: string) => (zhCn === zhHk ? '' : zhCn);
  const values: ListingValues = {
    category,
    sector,
    nameEn: version.nameEn,
    nameZhHk: version.nameZhHk,
    nameZhCn: simplified(version.nameZhCn, version.nameZhHk),
    descriptionEn: version.descriptionEn,
    descriptionZhHk: version.descriptionZhHk,
    descriptionZhCn: simplified(version.descriptionZhCn, version.descriptionZhHk),
    deliverablesEn: version.deliverablesEn,
    deliverablesZhHk: version.deliverablesZhHk,
    deliverablesZhCn: simplified(version.deliverablesZhCn, version.deliverablesZhHk),
    pricingModel: version.pricingModel,
    price: centsToInput(version.priceCents),
    minContractMonths: version.minContractMonths === null ? '' : String(version.minContractMonths),
    deploymentDays: String(version.deploymentDays),
    // A version that states nothing yet opens with what the matcher assumes of it, for the vendor to confirm or correct.
    ...attributeValues(statedOrAssumed({ category, ...version })),
  };
  version.features.slice(0, MAX_FEATURES).forEach((feature, i) => {
    values[`featureNameEn${i}`] = feature.nameEn;
    values[`featureNameZh${i}`] = feature.nameZhHk;
    values[`featurePrice${i}`] = centsToInput(feature.priceCents);
    values[`featureModel${i}`] = feature.pricingModel;
    values[`featureContract${i}`] = feature.minContractMonths === null ? '' : String(feature.minContractMonths);
  });
  return values;
}
