// What a listing meets for the matcher, read from its names and description while vendors do not yet state it.
// Stated attributes (issue 13 §1: edited by vendors, checked at vetting) always win over what is read here.
import { defaultNeedsByCategory, defaultPaymentMethodsByCategory, needs, paymentMethods, type Need, type PaymentMethod } from './matcher';

const methodPatterns: Record<PaymentMethod, RegExp> = {
  octopus: /octopus|八達通|八达通/i,
  fps: /\bFPS\b|轉數快|转数快/,
  alipay_hk: /alipay\s?hk|支付寶香港|支付宝香港/i,
  wechat_pay_hk: /wechat\s?pay|微信支付/i,
  payme: /\bpayme\b/i,
  cards: /\bvisa\b|mastercard|unionpay|銀聯|银联/i,
  apple_google_pay: /apple pay|google pay/i,
};

/** The payment methods a text names, in the glossary's order. */
export function paymentMethodsInText(text: string): PaymentMethod[] {
  return paymentMethods.filter((method) => methodPatterns[method].test(text));
}

// Names only: descriptions mention "takeaway orders" or "online shop sync" for things that are not online selling.
const sellsOnline = /online (takeaway )?order|online shop|e-?commerce|marketplace|delivery platform/i;
const needPatterns: readonly { need: Need; pattern: RegExp; unless?: RegExp }[] = [
  { need: 'online_orders', pattern: sellsOnline, unless: /sync/i },
  { need: 'found_online', pattern: /google business|google review|\bseo\b|social media/i },
  { need: 'bring_back', pattern: /coupon|stamp|points|loyalty|birthday|member (app|cards?)\b|whatsapp broadcast/i },
  { need: 'know_customers', pattern: /\bcrm\b|customer data|guest (list|book)|clienteling/i },
];

/** Needs a package or feature name says it meets beyond its category's defaults. */
export function needsInName(name: string): Need[] {
  return needPatterns.filter(({ pattern, unless }) => pattern.test(name) && !unless?.test(name)).map(({ need }) => need);
}

/** "20 to 60 seats" → { minSeats: 20, maxSeats: 60 }; nothing when the text names no range. */
export function seatsInText(text: string): { minSeats: number; maxSeats: number } | null {
  const match = /(\d{1,4})\s*(?:to|-|–)\s*(\d{1,4})\s*seats/i.exec(text);
  if (!match) return null;
  const [minSeats, maxSeats] = [Number(match[1]), Number(match[2])];
  return minSeats <= maxSeats ? { minSeats, maxSeats } : null;
}

export type DerivedAttributes = {
  needsMet?: Need[];
  paymentMethods?: PaymentMethod[];
  minSeats?: number;
  maxSeats?: number;
  features: { needsMet: Need[]; paymentMethods: PaymentMethod[] }[];
};

/**
 * What the matcher may assume of a listing that states nothing: its category's defaults (left to the matcher), plus
 * the needs its name names, the payment methods its description names, and a seat range the description gives.
 * `needsMet` is set only when the name adds something, so the category's defaults still apply.
 */
export function deriveListingAttributes({
  category,
  name,
  description,
  features,
}: {
  category: string;
  name: string;
  description: string;
  features: readonly { name: string }[];
}): DerivedAttributes {
  const extra = needsInName(name);
  const methods = paymentMethodsInText(`${name} ${description}`);
  const seats = seatsInText(description);
  const defaults = defaultNeedsByCategory[category] ?? [];
  const derived: DerivedAttributes = {
    features: features.map((f) => ({ needsMet: needsInName(f.name), paymentMethods: paymentMethodsInText(f.name) })),
  };
  if (extra.some((need) => !defaults.includes(need))) derived.needsMet = [...new Set([...defaults, ...extra])];
  if (methods.length > 0) {
    const all = new Set([...(defaultPaymentMethodsByCategory[category] ?? []), ...methods]);
    derived.paymentMethods = paymentMethods.filter((method) => all.has(method));
  }
  if (seats) Object.assign(derived, seats);
  return derived;
}

// ── What a listing states (issue 13 §1) ─────────────────────────────────────────────────────────────────────────

/** What a vendor states on a package version for the matcher; null = not stated (support districts: all of Hong Kong). */
export type StatedAttributes = {
  needsMet: readonly Need[] | null;
  paymentMethods: readonly PaymentMethod[] | null;
  maxOutlets: number | null;
  minSeats: number | null;
  maxSeats: number | null;
  supportDistricts: readonly string[] | null;
};

export const MAX_OUTLETS = 999;
export const MAX_SEATS = 9999;

export type AttributeField = 'needsMet' | 'paymentMethods' | 'maxOutlets' | 'minSeats' | 'maxSeats' | 'supportDistricts';
export type AttributeCode = 'needs_required' | 'methods_required' | 'methods_without_e_payments' | 'seats_order' | 'districts_required';

/**
 * The rules between the stated attributes (each value is already bounded by the form's schema): at least one need;
 * payment methods exactly when e-payments is a need; seats from no more than to; "some districts" names at least one.
 */
export function checkStatedAttributes(
  stated: Omit<StatedAttributes, 'supportDistricts'> & { supportDistricts: readonly string[] | 'all' },
): { field: AttributeField; code: AttributeCode }[] {
  const problems: { field: AttributeField; code: AttributeCode }[] = [];
  const needsMet = stated.needsMet ?? [];
  const methods = stated.paymentMethods ?? [];
  if (needsMet.length === 0) problems.push({ field: 'needsMet', code: 'needs_required' });
  if (needsMet.includes('e_payments') && methods.length === 0) problems.push({ field: 'paymentMethods', code: 'methods_required' });
  if (!needsMet.includes('e_payments') && methods.length > 0)
    problems.push({ field: 'paymentMethods', code: 'methods_without_e_payments' });
  if (stated.minSeats != null && stated.maxSeats != null && stated.minSeats > stated.maxSeats)
    problems.push({ field: 'maxSeats', code: 'seats_order' });
  if (stated.supportDistricts !== 'all' && stated.supportDistricts.length === 0)
    problems.push({ field: 'supportDistricts', code: 'districts_required' });
  return problems;
}

/**
 * What the matcher takes of a package: each stated attribute, or when that one is not stated, what the texts say
 * (deriveListingAttributes; absent there too, the matcher applies the category's defaults).
 */
export function matchAttributes({
  stated,
  derived,
}: {
  stated: Partial<StatedAttributes>;
  derived: { needsMet?: readonly Need[]; paymentMethods?: readonly PaymentMethod[]; minSeats?: number; maxSeats?: number };
}) {
  const seatsStated = stated.minSeats != null || stated.maxSeats != null;
  return {
    needsMet: stated.needsMet ?? derived.needsMet,
    paymentMethods: stated.paymentMethods ?? (stated.needsMet ? undefined : derived.paymentMethods),
    maxOutlets: stated.maxOutlets ?? null,
    minSeats: seatsStated ? (stated.minSeats ?? null) : (derived.minSeats ?? null),
    maxSeats: seatsStated ? (stated.maxSeats ?? null) : (derived.maxSeats ?? null),
    supportDistricts: stated.supportDistricts ?? null,
  };
}

/** The attributes a version that states nothing is matched on: its category's defaults plus what its texts say. */
export function assumedAttributes({
  category,
  name,
  description,
}: {
  category: string;
  name: string;
  description: string;
}): StatedAttributes {
  const derived = deriveListingAttributes({ category, name, description, features: [] });
  const needsMet = derived.needsMet ?? [...(defaultNeedsByCategory[category] ?? [])];
  const methods = derived.paymentMethods ?? [...(defaultPaymentMethodsByCategory[category] ?? [])];
  return {
    needsMet,
    paymentMethods: needsMet.includes('e_payments') && methods.length > 0 ? methods : null,
    maxOutlets: null,
    minSeats: derived.minSeats ?? null,
    maxSeats: derived.maxSeats ?? null,
    supportDistricts: null,
  };
}

export type AttributeSignal =
  | { code: 'not_stated' }
  | { code: 'category_need_missing'; need: Need }
  | { code: 'method_not_in_texts'; method: PaymentMethod }
  | { code: 'method_in_texts_not_stated'; method: PaymentMethod }
  | { code: 'seats_differ_from_texts'; minSeats: number; maxSeats: number };

/**
 * What an officer should look at when vetting the stated attributes against the texts: needs the category's basic
 * requirements promise but the vendor did not state, payment methods stated but never named in the description (or
 * named but not stated), and a seat range other than the one the description gives. Signals, not refusals.
 */
export function attributeSignals({
  category,
  stated,
  texts,
}: {
  category: string;
  stated: StatedAttributes;
  texts: string;
}): AttributeSignal[] {
  if (stated.needsMet == null) return [{ code: 'not_stated' }];
  const signals: AttributeSignal[] = [];
  for (const need of defaultNeedsByCategory[category] ?? [])
    if (!stated.needsMet.includes(need)) signals.push({ code: 'category_need_missing', need });
  const named = paymentMethodsInText(texts);
  const methods = stated.paymentMethods ?? [];
  const guaranteed = defaultPaymentMethodsByCategory[category] ?? [];
  for (const method of methods)
    if (!named.includes(method) && !guaranteed.includes(method)) signals.push({ code: 'method_not_in_texts', method });
  if (stated.needsMet.includes('e_payments'))
    for (const method of named) if (!methods.includes(method)) signals.push({ code: 'method_in_texts_not_stated', method });
  const seats = seatsInText(texts);
  if (seats && (seats.minSeats !== stated.minSeats || seats.maxSeats !== stated.maxSeats))
    signals.push({ code: 'seats_differ_from_texts', ...seats });
  return signals;
}

/** A version's stored attributes as the domain's type; unknown codes (none pass the CHECK constraints) are dropped. */
export function storedAttributes(row: {
  needsMet: readonly string[] | null;
  paymentMethods: readonly string[] | null;
  maxOutlets: number | null;
  minSeats: number | null;
  maxSeats: number | null;
  supportDistricts: readonly string[] | null;
}): StatedAttributes {
  return {
    needsMet: row.needsMet?.filter((code): code is Need => (needs as readonly string[]).includes(code)) ?? null,
    paymentMethods:
      row.paymentMethods?.filter((code): code is PaymentMethod => (paymentMethods as readonly string[]).includes(code)) ?? null,
    maxOutlets: row.maxOutlets,
    minSeats: row.minSeats,
    maxSeats: row.maxSeats,
    supportDistricts: row.supportDistricts ? [...row.supportDistricts] : null,
  };
}

/** What a version states, or when it states nothing (needs not stated), what the matcher assumes of it. */
export function statedOrAssumed(
  version: Parameters<typeof storedAttributes>[0] & { category: string; nameEn: string; descriptionEn: string },
): StatedAttributes {
  const stated = storedAttributes(version);
  if (stated.needsMet != null) return stated;
  return {
    ...assumedAttributes({ category: version.category, name: version.nameEn, description: version.descriptionEn }),
    maxOutlets: stated.maxOutlets,
    supportDistricts: stated.supportDistricts,
  };
}
