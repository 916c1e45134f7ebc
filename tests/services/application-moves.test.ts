import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveApplication } from '../../app/services/application-moves.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ max: 12 });
});
afterAll(async () => {
  await t.drop();
});

async function draft() {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents: 20_000_00 });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  const reference = await makeDraft(t.db, { userId: user.id, quotationId });
  const { id } = await t.db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  return { user, id };
}

const statusOf = async (id: number) =>
  (await t.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const eventsOf = (id: number) =>
  t.db
    .selectFrom('applicationEvents')
    .select(['action', 'fromStatus', 'toStatus', 'actorRole', 'actorUserId', 'reasonCode', 'note'])
    .where('applicationId', '=', id)
    .where('action', '<>', 'create')
    .orderBy('id')
    .execute();

describe('moveApplication', () => {
  it('moves by the lifecycle, sets the given columns and writes the event in the same transaction', async () => {
    const { user, id } = await draft();
    const result = await t.db.transaction().execute((trx) =>
      moveApplication(trx, {
        applicationId: id,
        from: 'draft',
        action: 'withdraw',
        actor: { userId: user.id, role: 'applicant' },
        set: { decidedAt: new Date('2026-12-01T02:00:00Z') },
        event: { note: 'no longer needed' },
      }),
    );
    expect(result).toEqual({ ok: true, from: 'draft', to: 'withdrawn' });
    const row = await t.db.selectFrom('applications').select(['status', 'decidedAt']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'withdrawn', decidedAt: new Date('2026-12-01T02:00:00Z') });
    expect(await eventsOf(id)).toEqual([
      {
        action: 'withdraw',
        fromStatus: 'draft',
        toStatus: 'withdrawn',
        actorRole: 'applicant',
        actorUserId: user.id,
        reasonCode: null,
        note: 'no longer needed',
      },
    ]);
  });

  it('answers wrong_state and writes nothing when the lifecycle has no such move or the role may not take it', async () => {
    const { user, id } = await draft();
    const attempts = [
      { action: 'approve', role: 'officer' },
      { action: 'submit', role: 'officer' },
      { action: 'withdraw', role: 'vendor' },
    ] as const;
    for (const { action, role } of attempts) {
      const result = await t.db
        .transaction()
        .execute((trx) => moveApplication(trx, { applicationId: id, from: 'draft', action, actor: { userId: user.id, role } }));
      expect(result).toEqual({ ok: false, code: 'wrong_state', status: 'draft' });
    }
    expect(await statusOf(id)).toBe('draft');
    expect(await eventsOf(id)).toEqual([]);
  });

  it('is guarded by the status the caller read: a row already moved is left alone, with no event', async () => {
    const { user, id } = await draft();
    // The caller read 'submitted' (an old page), but the row is a draft: the UPDATE matches nothing.
    const result = await t.db
      .transaction()
      .execute((trx) =>
        moveApplication(trx, { applicationId: id, from: 'submitted', action: 'withdraw', actor: { userId: user.id, role: 'applicant' } }),
      );
    expect(result).toEqual({ ok: false, code: 'wrong_state', status: 'submitted' });
    expect(await statusOf(id)).toBe('draft');
    expect(await eventsOf(id)).toEqual([]);
  });

  it('with assignedOfficerId, moves only while the application is assigned to that officer', async () => {
    const { id } = await draft();
    const [mine, other] = [await makeUser(t.db, 'officer'), await makeUser(t.db, 'officer')];
    await t.db.updateTable('applications').set({ status: 'submitted', assignedOfficerId: mine.id }).where('id', '=', id).execute();
    const resume = (officerId: number) =>
      t.db.transaction().execute((trx) =>
        moveApplication(trx, {
          applicationId: id,
          from: 'submitted',
          action: 'start_review',
          actor: { userId: officerId, role: 'officer' },
          assignedOfficerId: officerId,
        }),
      );
    expect(await resume(other.id)).toEqual({ ok: false, code: 'wrong_state', status: 'submitted' });
    expect(await statusOf(id)).toBe('submitted');
    expect(await resume(mine.id)).toEqual({ ok: true, from: 'submitted', to: 'under_review' });
    expect(await eventsOf(id)).toHaveLength(1);
  });

  it('a rolled-back transaction leaves neither the move nor its event', async () => {
    const { user, id } = await draft();
    await expect(
      t.db.transaction().execute(async (trx) => {
        const moved = await moveApplication(trx, {
          applicationId: id,
          from: 'draft',
          action: 'withdraw',
          actor: { userId: user.id, role: 'applicant' },
        });
        expect(moved.ok).toBe(true);
        throw new Error('the caller fails after the move');
      }),
    ).rejects.toThrow('the caller fails after the move');
    expect(await statusOf(id)).toBe('draft');
    expect(await eventsOf(id)).toEqual([]);
  });

  it('of many parallel moves from the same status (without a caller lock), exactly one wins and writes one event', async () => {
    const { user, id } = await draft();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.db
          .transaction()
          .execute((trx) =>
            moveApplication(trx, { applicationId: id, from: 'draft', action: 'withdraw', actor: { userId: user.id, role: 'applicant' } }),
          ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'wrong_state')).toHaveLength(7);
    expect(await statusOf(id)).toBe('withdrawn');
    expect(await eventsOf(id)).toHaveLength(1);
  });
});
