// The package form (new package or new version) and its zod schema. Prices are typed in HK$ and kept in cents.
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { pricingModels } from '../domain/funding';
import { checkStatedAttributes, MAX_OUTLETS, MAX_SEATS, type StatedAttributes } from '../domain/listing-attributes';
import type { ListingCode } from '../domain/listing-rules';
import { needs, paymentMethods } from '../domain/matcher';
import { parseMoneyToCents } from '../domain/money';
import { categories, districts, sectors } from '../domain/programme';
import { hasForbiddenCharacters, moneyCents, optionalText, requiredText, wholeNumber } from '../lib/validation';
import { CsrfInput, RadioGroup, SelectField, TextField, type FieldErrors } from './forms';

export const MAX_FEATURES = 5;

const text = (max: number) => requiredText({ max });
const longText = (max: number) => requiredText({ max, multiline: true });
const optionalLongText = (max: number) => optionalText({ max, multiline: true }).default('');
// Zero is left to the listing rules (app/domain/listing-rules), which explain it field by field.
const money = moneyCents();

const base = z.object({
  category: z.enum(categories, { error: 'vendor:choose_category' }),
  sector: z.enum(sectors, { error: 'errors:choose_sector' }),
  nameEn: text(120),
  nameZhHk: text(60),
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
});

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
  z
    .array(z.enum(codes, { error: 'errors:invalid_value' }))
    .max(codes.length, 'errors:invalid_value')
    .transform((list) => codes.filter((code) => list.includes(code)));

const attributesSchema = z.object({
  needsMet: ticks(needs),
  paymentMethods: ticks(paymentMethods),
  maxOutlets: optionalCount(MAX_OUTLETS),
  minSeats: optionalCount(MAX_SEATS),
  maxSeats: optionalCount(MAX_SEATS),
  supportArea: z.enum(['all', 'districts'], { error: 'vendor:attributes.errors.choose_support_area' }),
  supportDistricts: ticks(districts),
});

/** The matcher's attributes of the form (issue 13 §1), checked field by field and against each other. */
export function parseListingAttributes(form: FormData): { ok: true; data: StatedAttributes } | { ok: false; fieldErrors: FieldErrors } {
  const many = (name: string) =>
    form
      .getAll(name)
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 64);
  const one = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const parsed = attributesSchema.safeParse({
    needsMet: many('needsMet'),
    paymentMethods: many('paymentMethods'),
    maxOutlets: one('maxOutlets'),
    minSeats: one('minSeats'),
    maxSeats: one('maxSeats'),
    supportArea: one('supportArea') ?? 'all',
    supportDistricts: many('supportDistricts'),
  });
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      fieldErrors[field] ??= [issue.message.includes(':') ? issue.message : 'errors:invalid_value'];
    }
    return { ok: false, fieldErrors };
  }
  const { supportArea, ...data } = parsed.data;
  const stated = { ...data, supportDistricts: supportArea === 'all' ? ('all' as const) : data.supportDistricts };
  const problems = checkStatedAttributes(stated);
  if (problems.length > 0) {
    const fieldErrors: FieldErrors = {};
    for (const problem of problems) fieldErrors[problem.field] ??= [`vendor:attributes.errors.${problem.code}`];
    return { ok: false, fieldErrors };
  }
  return {
    ok: true,
    data: {
      ...data,
      paymentMethods: data.paymentMethods.length > 0 ? data.paymentMethods : null,
      supportDistricts: supportArea === 'all' ? null : data.supportDistricts,
    },
  };
}

/** The form's values to show again after an error: ticked boxes of a group as one comma-separated value. */
export function listingFormValues(form: FormData, values: Record<string, string>): Record<string, string> {
  const joined = (name: string) =>
    form
      .getAll(name)
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 64)
      .map((v) => v.slice(0, 40))
      .join(',');
  return {
    ...values,
    needsMet: joined('needsMet'),
    paymentMethods: joined('paymentMethods'),
    supportDistricts: joined('supportDistricts'),
  };
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

type Feature = {
  nameEn: string;
  nameZhHk: string;
  nameZhCn: string;
  pricingModel: 'one_off' | 'monthly';
  priceCents: number;
  minContractMonths: number | null;
};

/** Parses the form; blank feature rows are ignored, half-filled ones are errors. Simplified Chinese defaults to the Traditional text. */
export function parseListingForm(
  form: FormData,
):
  | { ok: true; data: z.infer<typeof base> & { features: Feature[] } & StatedAttributes; featureRows: number[] }
  | { ok: false; fieldErrors: FieldErrors } {
  const raw = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const fieldErrors: FieldErrors = {};
  const parsed = base.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      fieldErrors[field] = [issue.message.includes(':') ? issue.message : 'errors:invalid_value'];
    }
  }
  const features: Feature[] = [];
  // Which form row each feature came from: blank rows are skipped, so the domain's index is not the row's.
  const featureRows: number[] = [];
  for (let i = 0; i < MAX_FEATURES; i++) {
    const nameEn = (raw[`featureNameEn${i}`] ?? '').trim();
    const nameZhHk = (raw[`featureNameZh${i}`] ?? '').trim();
    const price = (raw[`featurePrice${i}`] ?? '').trim();
    if (!nameEn && !nameZhHk && !price) continue;
    if (!nameEn || !nameZhHk) fieldErrors[`featureNameEn${i}`] = ['vendor:feature_names_required'];
    if (nameEn.length > 120 || nameZhHk.length > 60) fieldErrors[`featureNameEn${i}`] = ['errors:too_long'];
    if (hasForbiddenCharacters(nameEn) || hasForbiddenCharacters(nameZhHk))
      fieldErrors[`featureNameEn${i}`] = ['errors:invalid_characters'];
    const cents = parseMoneyToCents(price);
    if (!cents.ok) fieldErrors[`featurePrice${i}`] = [price ? `errors:${cents.code}` : 'vendor:feature_price_required'];
    const pricingModel = raw[`featureModel${i}`] === 'monthly' ? 'monthly' : 'one_off';
    const contract = (raw[`featureContract${i}`] ?? '').trim();
    if (!/^\d{0,3}$/.test(contract)) fieldErrors[`featureContract${i}`] = ['errors:whole_number'];
    if (cents.ok) {
      features.push({
        nameEn,
        nameZhHk,
        nameZhCn: nameZhHk,
        pricingModel,
        priceCents: cents.cents,
        minContractMonths: pricingModel === 'monthly' && contract !== '' ? Number(contract) : null,
      });
      featureRows.push(i);
    }
  }
  const attributes = parseListingAttributes(form);
  if (!attributes.ok) Object.assign(fieldErrors, attributes.fieldErrors);
  if (!parsed.success || !attributes.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const data = parsed.data;
  return {
    ok: true,
    data: {
      ...data,
      ...attributes.data,
      nameZhCn: data.nameZhCn || data.nameZhHk,
      descriptionZhCn: data.descriptionZhCn || data.descriptionZhHk,
      deliverablesZhCn: data.deliverablesZhCn || data.deliverablesZhHk,
      features,
    },
    featureRows,
  };
}

/** Maps a price-rule problem from the domain to the form field (the feature's own row) and its message key. */
export function ruleErrors(problems: { field: string; code: ListingCode }[], featureRows: number[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const feature = /^(featurePrice|featureContract)(\d+)$/.exec(problem.field);
    const field = feature ? `${feature[1]}${featureRows[Number(feature[2])] ?? feature[2]}` : problem.field;
    (errors[field] ??= []).push(`vendor:rules.${problem.code}`);
  }
  return errors;
}

export type ListingValues = Record<string, string | undefined>;

export function ListingForm({
  values = {},
  errors,
  isNew,
  submitLabel,
  busy,
}: {
  values?: ListingValues;
  errors?: FieldErrors;
  isNew: boolean;
  submitLabel: string;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const labels: Record<string, string> = {
    category: t('catalogue:category'),
    sector: t('catalogue:sector'),
    nameEn: t('vendor:nameEn'),
    nameZhHk: t('vendor:nameZhHk'),
    nameZhCn: t('vendor:nameZhCn'),
    descriptionEn: t('vendor:descriptionEn'),
    descriptionZhHk: t('vendor:descriptionZhHk'),
    descriptionZhCn: t('vendor:descriptionZhCn'),
    deliverablesEn: t('vendor:deliverablesEn'),
    deliverablesZhHk: t('vendor:deliverablesZhHk'),
    deliverablesZhCn: t('vendor:deliverablesZhCn'),
    pricingModel: t('vendor:pricingModel'),
    price: t('vendor:price'),
    minContractMonths: t('vendor:minContractMonths'),
    deploymentDays: t('vendor:deploymentDays'),
    features: t('vendor:sectionFeatures'),
    needsMet: t('vendor:attributes.needsMet'),
    paymentMethods: t('vendor:attributes.paymentMethods'),
    maxOutlets: t('vendor:attributes.maxOutlets'),
    minSeats: t('vendor:attributes.minSeats'),
    maxSeats: t('vendor:attributes.maxSeats'),
    supportArea: t('vendor:attributes.supportArea'),
    supportDistricts: t('vendor:attributes.supportDistricts'),
  };
  for (let i = 0; i < MAX_FEATURES; i++) {
    labels[`featureNameEn${i}`] = t('vendor:featureLabel', { n: i + 1 });
    labels[`featurePrice${i}`] = t('vendor:featurePriceLabel', { n: i + 1 });
    labels[`featureContract${i}`] = t('vendor:featureContractLabel', { n: i + 1 });
  }
  const area = (name: string, rows = 3, hint?: string) => {
    const list = errors?.[name];
    return (
      <div className={list?.length ? 'field field--error' : 'field'}>
        <label htmlFor={name}>{labels[name]}</label>
        {hint ? (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        ) : null}
        {list?.length ? (
          <p className="field-error" id={`${name}-error`}>
            {t(list[0]!)}
          </p>
        ) : null}
        <textarea
          id={name}
          name={name}
          rows={rows}
          defaultValue={values[name]}
          aria-invalid={list?.length ? true : undefined}
          aria-describedby={[hint ? `${name}-hint` : '', list?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined}
          maxLength={2000}
        />
      </div>
    );
  };
  return (
    <>
      <Form method="post" noValidate className="narrow">
        <CsrfInput />
        <fieldset className="form-section">
          <legend>{t('vendor:sectionWhat')}</legend>
          {isNew ? (
            <>
              <SelectField
                name="category"
                label={labels.category!}
                errors={errors}
                defaultValue={values.category ?? ''}
                options={[
                  { value: '', label: t('vendor:chooseCategory') },
                  ...categories.map((c) => ({ value: c, label: t(`common:categories.${c}`) })),
                ]}
              />
              <SelectField
                name="sector"
                label={labels.sector!}
                errors={errors}
                defaultValue={values.sector ?? 'fnb'}
                options={sectors.map((s) => ({ value: s, label: t(`common:sectors.${s}`) }))}
              />
            </>
          ) : (
            <>
              <input type="hidden" name="category" value={values.category} />
              <input type="hidden" name="sector" value={values.sector} />
            </>
          )}
          <TextField name="nameEn" label={labels.nameEn!} maxLength={120} defaultValue={values.nameEn} errors={errors} />
          <TextField name="nameZhHk" label={labels.nameZhHk!} maxLength={60} defaultValue={values.nameZhHk} errors={errors} />
          <TextField
            name="nameZhCn"
            label={labels.nameZhCn!}
            hint={t('vendor:simplifiedHint')}
            maxLength={60}
            defaultValue={values.nameZhCn}
            errors={errors}
          />
          {area('descriptionEn', 4)}
          {area('descriptionZhHk', 4)}
          {area('descriptionZhCn', 3, t('vendor:simplifiedHint'))}
          {area('deliverablesEn', 3, t('vendor:deliverablesHint'))}
          {area('deliverablesZhHk', 3)}
          {area('deliverablesZhCn', 2, t('vendor:simplifiedHint'))}
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('vendor:sectionPrice')}</legend>
          <RadioGroup
            name="pricingModel"
            legend={labels.pricingModel!}
            errors={errors}
            defaultValue={values.pricingModel ?? 'one_off'}
            options={[
              { value: 'one_off', label: t('vendor:oneOff'), hint: t('vendor:oneOffHint') },
              { value: 'monthly', label: t('vendor:monthly'), hint: t('vendor:monthlyHint') },
            ]}
          />
          <TextField
            name="price"
            label={labels.price!}
            hint={t('vendor:priceHint')}
            inputMode="decimal"
            maxLength={16}
            defaultValue={values.price}
            errors={errors}
          />
          <TextField
            name="minContractMonths"
            label={labels.minContractMonths!}
            hint={t('vendor:minContractHint')}
            inputMode="numeric"
            maxLength={3}
            defaultValue={values.minContractMonths}
            errors={errors}
          />
          <TextField
            name="deploymentDays"
            label={labels.deploymentDays!}
            hint={t('vendor:deploymentHint')}
            inputMode="numeric"
            maxLength={4}
            defaultValue={values.deploymentDays}
            errors={errors}
          />
        </fieldset>
        <fieldset className="form-section">
          <legend>{t('vendor:attributes.sectionTitle')}</legend>
          <p className="hint">{t('vendor:attributes.sectionHint')}</p>
          <CheckboxGroup
            name="needsMet"
            legend={labels.needsMet!}
            hint={t('vendor:attributes.needsMetHint')}
            errors={errors}
            checked={listOf(values.needsMet)}
            options={needs.map((code) => ({ value: code, label: t(`match:needs.${code}`) }))}
          />
          <CheckboxGroup
            name="paymentMethods"
            legend={labels.paymentMethods!}
            hint={t('vendor:attributes.paymentMethodsHint')}
            errors={errors}
            checked={listOf(values.paymentMethods)}
            options={paymentMethods.map((code) => ({ value: code, label: t(`match:methods.${code}`) }))}
          />
          <TextField
            name="maxOutlets"
            label={labels.maxOutlets!}
            hint={t('vendor:attributes.maxOutletsHint')}
            inputMode="numeric"
            maxLength={3}
            defaultValue={values.maxOutlets}
            errors={errors}
          />
          <TextField
            name="minSeats"
            label={labels.minSeats!}
            hint={t('vendor:attributes.seatsHint')}
            inputMode="numeric"
            maxLength={4}
            defaultValue={values.minSeats}
            errors={errors}
          />
          <TextField
            name="maxSeats"
            label={labels.maxSeats!}
            hint={t('vendor:attributes.seatsHint')}
            inputMode="numeric"
            maxLength={4}
            defaultValue={values.maxSeats}
            errors={errors}
          />
          <RadioGroup
            name="supportArea"
            legend={labels.supportArea!}
            errors={errors}
            defaultValue={values.supportArea ?? 'all'}
            options={[
              { value: 'all', label: t('vendor:attributes.supportAll') },
              { value: 'districts', label: t('vendor:attributes.supportSome') },
            ]}
          />
          <CheckboxGroup
            name="supportDistricts"
            legend={labels.supportDistricts!}
            hint={t('vendor:attributes.supportDistrictsHint')}
            errors={errors}
            checked={listOf(values.supportDistricts)}
            options={districts.map((code) => ({ value: code, label: t(`common:districts.${code}`) }))}
          />
        </fieldset>
        <fieldset className={errors?.features?.length ? 'form-section field--error' : 'form-section'} id="features" tabIndex={-1}>
          <legend>{t('vendor:sectionFeatures')}</legend>
          <p className="hint">{t('vendor:featuresHint')}</p>
          {errors?.features?.length ? (
            <p className="field-error" id="features-error">
              <span className="visually-hidden">{t('common:errorPrefix')}</span> {t(errors.features[0]!)}
            </p>
          ) : null}
          {Array.from({ length: MAX_FEATURES }, (_, i) => (
            <div className="feature-row" key={i}>
              <TextField
                name={`featureNameEn${i}`}
                label={labels[`featureNameEn${i}`]!}
                maxLength={120}
                defaultValue={values[`featureNameEn${i}`]}
                errors={errors}
              />
              <TextField
                name={`featureNameZh${i}`}
                label={t('vendor:featureNameZh', { n: i + 1 })}
                maxLength={60}
                defaultValue={values[`featureNameZh${i}`]}
                errors={errors}
              />
              <TextField
                name={`featurePrice${i}`}
                label={labels[`featurePrice${i}`]!}
                inputMode="decimal"
                maxLength={16}
                defaultValue={values[`featurePrice${i}`]}
                errors={errors}
              />
              <SelectField
                name={`featureModel${i}`}
                label={t('vendor:featureModel', { n: i + 1 })}
                defaultValue={values[`featureModel${i}`] ?? 'one_off'}
                options={[
                  { value: 'one_off', label: t('vendor:oneOff') },
                  { value: 'monthly', label: t('vendor:monthly') },
                ]}
              />
              <TextField
                name={`featureContract${i}`}
                label={labels[`featureContract${i}`]!}
                inputMode="numeric"
                maxLength={3}
                defaultValue={values[`featureContract${i}`]}
                errors={errors}
              />
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}

function listOf(value: string | undefined): string[] {
  return value ? value.split(',') : [];
}

/** Checkboxes of one group; the first box carries the group's name as id, so the error summary links to it. */
function CheckboxGroup({
  name,
  legend,
  hint,
  errors,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  errors?: FieldErrors;
  options: { value: string; label: string }[];
  checked: readonly string[];
}) {
  const { t } = useTranslation();
  const list = errors?.[name];
  const described = [hint ? `${name}-hint` : '', list?.length ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={list?.length ? 'field field--error' : 'field'} aria-describedby={described}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {list?.length ? (
        <p className="field-error" id={`${name}-error`}>
          <span className="visually-hidden">{t('common:errorPrefix')}</span> {t(list[0]!)}
        </p>
      ) : null}
      {options.map((option, index) => {
        const id = index === 0 ? name : `${name}-${option.value}`;
        return (
          <div className="checkbox" key={option.value}>
            <input type="checkbox" id={id} name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
