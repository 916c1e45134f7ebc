import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assumedAttributes,
  attributeSignals,
  checkStatedAttributes,
  deriveListingAttributes,
  matchAttributes,
  needsInName,
  paymentMethodsInText,
  seatsInText,
  type StatedAttributes,
} from '../../app/domain/listing-attributes';
import { matchPackages, needs, paymentMethods, type MatchPackage } from '../../app/domain/matcher';
import { districts } from '../../app/domain/programme';
import { seedAttributes, seedSolutions } from '../../db/seed-data';

describe('paymentMethodsInText', () => {
  it.each([
    [
      'Accepts Octopus, FPS, PayMe, AlipayHK, WeChat Pay HK, Visa, Mastercard, Apple Pay and Google Pay',
      ['octopus', 'fps', 'alipay_hk', 'wechat_pay_hk', 'payme', 'cards', 'apple_google_pay'],
    ],
    ['接受八達通、轉數快、支付寶香港、微信支付香港及銀聯', ['octopus', 'fps', 'alipay_hk', 'wechat_pay_hk', 'cards']],
    ['A counter POS with a cash drawer', []],
    // "fps" inside another word is not FPS, and a frame rate is not a payment method.
    ['60fps video', []],
  ])('%s', (text, expected) => {
    expect(paymentMethodsInText(text)).toEqual(expected);
  });
});

describe('needsInName', () => {
  it.each([
    ['Online ordering QR code', ['online_orders']],
    ['Online takeaway ordering', ['online_orders']],
    ['Food Delivery Platform Launch', ['online_orders']],
    ['E-commerce Website & SEO', ['online_orders', 'found_online']],
    // In-store ordering and stock sync with an online shop are not selling online.
    ['QR code table ordering', []],
    ['Online shop stock sync', []],
    ['E-coupon module', ['bring_back']],
    ['Google review invitations', ['found_online']],
    ['Booking & Regulars CRM', ['know_customers']],
    ['Membership system integration', []],
    ['Extra POS terminal', []],
  ])('%s', (name, expected) => {
    expect(needsInName(name)).toEqual(expected);
  });
});

describe('seatsInText', () => {
  it.each([
    ['Suits family restaurants and noodle shops with 20 to 60 seats, with set meals', { minSeats: 20, maxSeats: 60 }],
    ['for restaurants of 60 to 150 seats.', { minSeats: 60, maxSeats: 150 }],
    ['for 12-40 seats', { minSeats: 12, maxSeats: 40 }],
    ['for 60 to 20 seats', null],
    ['for busy cha chaan tengs', null],
  ])('%s', (text, expected) => {
    expect(seatsInText(text)).toEqual(expected);
  });
});

describe('deriveListingAttributes', () => {
  it('keeps the category defaults, adds what the name says and the methods the description names', () => {
    expect(
      deriveListingAttributes({
        category: 'online_promotion',
        name: 'Online Shop with Local Delivery',
        description: 'Checkout by FPS and PayMe.',
        features: [{ name: 'Stock sync with shop POS' }],
      }),
    ).toEqual({
      needsMet: ['found_online', 'online_orders'],
      paymentMethods: ['fps', 'payme'],
      features: [{ needsMet: [], paymentMethods: [] }],
    });
  });

  it('leaves needs to the category defaults when the name adds nothing, and always counts Octopus and FPS for a vetted POS', () => {
    const derived = deriveListingAttributes({
      category: 'e_payment_pos',
      name: 'Small Shop POS Starter',
      description: 'Takes PayMe.',
      features: [],
    });
    expect(derived.needsMet).toBeUndefined();
    expect(derived.paymentMethods).toEqual(['octopus', 'fps', 'payme']);
  });

  it('reads every seed POS as taking at least Octopus and FPS (the vetting requirement)', () => {
    for (const s of seedSolutions.filter((x) => x.category === 'e_payment_pos')) {
      const derived = deriveListingAttributes({ category: s.category, name: s.name.en, description: s.description.en, features: [] });
      expect(derived.paymentMethods).toEqual(expect.arrayContaining(['octopus', 'fps']));
    }
  });
});

const nothing: StatedAttributes = {
  needsMet: null,
  paymentMethods: null,
  maxOutlets: null,
  minSeats: null,
  maxSeats: null,
  supportDistricts: null,
};

describe('checkStatedAttributes', () => {
  const ok = { ...nothing, needsMet: ['bring_back'] as const, supportDistricts: 'all' as const };
  it.each([
    ['one need, all of Hong Kong', ok, []],
    ['no need', { ...ok, needsMet: [] }, [{ field: 'needsMet', code: 'needs_required' }]],
    ['needs not stated at all', { ...ok, needsMet: null }, [{ field: 'needsMet', code: 'needs_required' }]],
    ['e-payments and its methods', { ...ok, needsMet: ['e_payments'] as const, paymentMethods: ['octopus'] as const }, []],
    ['e-payments without methods', { ...ok, needsMet: ['e_payments'] as const }, [{ field: 'paymentMethods', code: 'methods_required' }]],
    [
      'methods without e-payments',
      { ...ok, paymentMethods: ['fps'] as const },
      [{ field: 'paymentMethods', code: 'methods_without_e_payments' }],
    ],
    ['seats in order (equal)', { ...ok, minSeats: 12, maxSeats: 12 }, []],
    ['seats backwards', { ...ok, minSeats: 13, maxSeats: 12 }, [{ field: 'maxSeats', code: 'seats_order' }]],
    ['only a lower bound', { ...ok, minSeats: 13 }, []],
    ['some districts, none named', { ...ok, supportDistricts: [] }, [{ field: 'supportDistricts', code: 'districts_required' }]],
    ['some districts', { ...ok, supportDistricts: ['islands'] }, []],
  ] as const)('%s', (_name, stated, expected) => {
    expect(checkStatedAttributes(stated)).toEqual(expected);
  });
});

describe('matchAttributes: stated attributes win, the texts fill in what is not stated', () => {
  const derived = {
    needsMet: ['e_payments', 'till_stock', 'online_orders'] as const,
    paymentMethods: ['octopus', 'fps', 'cards'] as const,
    minSeats: 20,
    maxSeats: 60,
  };
  it('takes everything stated', () => {
    const stated: StatedAttributes = {
      needsMet: ['e_payments'],
      paymentMethods: ['payme'],
      maxOutlets: 2,
      minSeats: 5,
      maxSeats: null,
      supportDistricts: ['islands'],
    };
    expect(matchAttributes({ stated, derived })).toEqual({
      needsMet: ['e_payments'],
      paymentMethods: ['payme'],
      maxOutlets: 2,
      minSeats: 5,
      maxSeats: null,
      supportDistricts: ['islands'],
    });
  });
  it('reads from the texts what is not stated', () => {
    expect(matchAttributes({ stated: nothing, derived })).toEqual({ ...derived, maxOutlets: null, supportDistricts: null });
  });
  it('stated needs without e-payments do not borrow payment methods from the texts', () => {
    expect(matchAttributes({ stated: { ...nothing, needsMet: ['till_stock'] }, derived }).paymentMethods).toBeUndefined();
  });
});

describe('attributeSignals', () => {
  const pos = { ...nothing, needsMet: ['e_payments', 'till_stock'] as const, paymentMethods: ['octopus', 'fps'] as const };
  it.each([
    ['nothing stated', nothing, 'A POS', [{ code: 'not_stated' }]],
    ['in line with the texts', pos, 'Takes Octopus and FPS', []],
    [
      'a promised need left out',
      { ...pos, needsMet: ['e_payments'] },
      'Takes Octopus and FPS',
      [{ code: 'category_need_missing', need: 'till_stock' }],
    ],
    [
      'a method the texts never name',
      { ...pos, paymentMethods: ['octopus', 'fps', 'payme'] },
      'Takes Octopus',
      [{ code: 'method_not_in_texts', method: 'payme' }],
    ],
    [
      'a method the texts name, not stated',
      pos,
      'Takes Octopus, FPS and WeChat Pay HK',
      [{ code: 'method_in_texts_not_stated', method: 'wechat_pay_hk' }],
    ],
    [
      'a seat range other than the description',
      { ...pos, minSeats: 1, maxSeats: 200 },
      'For 20 to 60 seats',
      [{ code: 'seats_differ_from_texts', minSeats: 20, maxSeats: 60 }],
    ],
    ['the seat range of the description', { ...pos, minSeats: 20, maxSeats: 60 }, 'For 20 to 60 seats', []],
  ] as const)('%s', (_name, stated, texts, expected) => {
    expect(attributeSignals({ category: 'e_payment_pos', stated, texts })).toEqual(expected);
  });
});

describe('the seed states its attributes', () => {
  it('every seeded package states needs that pass the rules, and what the texts alone would give unless it says more', () => {
    for (const solution of seedSolutions) {
      const stated = seedAttributes(solution);
      expect(checkStatedAttributes({ ...stated, supportDistricts: stated.supportDistricts ?? 'all' }), solution.name.en).toEqual([]);
      const fromTexts = assumedAttributes({ category: solution.category, name: solution.name.en, description: solution.description.en });
      expect(stated, solution.name.en).toEqual({ ...fromTexts, ...solution.attributes });
    }
    expect(seedSolutions.some((s) => s.attributes?.supportDistricts)).toBe(true);
  });
});

describe('stating what the texts say changes no match', () => {
  // A listing that states exactly what the matcher assumed of it (what the migration's seed does) is matched the same.
  const arbitraryPackage = fc.record({
    category: fc.constantFrom('e_payment_pos', 'online_promotion', 'customer_management'),
    name: fc.constantFrom('POS', 'Loyalty stamps and coupons', 'Online ordering and delivery platform', 'Google Business and SEO', 'CRM'),
    description: fc.constantFrom(
      '',
      'Takes Octopus, FPS and PayMe',
      'For 20 to 60 seats, Visa and Apple Pay',
      'WeChat Pay for 1 to 12 seats',
    ),
    priceCents: fc.integer({ min: 100_00, max: 60_000_00 }),
  });
  it('holds on random catalogues and shops', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryPackage, { minLength: 1, maxLength: 6 }),
        fc.subarray([...needs], { minLength: 1 }),
        fc.subarray([...paymentMethods]),
        fc.integer({ min: 1, max: 80 }),
        (packages, wanted, methods, seats) => {
          const build = (stated: boolean): MatchPackage[] =>
            packages.map((p, i) => {
              const derived = deriveListingAttributes({ ...p, features: [] });
              const { features: _f, ...fromTexts } = derived;
              const attributes = matchAttributes({ stated: stated ? assumedAttributes(p) : nothing, derived: fromTexts });
              return {
                id: i + 1,
                versionId: i + 1,
                category: p.category,
                sector: 'fnb',
                status: 'listed',
                versionStatus: 'approved',
                pricingModel: 'one_off',
                priceCents: p.priceCents,
                features: [],
                ...attributes,
              };
            });
          const answers = {
            sector: 'fnb',
            needs: wanted,
            paymentMethods: methods,
            outlets: 1,
            seats,
            paymentPreference: 'none' as const,
            ownSpendLimitCents: null,
            district: districts[0],
          };
          const context = { headroomCents: 50_000_00, rules: { matchBps: 5_000, maxSubscriptionMonths: 24 } };
          expect(matchPackages({ answers, catalogue: build(true), context })).toEqual(
            matchPackages({ answers, catalogue: build(false), context }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
