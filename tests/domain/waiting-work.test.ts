import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminWaiting, budgetIsLow, officerWaiting, shopWaiting, vendorWaiting } from '../../app/domain/waiting-work';

describe('what waits for each person', () => {
  it('the shop: answer the officer, confirm deployment, claim — and nothing for statuses that wait on others', () => {
    expect(shopWaiting({ applications: { info_requested: 2, deployment_reported: 1, deployed: 3, under_review: 5, paid: 1 } })).toEqual([
      { kind: 'answer_officer', count: 2, href: '/applications' },
      { kind: 'confirm_deployment', count: 1, href: '/applications' },
      { kind: 'claim', count: 3, href: '/applications' },
    ]);
    expect(shopWaiting({ applications: { under_review: 1 } })).toEqual([]);
  });

  it('the vendor and the officer: only what has a count', () => {
    expect(vendorWaiting({ enquiriesToQuote: 0, deploymentsToReport: 4 }).map((i) => [i.kind, i.count])).toEqual([
      ['deployments_to_report', 4],
    ]);
    expect(officerWaiting({ claimsToCheck: 3, paymentsToRelease: 1 }).map((i) => i.kind)).toEqual([
      'claims_to_check',
      'payments_to_release',
    ]);
  });

  it('the administrator: budget below 10% left, next year’s holidays missing from July', () => {
    const base = { pendingVendors: 0, pendingListings: 0, budgetCents: 100_000_00, approvedCents: 0, holidaysNextYear: 0 };
    expect(adminWaiting({ ...base, today: '2026-06-30' })).toEqual([]);
    expect(adminWaiting({ ...base, today: '2026-07-01' })).toEqual([
      { kind: 'holidays_missing', count: 1, href: '/admin/holidays?year=2027', values: { year: 2027 } },
    ]);
    expect(adminWaiting({ ...base, holidaysNextYear: 17, today: '2026-12-01' })).toEqual([]);
    const low = adminWaiting({ ...base, approvedCents: 90_000_01, holidaysNextYear: 17, pendingVendors: 2, today: '2026-12-01' });
    expect(low.map((i) => i.kind)).toEqual(['vendors_to_decide', 'budget_low']);
    expect(low[1]!.values).toEqual({ remainingCents: 9_999_99, budgetCents: 100_000_00 });
  });

  it('budget is low exactly when less than a tenth is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (budgetCents, approvedCents) => {
        expect(budgetIsLow({ budgetCents, approvedCents })).toBe((budgetCents - approvedCents) / budgetCents < 0.1);
      }),
    );
  });
});
