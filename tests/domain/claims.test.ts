import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allPassed,
  checkClaim,
  claimReadyToApprove,
  mayReleasePayment,
  payableCents,
  sameName,
  type ClaimFacts,
} from '../../app/domain/claims';

const facts = (overrides: Partial<ClaimFacts> = {}): ClaimFacts => ({
  approvedOn: '2026-03-01',
  approvedProgrammeCents: 14_000_00,
  quotedCostCents: 28_000_00,
  quotedVendorBr: '12345678',
  enterpriseNames: ['Lucky Noodle House Ltd', '好運麵家有限公司'],
  invoice: { date: '2026-04-10', amountCents: 28_000_00, vendorBr: '12345678' },
  payment: { amountCents: 28_000_00, payerName: 'LUCKY NOODLE HOUSE LTD.' },
  matchBps: 5_000,
  ...overrides,
});
const failed = (f: ClaimFacts) =>
  checkClaim(f)
    .filter((r) => !r.passed)
    .map((r) => r.check);

describe('three-way match', () => {
  it('passes when quotation, invoice and payment agree', () => {
    expect(allPassed(checkClaim(facts()))).toBe(true);
    expect(payableCents(facts())).toBe(14_000_00);
  });

  it.each([
    [
      'invoice above the quotation',
      { invoice: { date: '2026-04-10', amountCents: 28_000_01, vendorBr: '12345678' } },
      ['invoice_within_quotation', 'payment_matches_invoice'],
    ],
    [
      'payment less than the invoice',
      { payment: { amountCents: 27_000_00, payerName: 'Lucky Noodle House Ltd' } },
      ['payment_matches_invoice'],
    ],
    [
      'invoice dated before approval',
      { invoice: { date: '2026-02-28', amountCents: 28_000_00, vendorBr: '12345678' } },
      ['invoice_after_approval'],
    ],
    ['invoice on the approval day', { invoice: { date: '2026-03-01', amountCents: 28_000_00, vendorBr: '12345678' } }, []],
    ['paid by someone else', { payment: { amountCents: 28_000_00, payerName: 'Chan Tai Man' } }, ['paid_by_enterprise']],
    ['paid under the Chinese name', { payment: { amountCents: 28_000_00, payerName: '好運麵家有限公司' } }, []],
    ['another vendor invoiced', { invoice: { date: '2026-04-10', amountCents: 28_000_00, vendorBr: '87654321' } }, ['vendor_is_quoted']],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(failed(facts(overrides as Partial<ClaimFacts>))).toEqual(expected);
  });

  it('treats names alike regardless of case, spaces and punctuation', () => {
    expect(sameName('Lucky Noodle House Limited', 'lucky noodle house ltd.')).toBe(true);
    expect(sameName('', '')).toBe(false);
  });
});

describe('payable share properties', () => {
  const cents = fc.integer({ min: 0, max: 200_000_00 });
  it('never more than approved, never more than the match of what was invoiced and paid', () => {
    fc.assert(
      fc.property(cents, cents, cents, fc.integer({ min: 0, max: 10_000 }), (approved, invoiced, paid, bps) => {
        const f = facts({
          approvedProgrammeCents: approved,
          invoice: { date: '2026-04-10', amountCents: invoiced, vendorBr: '12345678' },
          payment: { amountCents: paid, payerName: 'x' },
          matchBps: bps,
        });
        const payable = payableCents(f);
        expect(payable).toBeGreaterThanOrEqual(0);
        expect(payable).toBeLessThanOrEqual(approved);
        expect(BigInt(payable) * 10_000n).toBeLessThanOrEqual(BigInt(Math.min(invoiced, paid)) * BigInt(bps));
      }),
    );
  });

  it('an invoice at the quoted cost pays exactly what was approved', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000_00 }), (cost) => {
        const approved = Math.min(Math.floor(cost / 2), 50_000_00);
        const f = facts({
          quotedCostCents: cost,
          approvedProgrammeCents: approved,
          invoice: { date: '2026-04-10', amountCents: cost, vendorBr: '12345678' },
          payment: { amountCents: cost, payerName: 'Lucky Noodle House Ltd' },
        });
        expect(payableCents(f)).toBe(approved);
        expect(allPassed(checkClaim(f))).toBe(true);
      }),
    );
  });
});

describe('who may act on a claim now', () => {
  const green = [{ passed: true }, { passed: true }];
  const base = { applicationStatus: 'claim_submitted', claim: { status: 'submitted', checks: green }, conflicted: false };
  it.each([
    [{}, true],
    [{ applicationStatus: 'deployed' }, false],
    [{ claim: null }, false],
    [{ claim: { status: 'returned', checks: green } }, false],
    [{ claim: { status: 'submitted', checks: [{ passed: true }, { passed: false }] } }, false],
    [{ conflicted: true }, false],
  ])('approving a claim %o → %s', (change, expected) => {
    expect(claimReadyToApprove({ ...base, ...change })).toBe(expected);
  });

  it.each([
    [{ status: 'prepared', preparedBy: 2 }, 1, false, true],
    [{ status: 'prepared', preparedBy: 1 }, 1, false, false],
    [{ status: 'released', preparedBy: 2 }, 1, false, false],
    [{ status: 'prepared', preparedBy: 2 }, 1, true, false],
    [null, 1, false, false],
  ])('releasing payment %o by officer %i (linked: %s) → %s', (payment, officerId, conflicted, expected) => {
    expect(mayReleasePayment({ payment, officerId, conflicted })).toBe(expected);
  });
});
