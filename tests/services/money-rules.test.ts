// Amounts the rules cannot fund, and what the shop and the officer are told about them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../app/services/applications.server';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { createSettingsVersion, type SettingsInput } from '../../app/services/settings.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function draftFor(priceCents: number, opts: { pricingModel?: 'one_off' | 'monthly' } = {}) {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents, ...opts });
  const quotationId = await makeQuotation(t.db, { userId: user.id, enterpriseId, solutionId: pkg.solutionId, vendorUserId: pkg.vendorUserId });
  return { user, enterpriseId, pkg, quotationId, reference: await makeDraft(t.db, { userId: user.id, quotationId }) };
}

async function currentInput(): Promise<SettingsInput> {
  const { id: _id, programmeId: _p, version: _v, createdBy: _c, createdAt: _a, ...input } = await t.db
    .selectFrom('programmeSettings')
    .selectAll()
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  return input;
}

describe('a cost whose programme share rounds to nothing', () => {
  it('is refused at submission for what it is, not as "no funding left"', async () => {
    // An old listing from before the minimum price: HK$0.01, whose 50% share rounds down to HK$0.00.
    const app = await draftFor(1);
    expect(await submitApplication({ db: t.db, userId: app.user.id, reference: app.reference })).toEqual({
      ok: false,
      code: 'no_programme_share',
      costCents: 1,
      matchBps: 5_000,
    });
    const row = await t.db.selectFrom('applications').select(['status', 'programmeCents']).where('reference', '=', app.reference).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', programmeCents: 0 });
  });

  it('is refused at approval for what it is when the match has been set to 0%', async () => {
    const admin = await makeUser(t.db, 'admin');
    const officer = await makeUser(t.db, 'officer');
    const app = await draftFor(10_000_00);
    expect((await submitApplication({ db: t.db, userId: app.user.id, reference: app.reference })).ok).toBe(true);
    await assignToMe({ db: t.db, officerId: officer.id, reference: app.reference });
    const original = await currentInput();
    await createSettingsVersion({ db: t.db, adminId: admin.id, input: { ...original, matchBps: 0 } });
    try {
      expect(await decideApplication({ db: t.db, officerId: officer.id, reference: app.reference, expectedStatus: 'under_review', decision: { action: 'approve' } })).toEqual({
        ok: false,
        code: 'no_programme_share',
      });
    } finally {
      await createSettingsVersion({ db: t.db, adminId: admin.id, input: original });
    }
  });
});
