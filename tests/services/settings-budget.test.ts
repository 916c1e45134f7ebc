// The round budget can never be saved below the programme share already approved (approved and every status after
// it): those are promises made to shops. Checked under the programme lock, so a cut racing approvals never ends with
// approved > budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../app/services/applications.server';
import { budgetStatuses } from '../../app/domain/application-lifecycle';
import { assignToMe, budgetPosition, decideApplication } from '../../app/services/officer.server';
import { createSettingsVersion, type SettingsInput } from '../../app/services/settings.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
let adminId: number;
let officerId: number;
beforeAll(async () => {
  t = await createTestDatabase({ max: 20 });
  adminId = (await makeUser(t.db, 'admin')).id;
  officerId = (await makeUser(t.db, 'officer')).id;
  // Money already approved: two applications of HK$10,000 programme share each.
  for (let i = 0; i < 2; i++) {
    const decided = await approve(await underReview(20_000_00));
    if (!decided.ok) throw new Error(`setup: ${decided.code}`);
  }
});
afterAll(async () => {
  await t.drop();
});

async function currentInput(): Promise<SettingsInput> {
  const s = await t.db.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').executeTakeFirstOrThrow();
  const {
    roundCode,
    budgetCents,
    capCents,
    matchBps,
    maxOneOffCents,
    maxSubscriptionMonths,
    maxSubscriptionTotalCents,
    deploymentMonths,
    maxEmployees,
  } = s;
  return {
    roundCode,
    budgetCents,
    capCents,
    matchBps,
    maxOneOffCents,
    maxSubscriptionMonths,
    maxSubscriptionTotalCents,
    deploymentMonths,
    maxEmployees,
    openSectors: s.openSectors,
    openCategories: s.openCategories,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    slaWorkingDays: s.slaWorkingDays,
  };
}

async function approvedTotal(): Promise<number> {
  const row = await t.db
    .selectFrom('applications')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('programmeCents'), eb.lit(0)).as('total'))
    .where('status', 'in', [...budgetStatuses])
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

const latestVersion = async () =>
  (await t.db.selectFrom('programmeSettings').select('version').orderBy('version', 'desc').executeTakeFirstOrThrow()).version;
const budgetInForce = async () =>
  (await t.db.selectFrom('programmeSettings').select('budgetCents').orderBy('version', 'desc').executeTakeFirstOrThrow()).budgetCents;

async function underReview(priceCents: number) {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  const submitted = await submitApplication({ db: t.db, userId: user.id, reference });
  if (!submitted.ok) throw new Error(`setup: ${submitted.code}`);
  const taken = await assignToMe({ db: t.db, officerId, reference });
  if (!taken.ok) throw new Error(`setup: ${taken.code}`);
  return reference;
}

const approve = (reference: string) =>
  decideApplication({ db: t.db, officerId, reference, expectedStatus: 'under_review', decision: { action: 'approve' } });

describe('saving a round budget', () => {
  it('refuses a budget below the money already approved, and saves nothing', async () => {
    const approved = await approvedTotal();
    expect(approved).toBeGreaterThanOrEqual(20_000_00);
    const input = await currentInput();
    const before = await latestVersion();
    const refused = await createSettingsVersion({ db: t.db, adminId, input: { ...input, budgetCents: approved - 1 } });
    expect(refused).toEqual({ ok: false, code: 'budget_below_approved', approvedCents: approved });
    expect(await latestVersion()).toBe(before);
    const zero = await createSettingsVersion({ db: t.db, adminId, input: { ...input, budgetCents: 0 } });
    expect(zero.ok).toBe(false);
    expect(await latestVersion()).toBe(before);
  });

  it('accepts a budget exactly at the money approved (nothing more can be approved) and any budget above it', async () => {
    const approved = await approvedTotal();
    const input = await currentInput();
    const before = await latestVersion();
    expect(await createSettingsVersion({ db: t.db, adminId, input: { ...input, budgetCents: approved } })).toEqual({
      ok: true,
      version: before + 1,
    });
    expect((await budgetPosition(t.db)).remainingCents).toBe(0);
    expect(await createSettingsVersion({ db: t.db, adminId, input })).toEqual({ ok: true, version: before + 2 });
  });

  it('counts approved applications only, not those submitted and waiting for a decision', async () => {
    const approved = await approvedTotal();
    await underReview(20_000_00); // HK$10,000 submitted, not approved
    const input = await currentInput();
    const saved = await createSettingsVersion({ db: t.db, adminId, input: { ...input, budgetCents: approved } });
    expect(saved.ok).toBe(true);
    await createSettingsVersion({ db: t.db, adminId, input: { ...input } });
  });
});

const ROUNDS = 6;

describe('a budget cut racing approvals', () => {
  it(`never ends with approved above the budget in force (${ROUNDS} rounds of 8 approvals and a cut)`, async () => {
    const original = await currentInput();
    const overRounds: { round: number; approved: number; budget: number }[] = [];
    let refusedCuts = 0;
    let savedCuts = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Start each round from a budget with HK$1M of room, then race 8 approvals of HK$10,000 each against a cut that
      // leaves room for only some of them.
      const start = await approvedTotal();
      const reset = await createSettingsVersion({ db: t.db, adminId, input: { ...original, budgetCents: start + 1_000_000_00 } });
      expect('version' in reset).toBe(true);
      const references: string[] = [];
      for (let i = 0; i < 8; i++) references.push(await underReview(20_000_00));
      const cut = start + 35_000_00; // room for three approvals
      const save = createSettingsVersion({ db: t.db, adminId, input: { ...original, budgetCents: cut } });
      const at = round % 4; // the cut goes in among the approvals at a different place each round
      const approvals = references.map((reference, i) => (i === at ? save.then(() => approve(reference)) : approve(reference)));
      const [saved, ...decided] = await Promise.all([save, ...approvals]);
      expect(decided.every((r) => r.ok || r.code === 'budget_exhausted')).toBe(true);
      if ('version' in saved) savedCuts++;
      else {
        expect(saved).toMatchObject({ ok: false, code: 'budget_below_approved' });
        refusedCuts++;
      }
      const [approved, budget] = [await approvedTotal(), await budgetInForce()];
      if (approved > budget) overRounds.push({ round, approved, budget });
      await t.db.updateTable('applications').set({ status: 'rejected' }).where('status', '=', 'under_review').execute();
    }
    console.info(`[budget cut race] ${ROUNDS} rounds: cut saved ${savedCuts}, refused ${refusedCuts}; over budget: ${overRounds.length}`);
    expect(overRounds).toEqual([]);
    await createSettingsVersion({ db: t.db, adminId, input: original });
  }, 60_000);
});
