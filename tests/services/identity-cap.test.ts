// The HK$50,000 ceiling follows the business identity (BR number or hawker licence), not the profile row: no sequence
// of profile edits and new profiles commits more than the cap per BR or licence number.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committedStatuses, type ApplicationStatus } from '../../app/domain/application-lifecycle';
import { submitApplication, withdrawApplication } from '../../app/services/applications.server';
import { committedCents, createEnterprise, updateEnterprise, type EnterpriseInput } from '../../app/services/enterprises.server';
import { riskSignalsFor } from '../../app/services/risk.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { enterpriseInput, makeDraft, makeListedSolution, makeQuotation, makeUser, randomBrNumber } from '../support/fixtures';

const CAP = 50_000_00;
const CATEGORIES = ['e_payment_pos', 'online_promotion', 'customer_management'] as const;

let t: TestDatabase;
/** One listed package per category, HK$60,000 one-off: a HK$30,000 share each. */
let packages: Awaited<ReturnType<typeof makeListedSolution>>[];

beforeAll(async () => {
  t = await createTestDatabase({ max: 10 });
  packages = [];
  for (const category of CATEGORIES) packages.push(await makeListedSolution(t.db, { priceCents: 60_000_00, category }));
});
afterAll(async () => {
  await t.drop();
});

type Identity = { registrationType: 'br'; brNumber: string } | { registrationType: 'hawker'; hawkerLicenceNo: string };

const identityKey = (i: Identity) => (i.registrationType === 'br' ? `br:${i.brNumber}` : `hawker:${i.hawkerLicenceNo.toUpperCase()}`);

function profile(identity: Identity, overrides: Partial<EnterpriseInput> = {}): EnterpriseInput {
  return enterpriseInput(
    identity.registrationType === 'br'
      ? { registrationType: 'br', brNumber: identity.brNumber, brExpiry: '2030-12-31', hawkerLicenceNo: null, ...overrides }
      : { registrationType: 'hawker', brNumber: null, brExpiry: null, hawkerLicenceNo: identity.hawkerLicenceNo, ...overrides },
  );
}

/** The identity an enterprise carries right now, read from its row. */
async function identityOf(enterpriseId: number): Promise<string> {
  const row = await t.db
    .selectFrom('enterprises')
    .select(['registrationType', 'brNumber', 'hawkerLicenceNo'])
    .where('id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  return row.registrationType === 'br' ? `br:${row.brNumber}` : `hawker:${row.hawkerLicenceNo!.toUpperCase()}`;
}

/** Applies for a package of the category and submits; returns the submit result and the reference. */
async function apply(userId: number, enterpriseId: number, category: number) {
  const pkg = packages[category]!;
  const quotationId = await makeQuotation(t.db, { userId, enterpriseId, solutionId: pkg.solutionId, vendorUserId: pkg.vendorUserId });
  const reference = await makeDraft(t.db, { userId, quotationId });
  return { reference, result: await submitApplication({ db: t.db, userId, reference }) };
}

/**
 * The model: every submission that committed money is remembered with the identity its profile carried when it was
 * submitted. Committed money per identity is then summed from the live statuses in the database.
 */
class Ledger {
  private byReference = new Map<string, string>();
  record(reference: string, identity: string) {
    this.byReference.set(reference, identity);
  }
  async committedByIdentity(): Promise<Map<string, number>> {
    const totals = new Map<string, number>();
    if (this.byReference.size === 0) return totals;
    const rows = await t.db
      .selectFrom('applications')
      .select(['reference', 'status', 'programmeCents'])
      .where('reference', 'in', [...this.byReference.keys()])
      .execute();
    for (const row of rows) {
      if (!committedStatuses.includes(row.status as ApplicationStatus)) continue;
      const identity = this.byReference.get(row.reference)!;
      totals.set(identity, (totals.get(identity) ?? 0) + row.programmeCents);
    }
    return totals;
  }
  async overCap(): Promise<[string, number][]> {
    return [...(await this.committedByIdentity())].filter(([, cents]) => cents > CAP);
  }
}

describe('the issue 10 attack, scripted', () => {
  it('an approved business cannot get a second HK$50,000 by moving its BR number to a new profile', async () => {
    const owner = await makeUser(t.db);
    const x: Identity = { registrationType: 'br', brNumber: randomBrNumber() };
    const ledger = new Ledger();
    const first = await createEnterprise({ db: t.db, userId: owner.id, input: profile(x) });
    if (!first.ok) throw new Error('setup');
    for (const category of [0, 1]) {
      const { reference, result } = await apply(owner.id, first.id, category);
      if (result.ok) ledger.record(reference, await identityOf(first.id));
    }
    expect((await ledger.committedByIdentity()).get(identityKey(x))).toBe(CAP);

    // The owner changes the BR number on the profile…
    const y: Identity = { registrationType: 'br', brNumber: randomBrNumber() };
    const edited = await updateEnterprise({
      db: t.db,
      userId: owner.id,
      enterpriseId: first.id,
      input: profile(x, { brNumber: y.brNumber }),
    });
    expect(edited).toEqual({ ok: false, code: 'identity_locked', field: 'brNumber' });
    // …and registers the old number again on a new profile, then applies there.
    const second = await createEnterprise({ db: t.db, userId: owner.id, input: profile(x, { legalNameEn: 'Lucky Noodle House (2) Ltd' }) });
    if (second.ok) {
      const { reference, result } = await apply(owner.id, second.id, 2);
      if (result.ok) ledger.record(reference, await identityOf(second.id));
    }
    expect(await ledger.overCap()).toEqual([]);
  });

  it('a BR number that once had a submitted application keeps its committed money on whichever profile carries it', async () => {
    const owner = await makeUser(t.db);
    const x: Identity = { registrationType: 'br', brNumber: randomBrNumber() };
    const first = await createEnterprise({ db: t.db, userId: owner.id, input: profile(x) });
    if (!first.ok) throw new Error('setup');
    for (const category of [0, 1]) expect((await apply(owner.id, first.id, category)).result.ok).toBe(true);
    // A profile edited before the rule existed (the number moved away from the profile that used the money).
    await sql`alter table enterprises disable trigger user`.execute(t.db);
    await t.db.updateTable('enterprises').set({ brNumber: randomBrNumber() }).where('id', '=', first.id).execute();
    await sql`alter table enterprises enable trigger user`.execute(t.db);

    const second = await createEnterprise({ db: t.db, userId: owner.id, input: profile(x, { legalNameEn: 'Lucky Noodle House (2) Ltd' }) });
    if (!second.ok) throw new Error(`setup: ${second.code}`);
    expect(await committedCents({ db: t.db, enterpriseId: second.id })).toBe(CAP);
    expect((await apply(owner.id, second.id, 2)).result).toEqual({ ok: false, code: 'cap_reached', headroomCents: 0 });
  });

  it('the database itself refuses moving a profile off an identity with a submitted application', async () => {
    const owner = await makeUser(t.db);
    const first = await createEnterprise({
      db: t.db,
      userId: owner.id,
      input: profile({ registrationType: 'br', brNumber: randomBrNumber() }),
    });
    if (!first.ok) throw new Error('setup');
    expect((await apply(owner.id, first.id, 0)).result.ok).toBe(true);
    await expect(t.db.updateTable('enterprises').set({ brNumber: randomBrNumber() }).where('id', '=', first.id).execute()).rejects.toThrow(
      /identity/,
    );
    await expect(
      t.db
        .updateTable('enterprises')
        .set({ registrationType: 'hawker', brNumber: null, brExpiry: null, hawkerLicenceNo: 'HK-1' })
        .where('id', '=', first.id)
        .execute(),
    ).rejects.toThrow(/identity/);
    // What is not the identity may still change.
    await t.db.updateTable('enterprises').set({ phone: '2111 2222', brExpiry: '2031-12-31' }).where('id', '=', first.id).execute();
  });
});

describe('identity changes are written down', () => {
  it('every change to an identity field, and the creation, goes to the audit log', async () => {
    const owner = await makeUser(t.db);
    const z = randomBrNumber();
    const w = randomBrNumber();
    const created = await createEnterprise({ db: t.db, userId: owner.id, input: profile({ registrationType: 'br', brNumber: z }) });
    if (!created.ok) throw new Error('setup');
    // Before any submission the number may be corrected.
    expect(
      await updateEnterprise({
        db: t.db,
        userId: owner.id,
        enterpriseId: created.id,
        input: profile({ registrationType: 'br', brNumber: w }, { legalNameEn: 'Renamed Ltd' }),
      }),
    ).toEqual({
      ok: true,
      id: created.id,
    });
    // An edit of other fields only writes no identity entry.
    expect(
      (
        await updateEnterprise({
          db: t.db,
          userId: owner.id,
          enterpriseId: created.id,
          input: profile({ registrationType: 'br', brNumber: w }, { legalNameEn: 'Renamed Ltd', phone: '2999 8888' }),
        })
      ).ok,
    ).toBe(true);
    const entries = await t.db
      .selectFrom('auditLog')
      .select(['action', 'actorUserId', 'actorRole', 'note'])
      .where('entityType', '=', 'enterprise')
      .where('entityId', '=', created.id)
      .orderBy('id')
      .execute();
    expect(entries.map((e) => [e.action, e.actorUserId, e.actorRole])).toEqual([
      ['create', owner.id, 'applicant'],
      ['identity_change', owner.id, 'applicant'],
    ]);
    expect(JSON.parse(entries[0]!.note!)).toMatchObject({ brNumber: [null, z], registrationType: [null, 'br'] });
    expect(JSON.parse(entries[1]!.note!)).toEqual({ brNumber: [z, w], legalNameEn: ['Lucky Noodle House Ltd', 'Renamed Ltd'] });
  });

  it("another account's claim to a number is recorded and shown to the officer on the holder's applications", async () => {
    const owner = await makeUser(t.db);
    const x: Identity = { registrationType: 'br', brNumber: randomBrNumber() };
    const held = await createEnterprise({ db: t.db, userId: owner.id, input: profile(x) });
    if (!held.ok) throw new Error('setup');
    const { reference } = await apply(owner.id, held.id, 0);
    const other = await makeUser(t.db);
    expect(await createEnterprise({ db: t.db, userId: other.id, input: profile(x, { legalNameEn: 'Copycat Ltd' }) })).toEqual({
      ok: false,
      code: 'br_taken',
    });
    const signals = await riskSignalsFor({ db: t.db, reference });
    expect(signals.find((s) => s.code === 'registration_conflict')).toMatchObject({ severity: 'warning', params: { count: 1 } });
  });
});

describe('property: no sequence of profile edits and new profiles commits more than HK$50,000 per BR or licence number', () => {
  type Command =
    | { kind: 'create'; user: number; identity: number }
    | { kind: 'edit'; profile: number; identity: number }
    | { kind: 'apply'; profile: number; category: number }
    | { kind: 'withdraw'; application: number };

  const command: fc.Arbitrary<Command> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), user: fc.nat(1), identity: fc.nat(2) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), profile: fc.nat(5), identity: fc.nat(2) }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('apply' as const), profile: fc.nat(5), category: fc.nat(2) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), application: fc.nat(5) }) },
  );

  it('holds over random sequences against the real services', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 2, maxLength: 12 }), async (commands) => {
        runs++;
        // Fresh numbers each run: two BR numbers and a hawker licence, shared by two accounts.
        const identities: Identity[] = [
          { registrationType: 'br', brNumber: randomBrNumber() },
          { registrationType: 'br', brNumber: randomBrNumber() },
          { registrationType: 'hawker', hawkerLicenceNo: `FP-${crypto.randomBytes(4).toString('hex')}` },
        ];
        const users = [await makeUser(t.db), await makeUser(t.db)];
        const profiles: { id: number; userId: number; identity: Identity }[] = [];
        const applications: { reference: string; userId: number }[] = [];
        const ledger = new Ledger();
        for (const c of commands) {
          if (c.kind === 'create') {
            const userId = users[c.user]!.id;
            const made = await createEnterprise({
              db: t.db,
              userId,
              input: profile(identities[c.identity]!, { legalNameEn: `Shop ${profiles.length} Ltd` }),
            });
            if (made.ok) profiles.push({ id: made.id, userId, identity: identities[c.identity]! });
          } else if (c.kind === 'edit' && profiles.length > 0) {
            const p = profiles[c.profile % profiles.length]!;
            const edited = await updateEnterprise({
              db: t.db,
              userId: p.userId,
              enterpriseId: p.id,
              input: profile(identities[c.identity]!, { legalNameEn: `Shop ${p.id} Ltd` }),
            });
            if (edited.ok) p.identity = identities[c.identity]!;
          } else if (c.kind === 'apply' && profiles.length > 0) {
            const p = profiles[c.profile % profiles.length]!;
            const { reference, result } = await apply(p.userId, p.id, c.category);
            if (result.ok) {
              ledger.record(reference, await identityOf(p.id));
              applications.push({ reference, userId: p.userId });
            }
          } else if (c.kind === 'withdraw' && applications.length > 0) {
            const a = applications[c.application % applications.length]!;
            await withdrawApplication({ db: t.db, userId: a.userId, reference: a.reference });
          }
          expect(await ledger.overCap()).toEqual([]);
        }
      }),
      { numRuns: 150, seed: 20261201, endOnFailure: true },
    );
    expect(runs).toBeGreaterThanOrEqual(150);
  }, 240_000);
});
