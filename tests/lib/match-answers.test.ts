import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { needs, paymentMethods } from '../../app/domain/matcher';
import {
  firstIncomplete,
  nextStep,
  previousStep,
  questions,
  readAnswers,
  readQuestion,
  toMatchAnswers,
  toQuery,
  type Answers,
} from '../../app/lib/match-answers';
import { districts, sectors } from '../../app/domain/programme';

const open = { openSectors: ['fnb', 'retail'] };
const complete: Answers = {
  sector: 'fnb',
  needs: ['bring_back', 'e_payments'],
  methods: ['octopus', 'fps', 'wechat_pay_hk'],
  has: [],
  outlets: 1,
  seats: 12,
  pay: 'none',
  ownCents: 15_000_00,
  district: 'sham_shui_po',
};
const params = (query: string) => new URLSearchParams(query);

describe('reading the answers in the address', () => {
  it('reads back what toQuery wrote, whatever the answers (round trip)', () => {
    const answers = fc.record({
      sector: fc.constantFrom('fnb' as const, 'retail' as const),
      needs: fc.uniqueArray(fc.constantFrom(...needs), { minLength: 1 }),
      methods: fc.uniqueArray(fc.constantFrom(...paymentMethods), { minLength: 1 }),
      has: fc.subarray(['e_payment_pos', 'online_promotion', 'customer_management'] as const),
      outlets: fc.integer({ min: 1, max: 500 }),
      seats: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
      pay: fc.constantFrom('one_off' as const, 'monthly' as const, 'none' as const),
      ownCents: fc.integer({ min: 0, max: 1_000_000_00 }),
      district: fc.constantFrom(...districts),
    });
    fc.assert(
      fc.property(answers, (a) => {
        const read = readAnswers(toQuery(a), open);
        const expected: Answers = {
          ...a,
          methods: a.needs.includes('e_payments') ? paymentMethods.filter((m) => a.methods.includes(m)) : undefined,
        };
        if (!expected.methods) delete expected.methods;
        expect(read.invalid).toEqual([]);
        expect(read.answers).toEqual(expected);
      }),
    );
  });

  it('marks unreadable values invalid without throwing, and drops them', () => {
    const hostile = params(
      'sector=tourism&needs=e_payments,hack&has=none,e_payment_pos&outlets=0&seats=-3&pay=free&own=1e9&district=mars&methods=' +
        'x'.repeat(5000),
    );
    const read = readAnswers(hostile, open);
    expect(read.invalid).toEqual(['sector', 'needs', 'existing', 'size', 'paying', 'budget', 'district']);
    expect(read.answers).toEqual({});
    expect(firstIncomplete(read)).toBe('sector');
  });

  it.each([
    ['own=15,000', 15_000_00],
    ['own=HK$15000.5', 15_000_50],
    ['own= 0 ', 0],
    ['own=1000000', 1_000_000_00],
  ])('reads the own-spend limit %s as %i cents', (query, cents) => {
    expect(readQuestion('budget', params(query), open)).toEqual({ ok: true, answers: { ownCents: cents } });
  });

  it.each([
    ['', 'match:errors.own_required'],
    ['own=', 'match:errors.own_required'],
    ['own=abc', 'match:errors.own_invalid'],
    ['own=1.234', 'match:errors.own_invalid'],
    ['own=-5', 'match:errors.own_invalid'],
    ['own=1000000.01', 'match:errors.own_too_large'],
  ])('refuses the own-spend limit "%s" with %s', (query, key) => {
    expect(readQuestion('budget', params(query), open)).toEqual({ ok: false, errors: { own: [key] } });
  });

  it('gives each question its field error', () => {
    expect(readQuestion('sector', params('sector=tourism'), open)).toEqual({
      ok: false,
      errors: { sector: ['match:errors.sector_not_open'] },
    });
    expect(readQuestion('sector', params(''), open)).toEqual({ ok: false, errors: { sector: ['match:errors.sector_required'] } });
    expect(readQuestion('needs', params(''), open)).toEqual({ ok: false, errors: { needs: ['match:errors.needs_required'] } });
    expect(readQuestion('payments', params(''), open)).toEqual({ ok: false, errors: { methods: ['match:errors.methods_required'] } });
    expect(readQuestion('existing', params('has=none&has=e_payment_pos'), open)).toEqual({
      ok: false,
      errors: { has: ['match:errors.has_none_and_other'] },
    });
    expect(readQuestion('size', params('outlets=&seats=abc'), open)).toEqual({
      ok: false,
      errors: { outlets: ['match:errors.outlets_required'], seats: ['match:errors.seats_invalid'] },
    });
    expect(readQuestion('size', params('outlets=501'), open)).toEqual({ ok: false, errors: { outlets: ['match:errors.outlets_invalid'] } });
    expect(readQuestion('paying', params('pay=free'), open)).toEqual({ ok: false, errors: { pay: ['match:errors.pay_required'] } });
    expect(readQuestion('district', params('district=mars'), open)).toEqual({
      ok: false,
      errors: { district: ['match:errors.district_required'] },
    });
  });

  it('ranks the needs from the rank page, refusing two aims with the same number', () => {
    const current = { needs: ['e_payments', 'till_stock', 'bring_back'] } as Answers;
    expect(readQuestion('rank', params('rank_e_payments=2&rank_till_stock=3&rank_bring_back=1'), { ...open, current })).toEqual({
      ok: true,
      answers: { needs: ['bring_back', 'e_payments', 'till_stock'] },
    });
    expect(readQuestion('rank', params('rank_e_payments=1&rank_till_stock=1&rank_bring_back=2'), { ...open, current })).toEqual({
      ok: false,
      errors: { rank_e_payments: ['match:errors.rank_unique'] },
    });
    expect(readQuestion('rank', params('rank_e_payments=1&rank_till_stock=9&rank_bring_back=2'), { ...open, current })).toEqual({
      ok: false,
      errors: { rank_e_payments: ['match:errors.rank_required'] },
    });
  });

  it('keeps the ranking of needs still chosen when the needs page is answered again', () => {
    const read = readQuestion(
      'needs',
      params('needs=e_payments&needs=till_stock&needs=know_customers&order=till_stock,bring_back,e_payments'),
      open,
    );
    expect(read).toEqual({ ok: true, answers: { needs: ['till_stock', 'e_payments', 'know_customers'] } });
  });
});

describe('the order of the questions', () => {
  it('asks the follow-ups only when the answers call for them', () => {
    expect(nextStep('needs', { needs: ['e_payments'] }, { returning: false })).toBe('payments');
    expect(nextStep('needs', { needs: ['found_online'] }, { returning: false })).toBe('existing');
    expect(nextStep('needs', { needs: ['found_online', 'e_payments'] }, { returning: false })).toBe('rank');
    expect(nextStep('rank', { needs: ['found_online', 'bring_back'] }, { returning: false })).toBe('existing');
    expect(nextStep('district', complete, { returning: false })).toBe('check');
    expect(previousStep('existing', { needs: ['found_online'] })).toBe('needs');
    expect(previousStep('existing', complete)).toBe('payments');
    expect(previousStep('sector', complete)).toBeNull();
  });

  it('goes back to "check your answers" after a change, unless the change opens a question still unanswered', () => {
    expect(nextStep('budget', complete, { returning: true })).toBe('check');
    const withoutPayments = { ...complete, needs: ['found_online' as const], methods: undefined };
    expect(nextStep('needs', { ...withoutPayments, needs: ['e_payments'] }, { returning: true })).toBe('payments');
  });

  it('makes the matcher input only from complete answers', () => {
    expect(toMatchAnswers(complete)).toEqual({
      sector: 'fnb',
      needs: ['bring_back', 'e_payments'],
      paymentMethods: ['octopus', 'fps', 'wechat_pay_hk'],
      alreadyHas: [],
      outlets: 1,
      seats: 12,
      paymentPreference: 'none',
      ownSpendLimitCents: 15_000_00,
      district: 'sham_shui_po',
    });
    for (const q of questions.filter((q) => q !== 'rank')) {
      const key = {
        sector: 'sector',
        needs: 'needs',
        payments: 'methods',
        existing: 'has',
        size: 'outlets',
        paying: 'pay',
        budget: 'ownCents',
        district: 'district',
      }[q] as keyof Answers;
      const missing = { ...complete };
      delete missing[key];
      expect(toMatchAnswers(missing)).toBeNull();
      expect(firstIncomplete({ answers: missing, invalid: [] })).toBe(q);
    }
    expect(sectors).toContain(complete.sector);
  });
});
