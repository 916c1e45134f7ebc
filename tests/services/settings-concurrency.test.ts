// A settings save (budget cut, cap or match change) racing approvals and submissions: every decision that commits
// is judged by the settings in force at its commit, never by a version read before someone else's save.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedStatuses } from '../../app/domain/application-lifecycle';
import { submitApplication } from '../../app/services/applications.server';
import { budgetStatuses } from '../../app/domain/application-lifecycle';
import { assignToMe, decideApplication } from '../../app/services/officer.server';
import { createSettingsVersion, type SettingsInput } from '../../app/services/settings.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';

let t: TestDatabase;
let adminId: number;

const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

beforeAll(async () => {
  t = await createTestDatabase({ max: 30 });
  adminId = (await makeUser(t.db, 'admin')).id;
  // A watchdog that runs at COMMIT of every approval and submission (a deferred constraint trigger) and writes down
  // any that commits past the settings in force at that moment. It only observes; the services decide.
  await sql`
    create table watch_violations (id serial primary key, kind text not null, detail jsonb not null);
    create function watch_money() returns trigger language plpgsql as $$
    declare
      s programme_settings;
      total bigint;
    begin
      select * into s from programme_settings order by version desc limit 1;
      if new.status = 'approved' and old.status <> 'approved' then
        select coalesce(sum(programme_cents), 0) into total from applications where status in (${list(budgetStatuses)});
        if total > s.budget_cents then
          insert into watch_violations (kind, detail)
            values ('budget', jsonb_build_object('reference', new.reference, 'approved', total, 'budget', s.budget_cents));
        end if;
      end if;
      if new.status = 'submitted' and old.status = 'draft' then
        select coalesce(sum(programme_cents), 0) into total from applications
          where enterprise_id = new.enterprise_id and status in (${list(committedStatuses)});
        if total > s.cap_cents or new.programme_cents > new.cost_cents * s.match_bps / 10000 or new.settings_id <> s.id then
          insert into watch_violations (kind, detail)
            values ('cap', jsonb_build_object('reference', new.reference, 'committed', total, 'cap', s.cap_cents,
              'share', new.programme_cents, 'matchBps', s.match_bps, 'settingsId', new.settings_id, 'inForce', s.id));
        end if;
      end if;
      return null;
    end;
    $$;
    create constraint trigger watch_money after update on applications
      deferrable initially deferred for each row execute function watch_money();
  `.execute(t.db);
});
afterAll(async () => {
  await t.drop();
});

async function currentInput(): Promise<SettingsInput> {
  const s = await t.db.selectFrom('programmeSettings').selectAll().orderBy('version', 'desc').executeTakeFirstOrThrow();
  return {
    roundCode: s.roundCode,
    budgetCents: s.budgetCents,
    capCents: s.capCents,
    matchBps: s.matchBps,
    maxOneOffCents: s.maxOneOffCents,
    maxSubscriptionMonths: s.maxSubscriptionMonths,
    maxSubscriptionTotalCents: s.maxSubscriptionTotalCents,
    deploymentMonths: s.deploymentMonths,
    maxEmployees: s.maxEmployees,
    openSectors: s.openSectors,
    openCategories: s.openCategories,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    slaWorkingDays: s.slaWorkingDays,
  };
}

async function violations(kind: 'budget' | 'cap') {
  return t.db
    .selectFrom(sql<{ kind: string; detail: unknown }>`watch_violations`.as('w'))
    .select(['w.kind', 'w.detail'])
    .where('w.kind', '=', kind)
    .execute();
}

async function approvedTotal(): Promise<number> {
  const row = await t.db
    .selectFrom('applications')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('programmeCents'), eb.lit(0)).as('total'))
    .where('status', 'in', [...budgetStatuses])
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

async function draft(priceCents: number) {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  const pkg = await makeListedSolution(t.db, { priceCents });
  const quotationId = await makeQuotation(t.db, {
    userId: user.id,
    enterpriseId,
    solutionId: pkg.solutionId,
    vendorUserId: pkg.vendorUserId,
  });
  return { user, enterpriseId, reference: await makeDraft(t.db, { userId: user.id, quotationId }) };
}

async function underReview(officerId: number, priceCents: number) {
  const app = await draft(priceCents);
  const submitted = await submitApplication({ db: t.db, userId: app.user.id, reference: app.reference });
  if (!submitted.ok) throw new Error(`setup: ${submitted.code}`);
  const taken = await assignToMe({ db: t.db, officerId, reference: app.reference });
  if (!taken.ok) throw new Error(`setup: ${taken.code}`);
  return app;
}

const ROUNDS = 5;

describe('a budget cut saved while approvals are on their way', () => {
  it(`binds every approval that commits after it (${ROUNDS} rounds of 12 parallel approvals)`, async () => {
    const officer = await makeUser(t.db, 'officer');
    const original = await currentInput();
    const overBudgetRounds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const apps: Awaited<ReturnType<typeof draft>>[] = [];
      for (let i = 0; i < 12; i++) apps.push(await underReview(officer.id, 20_000_00)); // HK$10,000 each
      const approvedBefore = await approvedTotal();
      const cut = approvedBefore + 30_000_00;
      const approve = (reference: string) =>
        decideApplication({ db: t.db, officerId: officer.id, reference, expectedStatus: 'under_review', decision: { action: 'approve' } });
      const save = createSettingsVersion({ db: t.db, adminId, input: { ...original, budgetCents: cut } });
      const [decided, saved] = await Promise.all([Promise.all(apps.map((a) => approve(a.reference))), save]);
      expect(decided.every((r) => r.ok || r.code === 'budget_exhausted')).toBe(true);
      // Refused only if the approvals that committed before it already passed the cut.
      if (!saved.ok) expect(saved.approvedCents).toBeGreaterThan(cut);
      if ((await violations('budget')).length > 0) overBudgetRounds.push(round);
      // Put the budget back (a new version) and leave nothing under review for the next round.
      await createSettingsVersion({ db: t.db, adminId, input: original });
      await t.db.updateTable('applications').set({ status: 'rejected' }).where('status', '=', 'under_review').execute();
      await sql`truncate watch_violations`.execute(t.db);
    }
    console.info(`[settings race] approvals past the budget in force: ${overBudgetRounds.length} of ${ROUNDS} rounds`);
    expect(overBudgetRounds).toEqual([]);
  }, 120_000); // 60 approvals and 10 saves: ~15 s alone, longer while the whole suite shares the cores
});

describe('a cap or match change saved while submissions are on their way', () => {
  it('binds a submission that was waiting for its enterprise lock when the change was saved', async () => {
    const original = await currentInput();
    const app = await draft(80_000_00); // would commit HK$40,000 under a HK$50,000 cap
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Another request of the same enterprise holds its row lock for a moment.
    const holder = t.db.transaction().execute(async (trx) => {
      await trx.selectFrom('enterprises').select('id').where('id', '=', app.enterpriseId).forUpdate().execute();
      locked();
      await released;
    });
    await isLocked;
    const submit = submitApplication({ db: t.db, userId: app.user.id, reference: app.reference });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const save = createSettingsVersion({ db: t.db, adminId, input: { ...original, capCents: 10_000_00 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    const [result] = await Promise.all([submit, save, holder]);
    expect(result.ok).toBe(true);
    expect(await violations('cap')).toEqual([]);
    await createSettingsVersion({ db: t.db, adminId, input: original });
  });

  it(`binds every submission that commits after it (${ROUNDS} rounds of 40 parallel submissions)`, async () => {
    const original = await currentInput();
    const badRounds: { round: number; count: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const apps: Awaited<ReturnType<typeof draft>>[] = [];
      for (let i = 0; i < 40; i++) apps.push(await draft(80_000_00));
      const submit = (a: (typeof apps)[number]) => submitApplication({ db: t.db, userId: a.user.id, reference: a.reference });
      const save = createSettingsVersion({ db: t.db, adminId, input: { ...original, capCents: 20_000_00, matchBps: 2_500 } });
      const results = await Promise.all([...apps.slice(0, 10).map(submit), save, ...apps.slice(10).map(submit)]);
      expect(results.every((r) => 'version' in r || r.ok)).toBe(true);
      const found = await violations('cap');
      if (found.length > 0) badRounds.push({ round, count: found.length });
      await createSettingsVersion({ db: t.db, adminId, input: original });
      await sql`truncate watch_violations`.execute(t.db);
    }
    console.info(
      `[settings race] submissions past the cap/match in force: ${badRounds.length} of ${ROUNDS} rounds (${badRounds.map((b) => b.count).join(', ') || 'none'})`,
    );
    expect(badRounds).toEqual([]);
    // 200 drafts are set up one by one, each enquiry and quotation now telling its receiver (issue 12 §2).
  }, 120_000);
});
