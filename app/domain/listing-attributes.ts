// What a listing meets for the matcher, read from its names and description while vendors do not yet state it.
// Stated attributes (issue 13 §1: edited by vendors, checked at vetting) always win over what is read here.
import { defaultNeedsByCategory, defaultPaymentMethodsByCategory, paymentMethods, type Need, type PaymentMethod } from './matcher';

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
