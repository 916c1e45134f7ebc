import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMatchReason, setKey } from '../../app/domain/match-reason';
import type { MatchAnswers } from '../../app/domain/matcher';
import { confirmEnquiry, sendEnquiry, sendMatchedEnquiries } from '../../app/services/enquiries.server';
import { matchForShop } from '../../app/services/matcher.server';
import { taskCountsFor } from '../../app/services/task-list.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeEnterprise, makeUser } from '../support/fixtures';
import { noodleShop } from '../support/matcher-catalogue';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 20 });
});
afterAll(async () => {
  await t.drop();
});

const answers: MatchAnswers = { ...noodleShop, ownSpendLimitCents: 15_000_00 };

async function owner() {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const found = await matchForShop({ db: t.db, answers, userId: user.id, enterpriseId });
  if (!found.ok) throw new Error(found.code);
  return { userId: user.id, enterpriseId, best: found.result.best, alternatives: found.result.alternatives };
}

async function enquiriesOf(enterpriseId: number) {
  return t.db.selectFrom('enquiries').selectAll().where('enterpriseId', '=', enterpriseId).orderBy('id').execute();
}

describe('sendMatchedEnquiries', () => {
  it("sends one enquiry per package of the set, with its features, the matcher's reason and an audit entry each", async () => {
    const { userId, enterpriseId, best } = await owner();
    expect(best.picks.length).toBeGreaterThanOrEqual(2);
    const result = await sendMatchedEnquiries({
      db: t.db,
      userId,
      input: { enterpriseId, answers, objective: 'best', expectedKey: setKey(best) },
    });
    expect(result).toEqual({ ok: true, created: expect.any(Array), skipped: [] });
    const rows = await enquiriesOf(enterpriseId);
    expect(rows.map((r) => [r.solutionId, r.solutionVersionId, r.featureIds, r.status])).toEqual(
      best.picks.map((p) => [p.packageId, p.versionId, [...p.featureIds].sort((a, b) => a - b), 'sent']),
    );
    for (const [i, row] of rows.entries()) {
      const reason = parseMatchReason(row.matchReason);
      expect(reason).toMatchObject({
        objective: 'best',
        needsCovered: best.picks[i]!.needsCovered,
        statedNeeds: answers.needs,
        setSize: best.picks.length,
        programmeCents: best.picks[i]!.programmeCents,
        shopCents: best.picks[i]!.shopCents,
        headroomAfterCents: best.picks[i]!.headroomAfterCents,
      });
    }
    const audit = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'enquiry')
      .where(
        'entityId',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(audit).toHaveLength(rows.length);
    expect(audit.every((a) => a.action === 'sent_from_match' && a.actorUserId === userId && a.actorRole === 'applicant')).toBe(true);
  });

  it('sends each enquiry once when the same set is submitted many times at once', async () => {
    const { userId, enterpriseId, best } = await owner();
    const input = { enterpriseId, answers, objective: 'best' as const, expectedKey: setKey(best) };
    const results = await Promise.all(Array.from({ length: 8 }, () => sendMatchedEnquiries({ db: t.db, userId, input })));
    expect(results.every((r) => r.ok)).toBe(true);
    const created = results.flatMap((r) => (r.ok ? r.created : []));
    expect(created).toHaveLength(best.picks.length);
    // Every other submission says what it left out, and why.
    for (const r of results)
      if (r.ok && r.created.length === 0) expect(r.skipped.map((s) => s.reason)).toEqual(best.picks.map(() => 'already_sent'));
    expect(await enquiriesOf(enterpriseId)).toHaveLength(best.picks.length);
  });

  it('skips a package already enquired about or quoted, and says so', async () => {
    const { userId, enterpriseId, best } = await owner();
    const [first, second] = best.picks;
    const byHand = await sendEnquiry({
      db: t.db,
      userId,
      input: { enterpriseId, solutionId: first!.packageId, featureIds: [], message: 'asked before' },
    });
    if (!byHand.ok) throw new Error(byHand.code);
    const quoted = await sendEnquiry({
      db: t.db,
      userId,
      input: { enterpriseId, solutionId: second!.packageId, featureIds: [], message: '' },
    });
    if (!quoted.ok) throw new Error(quoted.code);
    const vendor = await t.db
      .selectFrom('solutions as s')
      .innerJoin('vendors as v', 'v.id', 's.vendorId')
      .select(['v.id', 'v.userId'])
      .where('s.id', '=', second!.packageId)
      .executeTakeFirstOrThrow();
    // Most seeded vendors have no portal account: give this one a user to answer with.
    let vendorUserId = vendor.userId;
    if (vendorUserId === null) {
      vendorUserId = (await makeUser(t.db, 'vendor')).id;
      await t.db.updateTable('vendors').set({ userId: vendorUserId }).where('id', '=', vendor.id).execute();
    }
    expect(await confirmEnquiry({ db: t.db, userId: vendorUserId, enquiryId: quoted.id })).toMatchObject({ ok: true });

    const result = await sendMatchedEnquiries({
      db: t.db,
      userId,
      input: { enterpriseId, answers, objective: 'best', expectedKey: setKey(best) },
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.skipped).toEqual([
      { solutionId: first!.packageId, reason: 'already_sent' },
      { solutionId: second!.packageId, reason: 'already_quoted' },
    ]);
    expect(result.created.map((c) => c.solutionId)).toEqual(best.picks.slice(2).map((p) => p.packageId));
    // The enquiry sent by hand keeps its message and has no matcher reason.
    const handRow = (await enquiriesOf(enterpriseId)).find((r) => r.id === byHand.id)!;
    expect(handRow).toMatchObject({ message: 'asked before', matchReason: null });
  });

  it("sends nothing when the set is not the one shown, the business is in another sector, or not the owner's", async () => {
    const { userId, enterpriseId, best, alternatives } = await owner();
    const stale = { enterpriseId, answers, objective: 'best' as const, expectedKey: alternatives[0] ? setKey(alternatives[0]) : '1:' };
    expect(await sendMatchedEnquiries({ db: t.db, userId, input: stale })).toEqual({ ok: false, code: 'set_changed' });
    const retail = await makeEnterprise(t.db, userId, { sector: 'retail' });
    expect(
      await sendMatchedEnquiries({
        db: t.db,
        userId,
        input: { enterpriseId: retail, answers, objective: 'best', expectedKey: setKey(best) },
      }),
    ).toEqual({
      ok: false,
      code: 'sector_mismatch',
    });
    const stranger = await makeUser(t.db);
    expect(
      await sendMatchedEnquiries({
        db: t.db,
        userId: stranger.id,
        input: { enterpriseId, answers, objective: 'best', expectedKey: setKey(best) },
      }),
    ).toEqual({
      ok: false,
      code: 'not_found',
    });
    expect(await enquiriesOf(enterpriseId)).toHaveLength(0);
  });

  it('sends nothing when a package of the set was delisted since the set was shown', async () => {
    const { userId, enterpriseId, best } = await owner();
    const gone = best.picks[0]!.packageId;
    await t.db.updateTable('solutions').set({ status: 'delisted' }).where('id', '=', gone).execute();
    try {
      expect(
        await sendMatchedEnquiries({ db: t.db, userId, input: { enterpriseId, answers, objective: 'best', expectedKey: setKey(best) } }),
      ).toEqual({
        ok: false,
        code: 'set_changed',
      });
      expect(await enquiriesOf(enterpriseId)).toHaveLength(0);
    } finally {
      await t.db.updateTable('solutions').set({ status: 'listed' }).where('id', '=', gone).execute();
    }
  });
});

describe('taskCountsFor', () => {
  it("counts the owner's businesses, enquiries, unused quotations and applications, and nobody else's", async () => {
    const fresh = await makeUser(t.db);
    expect(await taskCountsFor({ db: t.db, userId: fresh.id })).toEqual({
      enterprises: 0,
      eligibleEnterprises: 0,
      enquiries: { sent: 0, confirmed: 0, declined: 0 },
      unusedQuotations: 0,
      applications: {},
    });
    const { userId, enterpriseId, best } = await owner();
    await makeEnterprise(t.db, userId, { fullTimeEmployees: 80 }); // fails the size rule
    await sendMatchedEnquiries({ db: t.db, userId, input: { enterpriseId, answers, objective: 'best', expectedKey: setKey(best) } });
    const counts = await taskCountsFor({ db: t.db, userId });
    expect(counts).toEqual({
      enterprises: 2,
      eligibleEnterprises: 1,
      enquiries: { sent: best.picks.length, confirmed: 0, declined: 0 },
      unusedQuotations: 0,
      applications: {},
    });
  });
});
