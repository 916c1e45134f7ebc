import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondToInfoRequest, submitApplication } from '../../app/services/applications.server';
import { committedCents } from '../../app/services/enterprises.server';
import {
  assignToMe,
  budgetPosition,
  decideApplication,
  getReview,
  listQueue,
  takeNextInQueue,
  workload,
} from '../../app/services/officer.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 30 });
});
afterAll(async () => {
  await t.drop();
});

async function submitted(priceCents = 20_000_00) {
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
  const result = await submitApplication({ db: t.db, userId: user.id, reference });
  if (!result.ok) throw new Error(`setup: ${result.code}`);
  return { user, enterpriseId, reference, pkg };
}

async function underReview(officerId: number, priceCents?: number) {
  const app = await submitted(priceCents);
  const taken = await assignToMe({ db: t.db, officerId, reference: app.reference });
  if (!taken.ok) throw new Error(`setup: ${taken.code}`);
  return app;
}

describe('next in queue', () => {
  it('two officers asking 25 times each, all at once, get 50 different applications', async () => {
    for (let i = 0; i < 55; i++) await submitted();
    const [a, b] = [await makeUser(t.db, 'officer'), await makeUser(t.db, 'officer')];
    const calls = Array.from({ length: 50 }, (_, i) => takeNextInQueue({ db: t.db, officerId: (i % 2 ? a : b).id }));
    const results = await Promise.all(calls);
    const refs = results.map((r) => (r.ok ? r.reference : r.code));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(refs).size).toBe(50);
    const assigned = await t.db
      .selectFrom('applications')
      .select(['reference', 'assignedOfficerId', 'status'])
      .where('reference', 'in', refs)
      .execute();
    expect(
      assigned.every((row) => row.status === 'under_review' && (row.assignedOfficerId === a.id || row.assignedOfficerId === b.id)),
    ).toBe(true);
    const events = await t.db.selectFrom('applicationEvents').select('applicationId').where('action', '=', 'start_review').execute();
    expect(new Set(events.map((e) => e.applicationId)).size).toBe(events.length);
  });

  it('never hands an officer an application of an enterprise they are linked to', async () => {
    const officer = await makeUser(t.db, 'officer');
    await t.db
      .updateTable('applications')
      .set({ assignedOfficerId: officer.id })
      .where('status', '=', 'submitted')
      .where('assignedOfficerId', 'is', null)
      .execute();
    const linked = await submitted();
    await t.db.insertInto('officerConflicts').values({ officerId: officer.id, enterpriseId: linked.enterpriseId }).execute();
    expect(await takeNextInQueue({ db: t.db, officerId: officer.id })).toEqual({ ok: false, code: 'queue_empty' });
    expect(await assignToMe({ db: t.db, officerId: officer.id, reference: linked.reference })).toEqual({
      ok: false,
      code: 'conflict_of_interest',
    });
  });
});

describe('queue listing', () => {
  it('sorts oldest first, pages by keyset without gaps or repeats, and flags the service standard', async () => {
    const officer = await makeUser(t.db, 'officer');
    // Age a few applications by moving their submission back.
    const old = await submitted();
    await t.db
      .updateTable('applications')
      .set({ submittedAt: new Date(Date.now() - 30 * 86_400_000) })
      .where('reference', '=', old.reference)
      .execute();
    const seen: string[] = [];
    let after: { submittedAt: string; id: number } | undefined;
    for (let page = 0; page < 20; page++) {
      const result = await listQueue({ db: t.db, officerId: officer.id, filters: { assigned: 'any' }, after, limit: 7 });
      seen.push(...result.rows.map((r) => r.reference));
      if (page === 0) {
        expect(result.rows[0]!.reference).toBe(old.reference);
        expect(result.rows[0]!.slaBreached).toBe(true);
        expect(result.rows.at(-1)!.slaBreached).toBe(false);
      }
      if (!result.next) break;
      after = result.next;
    }
    const all = await t.db
      .selectFrom('applications')
      .select('reference')
      .where('status', 'in', ['submitted', 'under_review', 'info_requested'])
      .execute();
    expect(seen.sort()).toEqual(all.map((r) => r.reference).sort());
  });

  it('filters by sector, district, category and age', async () => {
    const officer = await makeUser(t.db, 'officer');
    const result = await listQueue({ db: t.db, officerId: officer.id, filters: { district: 'islands' } });
    expect(result.rows).toHaveLength(0);
    const aged = await listQueue({ db: t.db, officerId: officer.id, filters: { minDays: 15 } });
    expect(aged.rows.length).toBeGreaterThan(0);
    expect(aged.rows.every((r) => r.daysWaiting >= 15)).toBe(true);
    const everyone = await listQueue({ db: t.db, officerId: officer.id, filters: {}, limit: 500 });
    expect(aged.rows.length).toBe(everyone.rows.filter((r) => r.daysWaiting >= 15).length);
    const category = await listQueue({ db: t.db, officerId: officer.id, filters: { category: 'online_promotion' } });
    expect(category.rows.every((r) => r.category === 'online_promotion')).toBe(true);
  });
});

describe('decisions', () => {
  it('approve keeps the money committed; reject needs a reason and releases it', async () => {
    const officer = await makeUser(t.db, 'officer');
    const a = await underReview(officer.id, 30_000_00);
    expect(
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: a.reference,
        expectedStatus: 'under_review',
        decision: { action: 'approve' },
      }),
    ).toEqual({
      ok: true,
      status: 'approved',
    });
    expect(await committedCents({ db: t.db, enterpriseId: a.enterpriseId })).toBe(15_000_00);

    const b = await underReview(officer.id, 30_000_00);
    expect(
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: b.reference,
        expectedStatus: 'under_review',
        decision: { action: 'reject', reasonCode: 'documents_incomplete', note: 'Quotation unsigned' },
      }),
    ).toEqual({ ok: true, status: 'rejected' });
    expect(await committedCents({ db: t.db, enterpriseId: b.enterpriseId })).toBe(0);
    const event = await t.db
      .selectFrom('applicationEvents')
      .selectAll()
      .where('action', '=', 'reject')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ reasonCode: 'documents_incomplete', note: 'Quotation unsigned', actorUserId: officer.id });
    const notices = await t.db.selectFrom('notifications').select('template').where('userId', '=', b.user.id).orderBy('id').execute();
    expect(notices.map((n) => n.template)).toEqual([
      'quotation_arrived',
      'application_submitted',
      'review_started',
      'application_rejected',
    ]);
  });

  it('request information → the applicant answers → review again → approve, every round in the trail', async () => {
    const officer = await makeUser(t.db, 'officer');
    const a = await underReview(officer.id);
    expect(
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: a.reference,
        expectedStatus: 'under_review',
        decision: { action: 'request_info', note: 'Send the signed quotation' },
      }),
    ).toEqual({ ok: true, status: 'info_requested' });
    expect(
      await respondToInfoRequest({
        db: t.db,
        userId: a.user.id,
        reference: a.reference,
        note: 'Attached',
        document: { bytes: new TextEncoder().encode('%PDF-1.4 signed'), filename: 'signed.pdf' },
      }),
    ).toEqual({ ok: true });
    expect((await assignToMe({ db: t.db, officerId: officer.id, reference: a.reference })).ok).toBe(true);
    expect(
      (
        await decideApplication({
          db: t.db,
          officerId: officer.id,
          reference: a.reference,
          expectedStatus: 'under_review',
          decision: { action: 'approve' },
        })
      ).ok,
    ).toBe(true);
    const trail = await t.db
      .selectFrom('applicationEvents')
      .innerJoin('applications', 'applications.id', 'applicationEvents.applicationId')
      .select(['action', 'toStatus'])
      .where('reference', '=', a.reference)
      .orderBy('applicationEvents.id')
      .execute();
    expect(trail.map((e) => e.action)).toEqual(['create', 'submit', 'start_review', 'request_info', 'resubmit', 'start_review', 'approve']);
    const row = await t.db.selectFrom('applications').select('infoRound').where('reference', '=', a.reference).executeTakeFirstOrThrow();
    expect(row.infoRound).toBe(1);
  });

  it('an answered case stays with its officer: reply received on top, question and answer first, decided without taking it again', async () => {
    const officer = await makeUser(t.db, 'officer');
    const other = await makeUser(t.db, 'officer');
    const a = await underReview(officer.id);
    await decideApplication({
      db: t.db,
      officerId: officer.id,
      reference: a.reference,
      expectedStatus: 'under_review',
      decision: { action: 'request_info', note: 'Send the signed quotation' },
    });
    expect((await workload({ db: t.db, officerId: officer.id })).replies).toBe(0);
    await respondToInfoRequest({
      db: t.db,
      userId: a.user.id,
      reference: a.reference,
      note: 'Signed copy attached',
      document: { bytes: new TextEncoder().encode('%PDF-1.4 signed'), filename: 'signed.pdf' },
    });

    expect((await workload({ db: t.db, officerId: officer.id })).replies).toBe(1);
    expect((await workload({ db: t.db, officerId: other.id })).replies).toBe(0);
    const queue = await listQueue({ db: t.db, officerId: officer.id, filters: { assigned: 'me' } });
    expect(queue.repliesReceived.map((r) => r.reference)).toEqual([a.reference]);
    expect(queue.rows.find((r) => r.reference === a.reference)?.replyReceived).toBe(true);
    expect((await listQueue({ db: t.db, officerId: other.id, filters: {} })).repliesReceived).toEqual([]);

    const review = (await getReview({ db: t.db, officerId: officer.id, reference: a.reference }))!;
    expect(review).toMatchObject({ canTake: false, replyReceived: true });
    expect(review.application.assignedOfficerId).toBe(officer.id);
    expect(review.exchange?.question.note).toBe('Send the signed quotation');
    expect(review.exchange?.answer?.note).toBe('Signed copy attached');
    expect(review.exchange?.documents.map((d) => d.filename)).toEqual(['signed.pdf']);

    // Another officer cannot decide it; its own officer decides from the page as it shows it ("submitted").
    expect(
      await decideApplication({
        db: t.db,
        officerId: other.id,
        reference: a.reference,
        expectedStatus: 'submitted',
        decision: { action: 'approve' },
      }),
    ).toEqual({ ok: false, code: 'assigned_to_other' });
    expect(
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: a.reference,
        expectedStatus: 'submitted',
        decision: { action: 'approve' },
      }),
    ).toEqual({ ok: true, status: 'approved' });
    const trail = await t.db
      .selectFrom('applicationEvents')
      .innerJoin('applications', 'applications.id', 'applicationEvents.applicationId')
      .select(['action', 'actorUserId'])
      .where('reference', '=', a.reference)
      .orderBy('applicationEvents.id')
      .execute();
    expect(trail.map((e) => e.action)).toEqual(['create', 'submit', 'start_review', 'request_info', 'resubmit', 'start_review', 'approve']);
    expect(trail.at(-2)?.actorUserId).toBe(officer.id);
    expect((await workload({ db: t.db, officerId: officer.id })).replies).toBe(0);
  });

  it('a stale form (status moved meanwhile) is refused, and decisions in the wrong state write nothing', async () => {
    const officer = await makeUser(t.db, 'officer');
    const a = await underReview(officer.id);
    await decideApplication({
      db: t.db,
      officerId: officer.id,
      reference: a.reference,
      expectedStatus: 'under_review',
      decision: { action: 'approve' },
    });
    expect(
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: a.reference,
        expectedStatus: 'under_review',
        decision: { action: 'reject', reasonCode: 'other' },
      }),
    ).toEqual({ ok: false, code: 'stale', status: 'approved' });
    expect(
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: a.reference,
        expectedStatus: 'approved',
        decision: { action: 'approve' },
      }),
    ).toEqual({
      ok: false,
      code: 'invalid_transition',
      status: 'approved',
    });
    const s = await submitted();
    expect(
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: s.reference,
        expectedStatus: 'submitted',
        decision: { action: 'approve' },
      }),
    ).toEqual({
      ok: false,
      code: 'assigned_to_other',
    });
  });

  it('only the assigned officer decides, and never on an enterprise they own or are linked to', async () => {
    const [one, two] = [await makeUser(t.db, 'officer'), await makeUser(t.db, 'officer')];
    const a = await underReview(one.id);
    expect(
      await decideApplication({
        db: t.db,
        officerId: two.id,
        reference: a.reference,
        expectedStatus: 'under_review',
        decision: { action: 'approve' },
      }),
    ).toEqual({
      ok: false,
      code: 'assigned_to_other',
    });
    await t.db.insertInto('officerConflicts').values({ officerId: one.id, enterpriseId: a.enterpriseId }).execute();
    expect(
      await decideApplication({
        db: t.db,
        officerId: one.id,
        reference: a.reference,
        expectedStatus: 'under_review',
        decision: { action: 'approve' },
      }),
    ).toEqual({
      ok: false,
      code: 'conflict_of_interest',
    });
    expect(
      await decideApplication({
        db: t.db,
        officerId: one.id,
        reference: 'DTS-2026-999999',
        expectedStatus: 'under_review',
        decision: { action: 'approve' },
      }),
    ).toEqual({
      ok: false,
      code: 'not_found',
    });
  });

  it('approval re-checks eligibility: an expired BR blocks it', async () => {
    const officer = await makeUser(t.db, 'officer');
    const a = await underReview(officer.id);
    await t.db.updateTable('enterprises').set({ brExpiry: '2020-01-01' }).where('id', '=', a.enterpriseId).execute();
    expect(
      await decideApplication({
        db: t.db,
        officerId: officer.id,
        reference: a.reference,
        expectedStatus: 'under_review',
        decision: { action: 'approve' },
      }),
    ).toEqual({
      ok: false,
      code: 'not_eligible',
      failures: ['br_expired'],
    });
  });

  it('parallel approvals against a nearly exhausted budget never pass it, first come first served', async () => {
    const officer = await makeUser(t.db, 'officer');
    const apps = [];
    for (let i = 0; i < 12; i++) apps.push(await underReview(officer.id, 20_000_00)); // 10,000 each
    const before = await budgetPosition(t.db);
    const latest = await t.db.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').executeTakeFirstOrThrow();
    const { id: _id, createdAt: _c, ...copy } = latest;
    // Room for exactly 4 more approvals of HK$10,000.
    await t.db
      .insertInto('programmeSettings')
      .values({ ...copy, version: latest.version + 1, budgetCents: before.approvedCents + 40_000_00 + 5_000_00 })
      .execute();
    const results = await Promise.all(
      apps.map((a) =>
        decideApplication({
          db: t.db,
          officerId: officer.id,
          reference: a.reference,
          expectedStatus: 'under_review',
          decision: { action: 'approve' },
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'budget_exhausted')).toBe(true);
    const after = await budgetPosition(t.db);
    expect(after.approvedCents).toBeLessThanOrEqual(after.budgetCents);
    expect(after.remainingCents).toBe(5_000_00);
  });
});
