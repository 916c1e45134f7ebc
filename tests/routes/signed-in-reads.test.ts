// What a signed-in page reads per request (issue 15 goal 2): the session, the user, the unread count and the public
// version in one query; the catalogue's data kept per public version (a change shows at once); one query for the
// applications list.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as root from '../../app/root';
import * as detail_ from '../../app/routes/solutions.$id/route';
import * as catalogue from '../../app/routes/solutions._index';
import { listApplicantApplications } from '../../app/services/applications.server';
import { committedCents, listEnterprisesWithCommitted } from '../../app/services/enterprises.server';
import { createSession, findSessionState } from '../../app/services/auth.server';
import { listSolutionsAt, publicVersionOf } from '../../app/services/catalogue.server';
import { markAllRead } from '../../app/services/notifications.server';
import { sessionCookieHeader } from '../../app/services/session.server';
import { publicVersion } from '../../app/lib/page-cache.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { contextFor, routeCalls } from '../support/requests';

let t: TestDatabase;
const { callLoader } = routeCalls(() => t.db);
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function signedIn() {
  const user = await makeUser(t.db);
  const token = await createSession({ db: t.db, userId: user.id });
  const cookie = (await sessionCookieHeader(contextFor(t.db), token)).split(';')[0]!;
  return { user, token, cookie };
}

async function addNotifications(userId: number, n: number) {
  for (let i = 0; i < n; i++) {
    await t.db
      .insertInto('notifications')
      .values({ userId, template: 'application_submitted', params: '{}', sourceKey: `test:${userId}:${i}` })
      .execute();
  }
}

describe('one query for the session', () => {
  it('brings the user, the unread count and the public version; nothing for an expired or unknown session', async () => {
    const { user, token } = await signedIn();
    await addNotifications(user.id, 3);
    const state = await findSessionState({ db: t.db, token });
    expect(state).toEqual({
      user: { id: user.id, email: user.email, role: 'applicant', displayName: user.displayName, locale: 'en' },
      unread: 3,
      publicVersion: await publicVersion(t.db),
    });
    await markAllRead({ db: t.db, userId: user.id });
    expect((await findSessionState({ db: t.db, token }))?.unread).toBe(0);
    await sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${user.id}`.execute(t.db);
    expect(await findSessionState({ db: t.db, token })).toBeUndefined();
    expect(await findSessionState({ db: t.db, token: 'x'.repeat(43) })).toBeUndefined();
  });

  it('the root data counts unread notifications, read again after an action in the same request', async () => {
    const { user, cookie } = await signedIn();
    await addNotifications(user.id, 2);
    const context = contextFor(t.db);
    const get = (await (await callLoader(root, { as: cookie, path: '/account', context })).json()) as {
      user: { id: number };
      unread: number;
    };
    expect(get).toMatchObject({ user: { id: user.id }, unread: 2 });
    // The same request's action read them (the session lookup above is kept for the request): the page shows 0.
    await markAllRead({ db: t.db, userId: user.id });
    const post = (await (await callLoader(root, { as: cookie, path: '/notifications', method: 'POST', form: {}, context })).json()) as {
      unread: number;
    };
    expect(post.unread).toBe(0);
  });
});

describe('the catalogue data per public version', () => {
  it('a signed-in reader sees a change to a package at once, and the same data is reused while nothing changes', async () => {
    const { cookie } = await signedIn();
    const pkg = await makeListedSolution(t.db, { priceCents: 1_234_00 });
    const id = String(pkg.solutionId);
    const detail = async () =>
      (await (await callLoader(detail_, { as: cookie, path: '/solutions/:id', params: { id } })).json()) as {
        solution: { name: { en: string } };
      };
    const names = async () =>
      (
        (await (await callLoader(catalogue, { as: cookie, path: '/solutions', search: 'sort=name&q=Renamed' })).json()) as {
          items: { id: number; name: string }[];
        }
      ).items.map((item) => item.name);

    const before = (await detail()).solution.name.en;
    expect(await names()).not.toContain(`Renamed ${id}`);
    const version = await publicVersionOf(t.db);
    const args = { db: t.db, filters: { sort: 'price_asc' as const, page: 1 }, maxSubscriptionMonths: 24 };
    expect(await listSolutionsAt(version, args)).toBe(await listSolutionsAt(version, args)); // from memory

    await t.db
      .updateTable('solutionVersions')
      .set({ nameEn: `Renamed ${id}` })
      .where('id', '=', pkg.versionId)
      .execute();
    expect(await publicVersionOf(t.db)).not.toBe(version); // the trigger bumped it at commit
    expect((await detail()).solution.name.en).toBe(`Renamed ${id}`);
    expect(before).not.toBe(`Renamed ${id}`);
    expect(await names()).toContain(`Renamed ${id}`);
  });
});

describe('the applications list', () => {
  it('counts with its page query, a page past the last shows the last; the businesses carry their committed sums', async () => {
    const { user } = await signedIn();
    const none = await listApplicantApplications({ db: t.db, userId: user.id, page: 3 });
    expect(none).toEqual({ rows: [], page: 1, pageCount: 1 });
    const enterpriseId = await makeEnterprise(t.db, user.id);
    for (const price of [2_000_00, 3_000_00]) {
      const pkg = await makeListedSolution(t.db, { priceCents: price });
      const quotationId = await makeQuotation(t.db, {
        userId: user.id,
        enterpriseId,
        solutionId: pkg.solutionId,
        vendorUserId: pkg.vendorUserId,
      });
      await makeDraft(t.db, { userId: user.id, quotationId });
    }
    const first = await listApplicantApplications({ db: t.db, userId: user.id, page: 1 });
    const last = await listApplicantApplications({ db: t.db, userId: user.id, page: 10_000 });
    expect(first.rows).toHaveLength(2);
    expect(first.rows[0]).not.toHaveProperty('total');
    expect(last.page).toBe(first.pageCount);
    expect(last.pageCount).toBe(first.pageCount);
    expect(last.rows).toEqual(first.rows);
    // Newest first, and only the owner's: another shop owner sees none of them.
    expect(first.rows[0]!.costCents).toBe(3_000_00);
    const other = await signedIn();
    expect(await listApplicantApplications({ db: t.db, userId: other.user.id, page: 1 })).toEqual({ rows: [], page: 1, pageCount: 1 });

    // The package page's businesses carry what each has committed, counted as committedCents counts it.
    await t.db.updateTable('applications').set({ status: 'submitted' }).where('reference', '=', first.rows[0]!.reference).execute();
    const [withCommitted] = await listEnterprisesWithCommitted({ db: t.db, userId: user.id });
    const committed = await committedCents({ db: t.db, enterpriseId });
    expect(committed).toBe(first.rows[0]!.programmeCents);
    expect(withCommitted).toMatchObject({ id: enterpriseId, committedCents: committed });
  });
});
