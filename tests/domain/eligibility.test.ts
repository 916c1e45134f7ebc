import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hongKongDay } from '../../app/domain/dates';
import {
  checkEligibility,
  failedCodes,
  isEligible,
  type EligibilityRule,
  type EnterpriseFacts,
  type PackageFacts,
  type RoundFacts,
  type RuleResult,
} from '../../app/domain/eligibility';

const today = '2026-03-01';
const now = new Date('2026-03-01T04:00:00Z'); // noon in Hong Kong on `today`

const validEnterprise: EnterpriseFacts = {
  registrationType: 'br',
  brNumber: '12345678',
  brExpiry: '2026-12-31',
  hawkerLicenceNo: null,
  sector: 'fnb',
  fullTimeEmployees: 12,
  isGroupMember: false,
  groupFullTimeEmployees: null,
  hasSubstantiveBusinessInHk: true,
  isListedCompany: false,
  isStatutoryBody: false,
  isSubventedOrganisation: false,
};

const round: RoundFacts = {
  openSectors: ['fnb', 'retail'],
  openCategories: ['e_payment_pos', 'online_promotion'],
  maxEmployees: 50,
  opensAt: new Date('2026-01-31T16:00:00Z'),
  closesAt: new Date('2026-06-30T15:59:59Z'),
};

const listedPackage: PackageFacts = { listed: true, category: 'e_payment_pos' };

const baseRules: EligibilityRule[] = [
  'registration',
  'sector',
  'substantive_business',
  'employees',
  'listed_company',
  'statutory_body',
  'subvented',
  'round',
];
const packageRules: EligibilityRule[] = [...baseRules, 'package', 'category'];

function ruleResult(
  rule: EligibilityRule,
  input: { enterprise?: Partial<EnterpriseFacts>; round?: Partial<RoundFacts>; today?: string; now?: Date; package?: PackageFacts },
): Omit<RuleResult, 'rule'> {
  const results = checkEligibility({
    enterprise: { ...validEnterprise, ...input.enterprise },
    round: { ...round, ...input.round },
    today: input.today ?? today,
    now: input.now ?? now,
    package: input.package ?? listedPackage,
  });
  const found = results.find((r) => r.rule === rule);
  if (!found) throw new Error(`no result for ${rule}`);
  return { outcome: found.outcome, code: found.code };
}

describe('registration', () => {
  it.each([
    ['a valid BR', {}, 'passed', 'br_valid'],
    ['a BR expiring today (still valid)', { brExpiry: today }, 'passed', 'br_valid'],
    ['a BR that expired yesterday', { brExpiry: '2026-02-28' }, 'failed', 'br_expired'],
    ['a BR that expired last year', { brExpiry: '2025-12-31' }, 'failed', 'br_expired'],
    ['a BR number of 7 digits', { brNumber: '1234567' }, 'failed', 'br_missing'],
    ['a BR number of 9 digits', { brNumber: '123456789' }, 'failed', 'br_missing'],
    ['a BR number with a letter', { brNumber: '1234567A' }, 'failed', 'br_missing'],
    ['a BR number with spaces', { brNumber: ' 12345678' }, 'failed', 'br_missing'],
    ['no BR number', { brNumber: null }, 'failed', 'br_missing'],
    ['no BR expiry', { brExpiry: null }, 'failed', 'br_missing'],
    ['a BR expiry that is not a date', { brExpiry: 'soon' }, 'failed', 'br_missing'],
    ['a BR expiry that is not a calendar day', { brExpiry: '2026-02-30' }, 'failed', 'br_missing'],
    [
      'a hawker with a licence number',
      { registrationType: 'hawker', brNumber: null, brExpiry: null, hawkerLicenceNo: 'FP-001234' },
      'needs_evidence',
      'hawker_licence_to_verify',
    ],
    [
      'a hawker without a licence number',
      { registrationType: 'hawker', brNumber: null, brExpiry: null, hawkerLicenceNo: null },
      'failed',
      'hawker_licence_missing',
    ],
    [
      'a hawker with a blank licence number',
      { registrationType: 'hawker', brNumber: null, brExpiry: null, hawkerLicenceNo: '  ' },
      'failed',
      'hawker_licence_missing',
    ],
    [
      'a hawker whose BR fields are ignored',
      { registrationType: 'hawker', brNumber: 'bad', brExpiry: '2000-01-01', hawkerLicenceNo: 'FP-9' },
      'needs_evidence',
      'hawker_licence_to_verify',
    ],
  ] as const)('%s → %s %s', (_name, enterprise, outcome, code) => {
    expect(ruleResult('registration', { enterprise })).toEqual({ outcome, code });
  });

  it('judges expiry by the Hong Kong day passed in', () => {
    expect(ruleResult('registration', { enterprise: { brExpiry: '2026-03-01' }, today: '2026-03-02' })).toEqual({
      outcome: 'failed',
      code: 'br_expired',
    });
  });

  it.each(['2026-3-1', '', '2026-02-30', 'today'])('refuses a malformed today %j', (badToday) => {
    expect(() => checkEligibility({ enterprise: validEnterprise, round, today: badToday, now })).toThrow(RangeError);
  });
});

describe('sector', () => {
  it.each([
    ['fnb', ['fnb', 'retail'], 'passed', 'sector_open'],
    ['retail', ['fnb', 'retail'], 'passed', 'sector_open'],
    ['tourism', ['fnb', 'retail'], 'failed', 'sector_not_open'],
    ['tourism', ['fnb', 'retail', 'tourism'], 'passed', 'sector_open'],
    ['fnb', [], 'failed', 'sector_not_open'],
  ] as const)('%s in %j → %s %s', (sector, openSectors, outcome, code) => {
    expect(ruleResult('sector', { enterprise: { sector }, round: { openSectors } })).toEqual({ outcome, code });
  });
});

describe('substantive business', () => {
  it.each([
    [true, 'passed', 'substantive_business'],
    [false, 'failed', 'no_substantive_business'],
  ] as const)('declared %s → %s %s', (hasSubstantiveBusinessInHk, outcome, code) => {
    expect(ruleResult('substantive_business', { enterprise: { hasSubstantiveBusinessInHk } })).toEqual({ outcome, code });
  });
});

describe('employees', () => {
  it.each([
    ['0 employees', { fullTimeEmployees: 0 }, 'passed', 'employees_ok'],
    ['49 employees', { fullTimeEmployees: 49 }, 'passed', 'employees_ok'],
    ['50 employees', { fullTimeEmployees: 50 }, 'failed', 'too_many_employees'],
    ['51 employees', { fullTimeEmployees: 51 }, 'failed', 'too_many_employees'],
    [
      'a group member of 10 in a group of 49',
      { fullTimeEmployees: 10, isGroupMember: true, groupFullTimeEmployees: 49 },
      'passed',
      'employees_ok',
    ],
    [
      'a group member of 10 in a group of 50',
      { fullTimeEmployees: 10, isGroupMember: true, groupFullTimeEmployees: 50 },
      'failed',
      'too_many_employees',
    ],
    [
      'a group member with no group count, 49 own',
      { fullTimeEmployees: 49, isGroupMember: true, groupFullTimeEmployees: null },
      'passed',
      'employees_ok',
    ],
    [
      'a group member with no group count, 50 own',
      { fullTimeEmployees: 50, isGroupMember: true, groupFullTimeEmployees: null },
      'failed',
      'too_many_employees',
    ],
    [
      'a non-member whose stale group count is ignored',
      { fullTimeEmployees: 10, isGroupMember: false, groupFullTimeEmployees: 500 },
      'passed',
      'employees_ok',
    ],
  ] as const)('%s → %s %s', (_name, enterprise, outcome, code) => {
    expect(ruleResult('employees', { enterprise })).toEqual({ outcome, code });
  });

  it.each([
    [9, 10, 'passed'],
    [10, 10, 'failed'],
  ] as const)('%i employees under a round limit of %i → %s', (fullTimeEmployees, maxEmployees, outcome) => {
    expect(ruleResult('employees', { enterprise: { fullTimeEmployees }, round: { maxEmployees } }).outcome).toBe(outcome);
  });
});

describe('listed company, statutory body, subvented organisation', () => {
  it.each([
    ['listed_company', { isListedCompany: false }, 'passed', 'not_listed'],
    ['listed_company', { isListedCompany: true }, 'failed', 'listed_company'],
    ['statutory_body', { isStatutoryBody: false }, 'passed', 'not_statutory'],
    ['statutory_body', { isStatutoryBody: true }, 'failed', 'statutory_body'],
    ['subvented', { isSubventedOrganisation: false }, 'passed', 'not_subvented'],
    ['subvented', { isSubventedOrganisation: true }, 'failed', 'subvented_organisation'],
  ] as const)('%s with %j → %s %s', (rule, enterprise, outcome, code) => {
    expect(ruleResult(rule, { enterprise })).toEqual({ outcome, code });
  });
});

describe('round', () => {
  it.each([
    ['a millisecond before it opens', new Date(round.opensAt.getTime() - 1), 'failed', 'round_not_open'],
    ['exactly when it opens', round.opensAt, 'passed', 'round_open'],
    ['while it is open', now, 'passed', 'round_open'],
    ['exactly when it closes', round.closesAt, 'passed', 'round_open'],
    ['a millisecond after it closes', new Date(round.closesAt.getTime() + 1), 'failed', 'round_closed'],
    ['a year later', new Date('2027-03-01T04:00:00Z'), 'failed', 'round_closed'],
  ] as const)('%s → %s %s', (_name, at, outcome, code) => {
    expect(ruleResult('round', { now: at })).toEqual({ outcome, code });
  });
});

describe('package and category', () => {
  it.each([
    [{ listed: true, category: 'e_payment_pos' }, 'passed', 'package_listed'],
    [{ listed: false, category: 'e_payment_pos' }, 'failed', 'package_not_listed'],
  ] as const)('package %j → %s %s', (pkg, outcome, code) => {
    expect(ruleResult('package', { package: pkg })).toEqual({ outcome, code });
  });

  it.each([
    [{ listed: true, category: 'online_promotion' }, 'passed', 'category_open'],
    [{ listed: true, category: 'customer_management' }, 'failed', 'category_not_open'],
  ] as const)('category of %j → %s %s', (pkg, outcome, code) => {
    expect(ruleResult('category', { package: pkg })).toEqual({ outcome, code });
  });

  it('checks neither without a package', () => {
    const results = checkEligibility({ enterprise: validEnterprise, round, today, now });
    expect(results.map((r) => r.rule)).toEqual(baseRules);
  });
});

describe('hongKongDay', () => {
  it.each([
    ['2026-03-01T15:59:59Z', '2026-03-01'],
    ['2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['2026-03-01T16:00:00Z', '2026-03-02'],
    ['2026-02-28T16:00:00Z', '2026-03-01'],
    ['2025-12-31T16:00:00Z', '2026-01-01'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
    ['2026-07-01T00:00:00Z', '2026-07-01'], // no summer time: still UTC+8 in July
    ['2026-07-01T16:00:00Z', '2026-07-02'],
  ])('%s is %s in Hong Kong', (instant, day) => {
    expect(hongKongDay(new Date(instant))).toBe(day);
  });

  it('refuses an invalid date', () => {
    expect(() => hongKongDay(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('agrees with the UTC day eight hours later, for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const day = hongKongDay(new Date(ms));
        const later = new Date(ms + 8 * 3_600_000);
        const expected = `${later.getUTCFullYear()}-${String(later.getUTCMonth() + 1).padStart(2, '0')}-${String(later.getUTCDate()).padStart(2, '0')}`;
        expect(day).toBe(expected);
      }),
    );
  });
});

describe('isEligible and failedCodes', () => {
  it('a valid enterprise is eligible with nothing failed', () => {
    const results = checkEligibility({ enterprise: validEnterprise, round, today, now, package: listedPackage });
    expect(isEligible(results)).toBe(true);
    expect(failedCodes(results)).toEqual([]);
  });

  it('a hawker awaiting verification is still eligible', () => {
    const results = checkEligibility({
      enterprise: { ...validEnterprise, registrationType: 'hawker', brNumber: null, brExpiry: null, hawkerLicenceNo: 'FP-1' },
      round,
      today,
      now,
    });
    expect(results[0]).toEqual({ rule: 'registration', outcome: 'needs_evidence', code: 'hawker_licence_to_verify' });
    expect(isEligible(results)).toBe(true);
  });

  it('lists every failure in rule order', () => {
    const results = checkEligibility({
      enterprise: { ...validEnterprise, brExpiry: '2020-01-01', sector: 'tourism', fullTimeEmployees: 80, isSubventedOrganisation: true },
      round,
      today,
      now: new Date('2027-01-01T00:00:00Z'),
      package: { listed: false, category: 'customer_management' },
    });
    expect(isEligible(results)).toBe(false);
    expect(failedCodes(results)).toEqual([
      'br_expired',
      'sector_not_open',
      'too_many_employees',
      'subvented_organisation',
      'round_closed',
      'package_not_listed',
      'category_not_open',
    ]);
  });
});

// Properties ----------------------------------------------------------------------------------------------------

const dayMs = 86_400_000;
const roundOpens = round.opensAt.getTime();
const roundCloses = round.closesAt.getTime();

/** A Hong Kong day as YYYY-MM-DD, from 2000 to 2099. */
const isoDay = fc.integer({ min: 946_684_800_000, max: 4_102_444_799_999 }).map((ms) => new Date(ms).toISOString().slice(0, 10));

const validEnterpriseArb: fc.Arbitrary<EnterpriseFacts> = fc
  .record({
    registrationType: fc.constantFrom('br' as const, 'hawker' as const),
    brNumber: fc.stringMatching(/^\d{8}$/),
    daysToExpiry: fc.integer({ min: 0, max: 3_650 }),
    hawkerLicenceNo: fc.stringMatching(/^[A-Z]{2}-\d{4,6}$/),
    sector: fc.constantFrom(...round.openSectors),
    fullTimeEmployees: fc.integer({ min: 0, max: 49 }),
    isGroupMember: fc.boolean(),
    groupFullTimeEmployees: fc.option(fc.integer({ min: 0, max: 49 }), { nil: null }),
  })
  .map(({ daysToExpiry, registrationType, ...facts }) => ({
    ...validEnterprise,
    ...facts,
    registrationType,
    brExpiry: new Date(Date.parse(`${today}T00:00:00Z`) + daysToExpiry * dayMs).toISOString().slice(0, 10),
    // A valid group member's own count never exceeds the group's.
    fullTimeEmployees:
      facts.isGroupMember && facts.groupFullTimeEmployees !== null
        ? Math.min(facts.fullTimeEmployees, facts.groupFullTimeEmployees)
        : facts.fullTimeEmployees,
  }));

const openInstant = fc.integer({ min: roundOpens, max: roundCloses }).map((ms) => new Date(ms));
const validPackage = fc.record({ listed: fc.constant(true), category: fc.constantFrom(...round.openCategories) });

/** Each single bad fact, with the one rule and code it must fail. */
const badFacts = [
  { rule: 'registration', code: 'br_expired', enterprise: { registrationType: 'br', brExpiry: '2026-02-28' } },
  { rule: 'registration', code: 'br_missing', enterprise: { registrationType: 'br', brNumber: null } },
  { rule: 'registration', code: 'hawker_licence_missing', enterprise: { registrationType: 'hawker', hawkerLicenceNo: null } },
  { rule: 'sector', code: 'sector_not_open', enterprise: { sector: 'personal_services' } },
  { rule: 'substantive_business', code: 'no_substantive_business', enterprise: { hasSubstantiveBusinessInHk: false } },
  { rule: 'employees', code: 'too_many_employees', enterprise: { isGroupMember: false, fullTimeEmployees: 50 } },
  { rule: 'employees', code: 'too_many_employees', enterprise: { isGroupMember: true, groupFullTimeEmployees: 50 } },
  { rule: 'listed_company', code: 'listed_company', enterprise: { isListedCompany: true } },
  { rule: 'statutory_body', code: 'statutory_body', enterprise: { isStatutoryBody: true } },
  { rule: 'subvented', code: 'subvented_organisation', enterprise: { isSubventedOrganisation: true } },
] as const satisfies readonly { rule: EligibilityRule; code: string; enterprise: Partial<EnterpriseFacts> }[];

describe('eligibility properties', () => {
  it('a fully valid enterprise in an open round passes every rule', () => {
    fc.assert(
      fc.property(validEnterpriseArb, openInstant, fc.option(validPackage, { nil: undefined }), (enterprise, at, pkg) => {
        const results = checkEligibility({ enterprise, round, today, now: at, package: pkg });
        const expectedOutcome = (r: RuleResult) =>
          r.rule === 'registration' && enterprise.registrationType === 'hawker' ? 'needs_evidence' : 'passed';
        for (const r of results) expect(r.outcome).toBe(expectedOutcome(r));
        expect(isEligible(results)).toBe(true);
        expect(failedCodes(results)).toEqual([]);
      }),
    );
  });

  it('making any single fact bad fails exactly that rule, with its code', () => {
    fc.assert(
      fc.property(validEnterpriseArb, openInstant, validPackage, fc.constantFrom(...badFacts), (enterprise, at, pkg, bad) => {
        const results = checkEligibility({ enterprise: { ...enterprise, ...bad.enterprise }, round, today, now: at, package: pkg });
        expect(results.filter((r) => r.outcome === 'failed')).toEqual([{ rule: bad.rule, outcome: 'failed', code: bad.code }]);
        expect(isEligible(results)).toBe(false);
      }),
    );
  });

  it('a bad round window, package or category fails exactly that rule', () => {
    const badContext = fc.oneof(
      fc
        .integer({ min: 1, max: 365 * dayMs })
        .map((ms) => ({ rule: 'round', code: 'round_not_open', now: new Date(roundOpens - ms), package: listedPackage }) as const),
      fc
        .integer({ min: 1, max: 365 * dayMs })
        .map((ms) => ({ rule: 'round', code: 'round_closed', now: new Date(roundCloses + ms), package: listedPackage }) as const),
      fc.constant({ rule: 'package', code: 'package_not_listed', now, package: { listed: false, category: 'e_payment_pos' } } as const),
      fc.constant({
        rule: 'category',
        code: 'category_not_open',
        now,
        package: { listed: true, category: 'customer_management' },
      } as const),
    );
    fc.assert(
      fc.property(validEnterpriseArb, badContext, (enterprise, bad) => {
        const results = checkEligibility({ enterprise, round, today, now: bad.now, package: bad.package });
        expect(results.filter((r) => r.outcome === 'failed')).toEqual([{ rule: bad.rule, outcome: 'failed', code: bad.code }]);
      }),
    );
  });

  const anyEnterprise: fc.Arbitrary<EnterpriseFacts> = fc.record({
    registrationType: fc.constantFrom('br' as const, 'hawker' as const),
    brNumber: fc.option(fc.oneof(fc.stringMatching(/^\d{8}$/), fc.string()), { nil: null }),
    brExpiry: fc.option(fc.oneof(isoDay, fc.string()), { nil: null }),
    hawkerLicenceNo: fc.option(fc.string(), { nil: null }),
    sector: fc.constantFrom('fnb', 'retail', 'tourism', 'personal_services', ''),
    fullTimeEmployees: fc.integer({ min: 0, max: 200 }),
    isGroupMember: fc.boolean(),
    groupFullTimeEmployees: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
    hasSubstantiveBusinessInHk: fc.boolean(),
    isListedCompany: fc.boolean(),
    isStatutoryBody: fc.boolean(),
    isSubventedOrganisation: fc.boolean(),
  });
  const anyPackage = fc.option(
    fc.record({ listed: fc.boolean(), category: fc.constantFrom('e_payment_pos', 'online_promotion', 'customer_management') }),
    { nil: undefined },
  );
  const anyInstant = fc.integer({ min: roundOpens - 365 * dayMs, max: roundCloses + 365 * dayMs }).map((ms) => new Date(ms));

  it('always gives each applicable rule exactly once, in the stated order', () => {
    fc.assert(
      fc.property(anyEnterprise, anyPackage, anyInstant, isoDay, (enterprise, pkg, at, day) => {
        const results = checkEligibility({ enterprise, round, today: day, now: at, package: pkg });
        expect(results.map((r) => r.rule)).toEqual(pkg ? packageRules : baseRules);
      }),
    );
  });

  it('isEligible holds exactly when no rule failed, and failedCodes lists the failed ones in order', () => {
    fc.assert(
      fc.property(anyEnterprise, anyPackage, anyInstant, isoDay, (enterprise, pkg, at, day) => {
        const results = checkEligibility({ enterprise, round, today: day, now: at, package: pkg });
        const failed = results.filter((r) => r.outcome === 'failed');
        expect(isEligible(results)).toBe(failed.length === 0);
        expect(failedCodes(results)).toEqual(failed.map((r) => r.code));
        // needs_evidence comes only from a hawker's licence and never blocks on its own.
        for (const r of results) {
          if (r.outcome === 'needs_evidence')
            expect(r).toEqual({ rule: 'registration', outcome: 'needs_evidence', code: 'hawker_licence_to_verify' });
        }
      }),
    );
  });

  it('isEligible is true exactly when no result is failed, for any list of results', () => {
    const anyResult = fc.record({
      rule: fc.constantFrom(...packageRules),
      outcome: fc.constantFrom('passed' as const, 'failed' as const, 'needs_evidence' as const),
      code: fc.constant('br_valid' as const),
    });
    fc.assert(
      fc.property(fc.array(anyResult, { maxLength: 12 }), (results) => {
        expect(isEligible(results)).toBe(!results.some((r) => r.outcome === 'failed'));
      }),
    );
  });
});
