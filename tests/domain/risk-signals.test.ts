import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import enRisk from '../../locales/en/risk.json';
import cnRisk from '../../locales/zh-CN/risk.json';
import hkRisk from '../../locales/zh-HK/risk.json';
import {
  MANY_AT_ADDRESS,
  normaliseAddress,
  normalisePhone,
  quotationCluster,
  riskCodes,
  riskSignals,
  type PeerFacts,
  type QuotationGroup,
  type RiskFacts,
} from '../../app/domain/risk-signals';

const CEILING = 100_000_00;
const CAP = 50_000_00;
const nobody: PeerFacts = { enterpriseCount: 0, applicationCount: 0, references: [] };

/** Facts about an application with nothing unusual about it. */
const clean = (overrides: Partial<RiskFacts> = {}): RiskFacts => ({
  samePhone: nobody,
  sameAddress: nobody,
  atAddress: { applicationCount: 1, enterpriseCount: 1 },
  sameOwner: nobody,
  vendorQuotations: [{ eligibleCostCents: 28_000_00, ceilingCents: CEILING, count: 40 }],
  claimInvoicedCents: [],
  committedCents: 14_000_00,
  registrationConflicts: 0,
  sameIdentity: nobody,
  capCents: CAP,
  matchBps: 5_000,
  ...overrides,
});

const codes = (facts: RiskFacts) => riskSignals(facts).map((s) => s.code);

/** Characters real Hong Kong addresses are typed with: ASCII, full-width forms, Chinese, CJK punctuation, odd spaces. */
const addressChar = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,./-#()&\'":;!'.split(''),
  ...'ＡＢＣａｂｃ０１２３，．／（）－　'.split(''),
  ...'九龍深水埗福榮街號樓室座地下舖大廈香港灣仔道'.split(''),
  ...'、。「」《》【】‧·…—'.split(''),
  '\u00A0',
  '\t',
  'Flat ',
  'FLAT',
  'Rm.',
  'Room ',
  'unit',
  'Showroom',
  'United',
  // Halves of the unit words, so that separators between them come up often.
  'fl',
  'at',
  'R',
  'm',
  'ro',
  'om',
  'un',
  'it',
);
const address = fc.array(addressChar, { maxLength: 40 }).map((parts) => parts.join(''));

/** What people type in a phone field, with digits of other scripts (full-width, Arabic-Indic) that are not ASCII digits. */
const phoneChar = fc.oneof(fc.constantFrom(...'0123456789 +-().x#２３٣\u00A0'.split('')), fc.string({ minLength: 1, maxLength: 1 }));

describe('normalisePhone', () => {
  it.each([
    ['2345 6789', '23456789'],
    ['2345-6789', '23456789'],
    ['23456789', '23456789'],
    [' (2345) 6789 ', '23456789'],
    ['+852 2345 6789', '85223456789'],
    ['no digits', ''],
    ['', ''],
    ['２３４５ ６７８９', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it('keeps only ASCII digits, and normalising again changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: phoneChar, maxLength: 30 }), (phone) => {
        const once = normalisePhone(phone);
        return /^[0-9]*$/.test(once) && normalisePhone(once) === once;
      }),
    );
  });
});

describe('normaliseAddress', () => {
  it.each([
    ['case, spaces and punctuation', 'Flat A, 3/F, 12 Fuk Wing Street', 'flat a 3f 12 fuk wing street.'],
    ['Flat and Room wording', 'Flat A, 3/F, 12 Fuk Wing Street', 'Room A, 3/F, 12 Fuk Wing Street'],
    ['short forms', 'Rm. 1203, 12/F, Wing On Plaza', 'RM 1203 12/F WING ON PLAZA'],
    ['Unit and Flt', 'Unit 5, 8 Nathan Road', 'Flt 5, 8 Nathan Road'],
    ['wording glued to the number', 'Flat12, 8 Nathan Road', '12, 8 Nathan Road'],
    ['full-width characters', '１２ Ｆｕｋ Ｗｉｎｇ Ｓｔｒｅｅｔ', '12 Fuk Wing Street'],
    ['Chinese with spaces and CJK punctuation', '九龍深水埗福榮街12號地下', '九龍 深水埗、福榮街 12 號（地下）'],
    ['no-break and ideographic spaces', '12\u00A0Fuk\u3000Wing Street', '12 Fuk Wing Street'],
  ])('%s: the same place', (_name, a, b) => {
    expect(normaliseAddress(a)).toBe(normaliseAddress(b));
  });

  it.each([
    ['another number', '12 Fuk Wing Street', '21 Fuk Wing Street'],
    ['another flat', 'Flat A, 12 Fuk Wing Street', 'Flat B, 12 Fuk Wing Street'],
    ['"room" inside a word is kept', '1 Showroom Lane', '1 Show Lane'],
    ['"unit" inside a word is kept', '1 United Centre', '1 ed Centre'],
    ['another Chinese street', '福榮街12號', '福華街12號'],
  ])('%s: different places', (_name, a, b) => {
    expect(normaliseAddress(a)).not.toBe(normaliseAddress(b));
  });

  it('gives the comparable form of an example', () => {
    expect(normaliseAddress('Flat A, 3/F, 12 Fuk Wing Street, Sham Shui Po')).toBe('a3f12fukwingstreetshamshuipo');
  });

  it.each(['12 fl.at 3', 'A-R/m 5', '九龍R.M.1', 'Flat Flat', 'flatroom12'])('is stable on %j when normalised again', (text) => {
    const once = normaliseAddress(text);
    expect(normaliseAddress(once)).toBe(once);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(address, (text) => {
        const once = normaliseAddress(text);
        expect(normaliseAddress(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('ignores ASCII case and the kind or amount of separators between words', () => {
    fc.assert(
      fc.property(address, fc.constantFrom(', ', ' - ', '  ', '/', '、'), (text, separator) => {
        const key = normaliseAddress(text);
        expect(normaliseAddress(text.replace(/[a-z]/g, (c) => c.toUpperCase()))).toBe(key);
        expect(normaliseAddress(text.replace(/ /g, separator))).toBe(key);
      }),
      { numRuns: 300 },
    );
  });
});

describe('riskSignals', () => {
  it('raises nothing on clean facts', () => {
    expect(riskSignals(clean())).toEqual([]);
  });

  it('raises nothing whenever no link, no cluster and no cap is in the facts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ eligibleCostCents: fc.integer({ min: 0, max: 94_999_99 }), count: fc.integer({ min: 1, max: 50 }) }), {
          maxLength: 6,
        }),
        fc.array(fc.integer({ min: 1, max: 2 * CAP - 1 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: CAP - 1 }),
        fc.integer({ min: 0, max: MANY_AT_ADDRESS - 1 }),
        (groups, invoices, committedCents, applicationCount) => {
          const facts = clean({
            vendorQuotations: groups.map((g) => ({ ...g, ceilingCents: CEILING })),
            claimInvoicedCents: invoices,
            committedCents,
            atAddress: { applicationCount, enterpriseCount: Math.min(applicationCount, 2) },
          });
          expect(riskSignals(facts)).toEqual([]);
        },
      ),
    );
  });

  describe('same_phone', () => {
    it.each([
      [{ enterpriseCount: 0, applicationCount: 0, references: [] }, null],
      [{ enterpriseCount: 1, applicationCount: 0, references: [] }, 'info'],
      [{ enterpriseCount: 1, applicationCount: 2, references: ['DTS-2026-000001', 'DTS-2026-000002'] }, 'warning'],
    ] as const)('%j → %s', (samePhone, severity) => {
      const signals = riskSignals(clean({ samePhone: { ...samePhone, references: [...samePhone.references] } }));
      expect(signals).toEqual(severity === null ? [] : [{ code: 'same_phone', severity, params: { ...samePhone } }]);
    });
  });

  describe('same_address', () => {
    it.each([
      [0, []],
      [1, ['same_address']],
      [4, ['same_address']],
    ])('%i other enterprises → %j', (enterpriseCount, expected) => {
      expect(codes(clean({ sameAddress: { enterpriseCount, applicationCount: 0, references: [] } }))).toEqual(expected);
    });
  });

  describe('many_at_address', () => {
    it.each([
      // live applications at the address, enterprises with them, fires
      [MANY_AT_ADDRESS - 1, 2, false],
      [MANY_AT_ADDRESS, 2, true],
      [MANY_AT_ADDRESS, 3, true],
      [MANY_AT_ADDRESS, 1, false], // one enterprise, one application per category: ordinary
      [12, 1, false],
      [12, 6, true],
    ])('%i applications from %i enterprises → %s', (applicationCount, enterpriseCount, fires) => {
      const signals = riskSignals(clean({ atAddress: { applicationCount, enterpriseCount } }));
      expect(signals.filter((s) => s.code === 'many_at_address')).toEqual(
        fires
          ? [{ code: 'many_at_address', severity: 'warning', params: { applicationCount, enterpriseCount, threshold: MANY_AT_ADDRESS } }]
          : [],
      );
    });
  });

  describe('same_owner', () => {
    it.each([
      [0, []],
      [1, ['same_owner']],
    ])('%i other applying enterprises of the same account → %j', (enterpriseCount, expected) => {
      expect(codes(clean({ sameOwner: { enterpriseCount, applicationCount: enterpriseCount, references: [] } }))).toEqual(expected);
    });
  });

  describe('quotes_near_ceiling', () => {
    const near = CEILING - 5_000_00; // exactly 5% below: still near
    const far = near - 1;
    const groups = (...pairs: [number, number][]): QuotationGroup[] =>
      pairs.map(([eligibleCostCents, count]) => ({ eligibleCostCents, count, ceilingCents: CEILING }));

    it.each([
      ['2 quotations, both near: too few', groups([near, 2]), false],
      ['3 quotations, all near', groups([near, 3]), true],
      ['3 quotations, 2 near', groups([near, 2], [far, 1]), true],
      ['3 quotations, 1 near', groups([near, 1], [far, 2]), false],
      ['4 quotations, exactly half near', groups([CEILING, 1], [near, 1], [far, 2]), true],
      ['5 quotations, 2 near (40%)', groups([near, 2], [far, 3]), false],
      ['1 cent over 5% below is not near', groups([far, 3]), false],
      ['at the ceiling is near', groups([CEILING, 3]), true],
      ['over the ceiling is not "just under" it', groups([CEILING + 1, 3]), false],
      ['no quotations', [], false],
    ])('%s', (_name, vendorQuotations, fires) => {
      expect(codes(clean({ vendorQuotations })).includes('quotes_near_ceiling')).toBe(fires);
    });

    it('uses the ceiling of each kind of package', () => {
      const subscriptionCeiling = 80_000_00;
      const vendorQuotations = [
        { eligibleCostCents: 79_000_00, ceilingCents: subscriptionCeiling, count: 2 }, // near its own ceiling
        { eligibleCostCents: 79_000_00, ceilingCents: CEILING, count: 2 }, // far from the one-off ceiling
      ];
      expect(riskSignals(clean({ vendorQuotations })).find((s) => s.code === 'quotes_near_ceiling')).toEqual({
        code: 'quotes_near_ceiling',
        severity: 'warning',
        params: { nearCount: 2, quotationCount: 4 },
      });
    });

    it('fires exactly when at least 3 quotations and at least half of them are near (against a brute-force count)', () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({ eligibleCostCents: fc.integer({ min: 90_000_00, max: 101_000_00 }), count: fc.integer({ min: 1, max: 4 }) }),
            { maxLength: 5 },
          ),
          (raw) => {
            const vendorQuotations = raw.map((g) => ({ ...g, ceilingCents: CEILING }));
            const each = vendorQuotations.flatMap((g) => Array.from({ length: g.count }, () => g.eligibleCostCents));
            const nearCount = each.filter((cost) => cost <= CEILING && cost * 100 >= CEILING * 95).length;
            const expected = each.length >= 3 && nearCount * 2 >= each.length;
            expect(quotationCluster(vendorQuotations)).toEqual({ nearCount, quotationCount: each.length, clustered: expected });
            expect(codes(clean({ vendorQuotations })).includes('quotes_near_ceiling')).toBe(expected);
          },
        ),
      );
    });
  });

  describe('invoice_at_cap', () => {
    it.each([
      [2 * CAP - 1, false],
      [2 * CAP, true],
      [2 * CAP + 1, true], // half of it rounds down to the cap, as the match does
      [2 * CAP + 2, false], // the match passes the cap: capped, not "exactly at" it
      [3 * CAP, false],
    ])('a claim invoicing %i cents → %s', (invoicedCents, fires) => {
      expect(riskSignals(clean({ claimInvoicedCents: [28_000_00, invoicedCents] })).filter((s) => s.code === 'invoice_at_cap')).toEqual(
        fires ? [{ code: 'invoice_at_cap', severity: 'warning', params: { basis: 'claim', invoicedCents, capCents: CAP } }] : [],
      );
    });

    it('follows the match ratio of the settings', () => {
      expect(codes(clean({ matchBps: 7_500, claimInvoicedCents: [2 * CAP] }))).toEqual([]);
      expect(codes(clean({ matchBps: 2_500, claimInvoicedCents: [4 * CAP] }))).toEqual(['invoice_at_cap']);
    });

    it.each([
      [CAP - 1, false],
      [CAP, true],
    ])('an enterprise with %i cents committed → %s', (committedCents, fires) => {
      expect(riskSignals(clean({ committedCents })).filter((s) => s.code === 'invoice_at_cap')).toEqual(
        fires ? [{ code: 'invoice_at_cap', severity: 'info', params: { basis: 'committed', committedCents, capCents: CAP } }] : [],
      );
    });

    it('says both when both hold', () => {
      const signals = riskSignals(clean({ committedCents: CAP, claimInvoicedCents: [2 * CAP] }));
      expect(signals.map((s) => [s.code, s.params])).toEqual([
        ['invoice_at_cap', { basis: 'claim', invoicedCents: 2 * CAP, capCents: CAP }],
        ['invoice_at_cap', { basis: 'committed', committedCents: CAP, capCents: CAP }],
      ]);
    });
  });

  it('every signal it can raise is worded in all three languages, with the same keys', () => {
    const keys = (locale: object, prefix = ''): string[] =>
      Object.entries(locale).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
      );
    expect(keys(hkRisk).sort()).toEqual(keys(enRisk).sort());
    expect(keys(cnRisk).sort()).toEqual(keys(enRisk).sort());
    for (const locale of [enRisk, hkRisk, cnRisk]) {
      for (const code of riskCodes) expect(locale.codes[code].trim()).not.toBe('');
      for (const severity of ['info', 'warning'] as const) expect(locale.severity[severity].trim()).not.toBe('');
    }
    const everything = riskSignals({
      samePhone: { enterpriseCount: 1, applicationCount: 1, references: ['DTS-2026-000001'] },
      sameAddress: { enterpriseCount: 1, applicationCount: 1, references: ['DTS-2026-000001'] },
      atAddress: { applicationCount: 3, enterpriseCount: 2 },
      sameOwner: { enterpriseCount: 1, applicationCount: 1, references: ['DTS-2026-000002'] },
      vendorQuotations: [{ eligibleCostCents: CEILING, ceilingCents: CEILING, count: 3 }],
      claimInvoicedCents: [2 * CAP],
      committedCents: CAP,
      registrationConflicts: 2,
      sameIdentity: { enterpriseCount: 1, applicationCount: 2, references: ['DTS-2026-000003', 'DTS-2026-000004'] },
      capCents: CAP,
      matchBps: 5_000,
    });
    expect(new Set(everything.map((s) => s.code))).toEqual(new Set(riskCodes));
    // Everything a signal carries survives the trip from loader to page.
    expect(JSON.parse(JSON.stringify(everything))).toEqual(everything);
  });
});
