// Catalogues for the matcher's tests and benchmark: the seed's 56 packages as matcher input, and a deterministic
// generator of large realistic catalogues.
import { seedAttributes, seedSolutions } from '../../db/seed-data';
import { deriveListingAttributes, matchAttributes } from '../../app/domain/listing-attributes';
import type { MatchAnswers, MatchPackage, Need, PaymentMethod } from '../../app/domain/matcher';
import { districts } from '../../app/domain/programme';

/** The seed catalogue as the service would hand it over: ids in seed order, the attributes the seed states. */
export function seedMatchCatalogue(): MatchPackage[] {
  let featureId = 1;
  return seedSolutions.map((s, i) => {
    const derived = deriveListingAttributes({
      category: s.category,
      name: s.name.en,
      description: s.description.en,
      features: s.features.map((f) => ({ name: f.name.en })),
    });
    const { features: featureAttributes, ...fromTexts } = derived;
    const attributes = matchAttributes({ stated: seedAttributes(s), derived: fromTexts });
    return {
      id: i + 1,
      versionId: 1_000 + i,
      category: s.category,
      sector: s.sector,
      status: 'listed',
      versionStatus: 'approved',
      pricingModel: s.pricingModel,
      priceCents: s.priceCents,
      ...attributes,
      features: s.features.map((f, j) => ({
        id: featureId++,
        pricingModel: f.pricingModel,
        priceCents: f.priceCents,
        ...featureAttributes[j],
      })),
    };
  });
}

/** Seed names by package id, for readable assertions. */
export function seedName(id: number): string {
  return seedSolutions[id - 1]?.name.en ?? `#${id}`;
}

/** mulberry32: a small deterministic PRNG, so every run benchmarks the same catalogue. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const cats = ['e_payment_pos', 'online_promotion', 'customer_management'] as const;
const otherMethods: PaymentMethod[] = ['alipay_hk', 'wechat_pay_hk', 'payme', 'cards', 'apple_google_pay'];
const crossNeeds: Need[] = ['online_orders', 'found_online', 'bring_back', 'know_customers', 'till_stock'];

/** `count` listed-looking packages over four sectors and three categories, prices in HK$10/HK$100 steps. */
export function generateMatchCatalogue(count: number, seed = 13): MatchPackage[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const between = (min: number, max: number, step: number) => min + Math.floor((rnd() * (max - min)) / step) * step;
  let featureId = 1;
  const out: MatchPackage[] = [];
  for (let i = 0; i < count; i++) {
    const category = pick(cats);
    const r = rnd();
    const sector = r < 0.45 ? 'fnb' : r < 0.9 ? 'retail' : r < 0.95 ? 'tourism' : 'personal_services';
    const monthly = rnd() < 0.4;
    const features = Array.from({ length: Math.floor(rnd() * 5) }, () => {
      const fMonthly = rnd() < 0.4;
      return {
        id: featureId++,
        pricingModel: fMonthly ? ('monthly' as const) : ('one_off' as const),
        priceCents: fMonthly ? between(50_00, 900_00, 10_00) : between(500_00, 25_000_00, 100_00),
        ...(rnd() < 0.3 ? { needsMet: [pick(crossNeeds)] } : {}),
        ...(category === 'e_payment_pos' && rnd() < 0.15 ? { paymentMethods: [pick(otherMethods)] } : {}),
      };
    });
    const statusRoll = rnd();
    out.push({
      id: i + 1,
      versionId: 100_000 + i,
      category,
      sector,
      status: statusRoll < 0.03 ? 'delisted' : 'listed',
      versionStatus: statusRoll > 0.97 ? 'pending_review' : 'approved',
      pricingModel: monthly ? 'monthly' : 'one_off',
      priceCents: monthly ? between(150_00, 4_000_00, 10_00) : between(3_000_00, 99_800_00, 100_00),
      features,
      ...(rnd() < 0.4 ? { needsMet: [...new Set<Need>([...defaultsOf(category), pick(crossNeeds)])] } : {}),
      ...(category === 'e_payment_pos'
        ? { paymentMethods: ['octopus', 'fps', ...otherMethods.filter(() => rnd() < 0.6)] as PaymentMethod[] }
        : {}),
      ...(rnd() < 0.3 ? { maxOutlets: 1 + Math.floor(rnd() * 5) } : {}),
      ...(rnd() < 0.2
        ? (() => {
            const min = between(1, 60, 1);
            return { minSeats: min, maxSeats: min + between(10, 120, 1) };
          })()
        : {}),
      ...(rnd() < 0.25 ? { supportDistricts: districts.filter(() => rnd() < 0.35) } : {}),
    });
  }
  return out;
}

function defaultsOf(category: string): Need[] {
  return category === 'e_payment_pos'
    ? ['e_payments', 'till_stock']
    : category === 'online_promotion'
      ? ['found_online']
      : ['bring_back', 'know_customers'];
}

/** The example of issue 13: a 12-seat noodle shop in Sham Shui Po that only takes cash. */
export const noodleShop: MatchAnswers = {
  sector: 'fnb',
  needs: ['e_payments', 'till_stock', 'bring_back'],
  paymentMethods: ['octopus', 'fps', 'alipay_hk', 'wechat_pay_hk'],
  alreadyHas: [],
  outlets: 1,
  seats: 12,
  paymentPreference: 'none',
  ownSpendLimitCents: null,
  district: 'sham_shui_po',
};

/** A spread of owners for the benchmark. */
export const benchAnswers: MatchAnswers[] = [
  noodleShop,
  { ...noodleShop, ownSpendLimitCents: 20_000_00 },
  {
    sector: 'retail',
    needs: ['till_stock', 'online_orders', 'know_customers', 'e_payments', 'found_online', 'bring_back'],
    paymentMethods: ['octopus', 'payme', 'cards'],
    outlets: 3,
    seats: null,
    paymentPreference: 'monthly',
    ownSpendLimitCents: 45_000_00,
    district: 'kwun_tong',
  },
  {
    sector: 'fnb',
    needs: ['found_online', 'bring_back', 'online_orders'],
    alreadyHas: ['e_payment_pos'],
    outlets: 1,
    seats: 30,
    paymentPreference: 'one_off',
    ownSpendLimitCents: 15_000_00,
    district: 'wan_chai',
  },
  {
    sector: 'retail',
    needs: ['e_payments', 'found_online', 'know_customers', 'bring_back'],
    paymentMethods: ['octopus', 'fps', 'alipay_hk', 'wechat_pay_hk', 'payme', 'cards', 'apple_google_pay'],
    outlets: 1,
    seats: null,
    paymentPreference: 'none',
    ownSpendLimitCents: null,
    district: null,
  },
];
