import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMatchReason } from '../../app/domain/match-reason';
import * as account from '../../app/routes/account';
import * as newBusiness from '../../app/routes/businesses.new';
import * as enquiries from '../../app/routes/enquiries';
import * as questionPage from '../../app/routes/match.$question';
import * as check from '../../app/routes/match.check';
import * as resultsPage from '../../app/routes/match.results';
import * as review from '../../app/routes/officer.applications.$ref/route';
import * as register from '../../app/routes/register';
import * as startPage from '../../app/routes/start';
import * as vendorEnquiries from '../../app/routes/vendor.enquiries';
import { resourcesFor } from '../../app/lib/i18n.server';
import { submitApplication } from '../../app/services/applications.server';
import { confirmEnquiry } from '../../app/services/enquiries.server';
import type { SetView } from '../../app/services/match-results.server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { makeDraft, makeEnterprise, makeListedSolution, makeQuotation, makeUser } from '../support/fixtures';
import { routeCalls, sessionForUserId } from '../support/requests';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

const { callAction, callLoader } = routeCalls(() => t.db);

/** A 12-seat noodle shop in Sham Shui Po that wants e-payments, a till and returning customers, paying at most HK$15,000. */
const noodle = {
  sector: 'fnb',
  needs: 'e_payments,till_stock,bring_back',
  methods: 'octopus,fps,alipay_hk,wechat_pay_hk',
  has: 'none',
  outlets: '1',
  seats: '12',
  pay: 'none',
  own: '15000',
  district: 'sham_shui_po',
};
const query = (fields: Record<string, string> = noodle) => `?${new URLSearchParams(fields)}`;
const without = (...names: string[]) => Object.fromEntries(Object.entries(noodle).filter(([k]) => !names.includes(k)));

async function question(name: string, search: string, session?: string) {
  return callLoader(questionPage, { as: session, path: '/match/:question', params: { question: name }, search });
}

type ResultsBody = { viewer: string; headroomCents: number; capCents: number; sets: SetView[]; business: { id: number } | null };

async function results(search: string, session?: string) {
  return callLoader(resultsPage, { as: session, path: '/match/results', search });
}

async function applicant() {
  const user = await makeUser(t.db);
  const enterpriseId = await makeEnterprise(t.db, user.id);
  return { userId: user.id, enterpriseId, session: await sessionForUserId(t.db, user.id) };
}

describe('the question pages', () => {
  // Each question: a bad answer and what it says, then a good answer and where it leads.
  const cases: [q: string, bad: Record<string, string>, field: string, error: string, good: Record<string, string>, next: string][] = [
    ['sector', { sector: 'tourism' }, 'sector', 'match:errors.sector_not_open', { sector: 'retail' }, '/match/needs'],
    ['needs', {}, 'needs', 'match:errors.needs_required', { needs: 'found_online' }, '/match/existing'],
    [
      'rank',
      { rank_e_payments: '1', rank_till_stock: '1', rank_bring_back: '2' },
      'rank_e_payments',
      'match:errors.rank_unique',
      { rank_e_payments: '3', rank_till_stock: '2', rank_bring_back: '1' },
      '/match/payments',
    ],
    ['payments', {}, 'methods', 'match:errors.methods_required', { methods: 'payme' }, '/match/existing'],
    [
      'existing',
      { has: 'none,customer_management' },
      'has',
      'match:errors.has_none_and_other',
      { has: 'customer_management' },
      '/match/size',
    ],
    ['size', { outlets: '0', seats: 'lots' }, 'outlets', 'match:errors.outlets_invalid', { outlets: '2', seats: '' }, '/match/paying'],
    ['paying', { pay: 'barter' }, 'pay', 'match:errors.pay_required', { pay: 'monthly' }, '/match/budget'],
    ['budget', { own: '' }, 'own', 'match:errors.own_required', { own: '20,000' }, '/match/district'],
    ['district', { district: 'atlantis' }, 'district', 'match:errors.district_required', { district: 'kwun_tong' }, '/match/check'],
  ];

  it.each(cases)(
    '%s: refuses a bad answer with a field error, keeping every other answer; a good one moves on with all of them',
    async (q, bad, field, error, good, next) => {
      const others =
        q === 'rank'
          ? { ...noodle }
          : without(
              ...((
                {
                  needs: ['needs'],
                  payments: ['methods'],
                  size: ['outlets', 'seats'],
                  paying: ['pay'],
                  budget: ['own'],
                  existing: ['has'],
                } as Record<string, string[]>
              )[q] ?? [q]),
            );
      const refused = await question(q, query({ ...others, ...bad, go: '1' }));
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { errors: Record<string, string[]>; carry: [string, string][] };
      expect(body.errors[field]).toEqual([error]);
      // The other answers ride along in hidden fields, unchanged.
      const carried = Object.fromEntries(body.carry);
      for (const [name, value] of Object.entries(others)) if (!(q === 'needs' && name === 'methods')) expect(carried[name]).toBe(value);

      const moved = await question(q, query({ ...others, ...good, go: '1' }));
      expect(moved.status).toBe(302);
      const location = new URL(`http://x${moved.headers.get('Location')}`);
      expect(location.pathname).toBe(next);
      expect(location.searchParams.has('go')).toBe(false);
      for (const [name, value] of Object.entries(good)) {
        if (name.startsWith('rank_') || value === '') continue;
        const stored = name === 'own' ? value.replace(',', '') : value;
        if (name === 'sector' || name === 'pay' || name === 'district' || name === 'outlets')
          expect(location.searchParams.get(name)).toBe(stored);
      }
      if (q === 'rank') expect(location.searchParams.get('needs')).toBe('bring_back,till_stock,e_payments');
      if (q === 'budget') expect(location.searchParams.get('own')).toBe('20000');
    },
  );

  it('shows the error of a bad value already in the address, and never fails on hostile parameters', async () => {
    const bad = await question('size', query({ ...noodle, outlets: 'many' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors).toEqual({ outlets: ['match:errors.outlets_invalid'] });
    const hostile = await question('needs', `?needs=${'e_payments,'.repeat(2000)}&needs=%00&sector=${'x'.repeat(10_000)}&go=1`);
    expect(hostile.status).toBe(400);
    expect((await question('nonsense', query())).status).toBe(404);
  });

  it('skips a follow-up the answers do not call for, and back links keep the answers', async () => {
    const skipped = await question('payments', query({ ...noodle, needs: 'found_online' }));
    expect(skipped.status).toBe(302);
    expect(skipped.headers.get('Location')).toMatch(/^\/match\/existing\?sector=fnb&needs=found_online&has=none/);
    const page = (await (await question('budget', query())).json()) as { back: string };
    expect(page.back).toBe(`/match/paying${query({ ...noodle, needs: 'e_payments,till_stock,bring_back' })}`);
  });

  it('a change from "check your answers" comes back to it', async () => {
    const changed = await question('district', query({ ...noodle, district: 'islands', return: 'check', go: '1' }));
    expect(changed.headers.get('Location')).toBe(`/match/check${query({ ...noodle, district: 'islands' })}`);
  });
});

describe('check your answers', () => {
  it('shows complete answers, and sends incomplete or unreadable ones to their question', async () => {
    const ok = await callLoader(check, { path: '/match/check', search: query() });
    expect(ok.status).toBe(200);
    const missing = await callLoader(check, { path: '/match/check', search: query(without('own')) });
    expect(missing.status).toBe(302);
    expect(missing.headers.get('Location')).toMatch(/^\/match\/budget\?.*return=check/);
    const unreadable = await callLoader(check, { path: '/match/check', search: query({ ...noodle, seats: '-1' }) });
    expect(unreadable.headers.get('Location')).toMatch(/^\/match\/size\?.*seats=-1/);
  });
});

describe('the results', () => {
  it('give a visitor the full cap, and say so', async () => {
    const response = await results(query());
    expect(response.status).toBe(200);
    const body = (await response.json()) as ResultsBody;
    expect(body).toMatchObject({ viewer: 'visitor', headroomCents: 50_000_00, capCents: 50_000_00, business: null });
    expect(body.sets.length).toBeGreaterThanOrEqual(2);
    for (const set of body.sets) {
      expect(set.programmeCents).toBeLessThanOrEqual(50_000_00);
      expect(set.shopCents).toBeLessThanOrEqual(15_000_00);
    }
    const [best] = body.sets;
    expect(best!.needsCovered).toEqual(['e_payments', 'till_stock', 'bring_back']);
    expect(best!.picks.every((p) => p.name.zhHK.length > 0 && p.vendorName.en.length > 0)).toBe(true);
  });

  it('fit an owner with HK$20,000 committed into the remaining HK$30,000', async () => {
    const owner = await applicant();
    const crm = await makeListedSolution(t.db, { category: 'online_promotion', sector: 'fnb', priceCents: 40_000_00 });
    const quotationId = await makeQuotation(t.db, {
      userId: owner.userId,
      enterpriseId: owner.enterpriseId,
      solutionId: crm.solutionId,
      vendorUserId: crm.vendorUserId,
    });
    const reference = await makeDraft(t.db, { userId: owner.userId, quotationId });
    expect(await submitApplication({ db: t.db, userId: owner.userId, reference })).toMatchObject({
      ok: true,
      split: { programmeCents: 20_000_00 },
    });

    const body = (await (await results(query({ ...noodle, own: '60000' }), owner.session)).json()) as ResultsBody;
    expect(body).toMatchObject({ viewer: 'applicant', headroomCents: 30_000_00, business: { id: owner.enterpriseId } });
    for (const set of body.sets) {
      expect(set.programmeCents).toBeLessThanOrEqual(30_000_00);
      expect(set.headroomAfterCents).toBe(30_000_00 - set.programmeCents);
    }
    expect(body.sets[0]!.programmeCents).toBe(30_000_00);
  });

  it("answers another user's business with 404", async () => {
    const owner = await applicant();
    const stranger = await applicant();
    expect((await results(query({ ...noodle, business: String(owner.enterpriseId) }), stranger.session)).status).toBe(404);
    expect((await results(query({ ...noodle, business: 'abc' }), stranger.session)).status).toBe(404);
  });
});

describe('start with this set', () => {
  async function start(session: string, enterpriseId: number, set: SetView) {
    return callAction(resultsPage, {
      as: session,
      path: `/match/results${query()}`,
      form: { enterpriseId: String(enterpriseId), objective: set.objective, setKey: set.key },
    });
  }

  it('sends one enquiry per package with the reason, once on a double submit; owner, vendor and officer see why', async () => {
    const owner = await applicant();
    const body = (await (await results(query(), owner.session)).json()) as ResultsBody;
    const best = body.sets[0]!;
    const first = await start(owner.session, owner.enterpriseId, best);
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe(`/enquiries?matched=${best.picks.length}&skipped=0`);
    const again = await start(owner.session, owner.enterpriseId, best);
    expect(again.headers.get('Location')).toBe(`/enquiries?matched=0&skipped=${best.picks.length}`);

    const rows = await t.db.selectFrom('enquiries').selectAll().where('enterpriseId', '=', owner.enterpriseId).orderBy('id').execute();
    expect(rows.map((r) => r.solutionId)).toEqual(best.picks.map((p) => p.packageId));
    expect(rows.map((r) => parseMatchReason(r.matchReason)?.programmeCents)).toEqual(best.picks.map((p) => p.programmeCents));

    const list = (await (await callLoader(enquiries, { as: owner.session, path: '/enquiries' })).json()) as {
      rows: { matchReason: unknown }[];
    };
    expect(list.rows.filter((r) => parseMatchReason(r.matchReason) !== null)).toHaveLength(best.picks.length);

    // The vendor of the first package answers from its inbox, and sees the reason too.
    const vendor = await t.db
      .selectFrom('solutions as s')
      .innerJoin('vendors as v', 'v.id', 's.vendorId')
      .select(['v.id', 'v.userId'])
      .where('s.id', '=', rows[0]!.solutionId)
      .executeTakeFirstOrThrow();
    let vendorUserId = vendor.userId;
    if (vendorUserId === null) {
      vendorUserId = (await makeUser(t.db, 'vendor')).id;
      await t.db.updateTable('vendors').set({ userId: vendorUserId }).where('id', '=', vendor.id).execute();
    }
    const inbox = (await (await callLoader(vendorEnquiries, { as: vendorUserId, path: '/vendor/enquiries' })).json()) as {
      rows: { id: number; matchReason: unknown }[];
    };
    expect(parseMatchReason(inbox.rows.find((r) => r.id === rows[0]!.id)?.matchReason)).not.toBeNull();

    // An application made from that enquiry: the officer's review page carries the reason.
    const confirmed = await confirmEnquiry({ db: t.db, userId: vendorUserId!, enquiryId: rows[0]!.id });
    if (!confirmed.ok) throw new Error(confirmed.code);
    const reference = await makeDraft(t.db, { userId: owner.userId, quotationId: confirmed.quotationId! });
    expect(await submitApplication({ db: t.db, userId: owner.userId, reference })).toMatchObject({ ok: true });
    const officer = await makeUser(t.db, 'officer');
    const reviewPage = await callLoader(review, { as: officer.id, path: '/officer/applications/:ref', params: { ref: reference } });
    expect(reviewPage.status).toBe(200);
    const reviewBody = (await reviewPage.json()) as { application: { matchReason: unknown } };
    expect(parseMatchReason(reviewBody.application.matchReason)).toMatchObject({
      objective: 'best',
      statedNeeds: ['e_payments', 'till_stock', 'bring_back'],
    });
  });

  it("refuses another user's business (404), a visitor (to log in), a stale set (409) and a forged form (400)", async () => {
    const owner = await applicant();
    const stranger = await applicant();
    const best = ((await (await results(query(), owner.session)).json()) as ResultsBody).sets[0]!;
    expect((await start(stranger.session, owner.enterpriseId, best)).status).toBe(404);
    const visitor = await callAction(resultsPage, {
      path: `/match/results${query()}`,
      form: { enterpriseId: String(owner.enterpriseId), objective: 'best', setKey: best.key },
    });
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get('Location')).toMatch(/^\/login\?redirectTo=%2Fmatch%2Fresults/);
    const stale = await start(owner.session, owner.enterpriseId, { ...best, key: '1:' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ fieldErrors: {}, formErrors: ['match:errors.set_changed'] });
    const forged = await callAction(resultsPage, {
      as: owner.session,
      path: `/match/results${query()}`,
      form: { enterpriseId: 'x', objective: 'best', setKey: '<b>' },
    });
    expect(forged.status).toBe(400);
    const noCsrf = await callAction(resultsPage, {
      as: owner.session,
      path: `/match/results${query()}`,
      form: { enterpriseId: String(owner.enterpriseId), objective: 'best', setKey: best.key },
      csrf: null,
    });
    expect(noCsrf.status).toBe(403);
    expect(await t.db.selectFrom('enquiries').select('id').where('enterpriseId', '=', owner.enterpriseId).execute()).toHaveLength(0);
  });
});

describe('the way back to the same result', () => {
  const redirectTo = `/match/results${query()}`;

  it('registering leads to the login, which returns to the result; a foreign address is ignored', async () => {
    const fields = (email: string, to: string) => ({
      role: 'applicant',
      displayName: 'Noodle Owner',
      email,
      password: 'long enough password',
      confirmPassword: 'long enough password',
      redirectTo: to,
    });
    const back = await callAction(register, { form: fields(`noodle-${Date.now()}@example.com`, redirectTo) });
    expect(back.status).toBe(302);
    // Registering does not sign in (it must not tell who already has an account); the login page carries the way back.
    expect(back.headers.get('Location')).toBe(`/login?registered=1&redirectTo=${encodeURIComponent(redirectTo)}`);
    const foreign = await callAction(register, { form: fields(`noodle2-${Date.now()}@example.com`, '//evil.example/x') });
    expect(foreign.headers.get('Location')).toBe('/login?registered=1');
  });

  it('adding a business returns to the result', async () => {
    const user = await makeUser(t.db);
    const business = {
      legalNameEn: 'Noodle House Ltd',
      legalNameZh: '麵家有限公司',
      registrationType: 'br',
      brNumber: String(10_000_000 + Math.floor(Math.random() * 89_999_999)),
      brExpiry: '2030-06-30',
      sector: 'fnb',
      fullTimeEmployees: '6',
      isGroupMember: 'no',
      address: '1 Fuk Wa Street',
      district: 'sham_shui_po',
      phone: '2388 1234',
      hasSubstantiveBusiness: 'yes',
      isListedCompany: 'no',
      isStatutoryBody: 'no',
      isSubvented: 'no',
    };
    const created = await callAction(newBusiness, { as: user.id, path: '/businesses/new', search: { redirectTo }, form: business });
    expect(created.status).toBe(302);
    expect(created.headers.get('Location')).toBe(redirectTo);
  });
});

describe('start page, task list and translations', () => {
  it("the start page states the round's rules; the owner's home is a task list", async () => {
    const start = (await (await callLoader(startPage, { path: '/start' })).json()) as {
      capCents: number;
      deploymentMonths: number;
    };
    expect(start).toMatchObject({ capCents: 50_000_00, deploymentMonths: 6 });
    const owner = await applicant();
    const home = (await (await callLoader(account, { as: owner.session, path: '/account' })).json()) as {
      tasks: { task: string; status: string }[];
    };
    expect(home.tasks.map((t) => [t.task, t.status])).toEqual([
      ['business_profile', 'done'],
      ['eligibility', 'done'],
      ['choose_packages', 'not_started'],
      ['enquiries', 'cannot_start_yet'],
      ['applications', 'cannot_start_yet'],
      ['deployment', 'cannot_start_yet'],
      ['claims', 'cannot_start_yet'],
    ]);
  });

  it('every reader gets the match texts, in all three languages with the same keys', () => {
    for (const role of [undefined, 'applicant', 'vendor', 'officer'] as const)
      expect(Object.keys(resourcesFor('zh-HK', role)['zh-HK']!)).toContain('match');
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k.replace(/_(one|other)$/, '')}.`))
        : [prefix];
    const en = new Set(keys(resourcesFor('en')['en']!.match));
    for (const locale of ['zh-HK', 'zh-CN'] as const) expect(new Set(keys(resourcesFor(locale)[locale]!.match))).toEqual(en);
  });
});
