// The needs questionnaire's answers, kept in the URL query string (shareable, bookmarkable, no session needed):
// reading them back with zod, one question at a time, and the order of the questions. Shared by server and browser.
import { z } from 'zod';
import {
  needs,
  paymentMethods,
  paymentPreferences,
  type MatchAnswers,
  type Need,
  type PaymentMethod,
  type PaymentPreference,
} from '../domain/matcher';
import { categories, districts, sectors, type Category, type District, type Sector } from '../domain/programme';

/** The question pages, in the order they are asked. */
export const questions = ['sector', 'needs', 'rank', 'payments', 'existing', 'size', 'paying', 'budget', 'district'] as const;
export type Question = (typeof questions)[number];

export type Answers = {
  sector?: Sector;
  /** Most important first. */
  needs?: Need[];
  methods?: PaymentMethod[];
  /** Categories of solution already in use; [] = none of them. */
  has?: Category[];
  outlets?: number;
  /** Seats or counters; null = not stated. */
  seats?: number | null;
  pay?: PaymentPreference;
  /** The most the business will pay itself for the whole set, in cents. */
  ownCents?: number;
  district?: District;
};

export const MAX_OUTLETS = 500;
export const MAX_SEATS = 5_000;
/** HK$1,000,000: three packages at the HK$100,000 price limit cost far less. */
export const MAX_OWN_CENTS = 1_000_000_00;

export type FieldErrors = Record<string, string[]>;

const text = z.string().max(200);
/** A list in one parameter ("a,b") or repeated parameters (checkboxes: "x=a&x=b"); duplicates dropped, order kept. */
function list<T extends string>(values: readonly T[]) {
  return z
    .array(text)
    .max(20)
    .transform((raw) =>
      raw
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values as unknown as [T, ...T[]])).max(values.length + 5))
    .transform((items) => [...new Set(items)]);
}
const needList = list(needs);
const methodList = list(paymentMethods);
const hasList = list([...categories, 'none'] as const);
const wholeNumber = (max: number) =>
  text
    .trim()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));
/** Dollars as typed: "15000", "15,000", "HK$15,000.50". */
const dollars = text
  .trim()
  .transform((value) => value.replace(/^HK\$|^\$/i, '').replace(/[,\s]/g, ''))
  .pipe(z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'match:errors.own_invalid'))
  .transform((value) => {
    const [whole, fraction = ''] = value.split('.');
    return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  })
  .pipe(z.number().max(MAX_OWN_CENTS, 'match:errors.own_too_large'));

/** The parameters of each question, read from the URL or from its submitted form. */
const fieldSchemas = {
  sector: z.object({ sector: z.enum(sectors, { error: 'match:errors.sector_required' }) }),
  needs: z.object({ needs: needList.pipe(z.array(z.enum(needs)).min(1, 'match:errors.needs_required')) }),
  payments: z.object({ methods: methodList.pipe(z.array(z.enum(paymentMethods)).min(1, 'match:errors.methods_required')) }),
  existing: z.object({
    has: hasList
      .pipe(z.array(z.enum([...categories, 'none'] as const)).min(1, 'match:errors.has_required'))
      .refine((items) => !(items.includes('none') && items.length > 1), 'match:errors.has_none_and_other')
      .transform((items) => items.filter((item): item is Category => item !== 'none')),
  }),
  paying: z.object({ pay: z.enum(paymentPreferences, { error: 'match:errors.pay_required' }) }),
  budget: z.object({ own: z.string({ error: 'match:errors.own_required' }).trim().min(1, 'match:errors.own_required').pipe(dollars) }),
  district: z.object({ district: z.enum(districts, { error: 'match:errors.district_required' }) }),
};

function single(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value === null ? undefined : value.slice(0, 400);
}

function issuesToErrors(issues: readonly z.core.$ZodIssue[], fallback: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? fallback);
    const key = issue.message.startsWith('match:') ? issue.message : `match:errors.${field}_invalid`;
    const listFor = (errors[field] ??= []);
    if (!listFor.includes(key)) listFor.push(key);
  }
  return errors;
}

export type QuestionRead = { ok: true; answers: Answers } | { ok: false; errors: FieldErrors };

/**
 * One question's answer from the parameters (the URL, or the question's submitted form), with field errors as i18n
 * keys. `rank` reorders the needs already given; `openSectors` refuses a sector the round does not open.
 */
export function readQuestion(
  question: Question,
  params: URLSearchParams,
  { openSectors, current = {} }: { openSectors: readonly string[]; current?: Answers },
): QuestionRead {
  switch (question) {
    case 'sector': {
      const parsed = fieldSchemas.sector.safeParse({ sector: single(params, 'sector') });
      if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues, 'sector') };
      if (!openSectors.includes(parsed.data.sector)) return { ok: false, errors: { sector: ['match:errors.sector_not_open'] } };
      return { ok: true, answers: { sector: parsed.data.sector } };
    }
    case 'needs': {
      const parsed = fieldSchemas.needs.safeParse({ needs: params.getAll('needs') });
      if (!parsed.success)
        return { ok: false, errors: { needs: [issuesToErrors(parsed.error.issues, 'needs').needs?.[0] ?? 'match:errors.needs_required'] } };
      // Keep the owner's ranking of the needs still chosen (the page sends it along as `order`); new ones go after.
      const chosen = parsed.data.needs;
      const order = needList.safeParse(params.getAll('order'));
      // Read from the address (no `order`), the list's own order is the ranking.
      const before = order.success && order.data.length > 0 ? order.data : (current.needs ?? chosen);
      const kept = before.filter((need) => chosen.includes(need));
      const added = needs.filter((need) => chosen.includes(need) && !kept.includes(need));
      return { ok: true, answers: { needs: [...kept, ...added] } };
    }
    case 'rank': {
      const given = current.needs ?? [];
      const ranks = z
        .array(z.coerce.number().int().min(1).max(given.length))
        .safeParse(given.map((need) => single(params, `rank_${need}`) ?? ''));
      const first = given[0] ? `rank_${given[0]}` : 'rank';
      if (!ranks.success) return { ok: false, errors: { [first]: ['match:errors.rank_required'] } };
      if (new Set(ranks.data).size !== given.length) return { ok: false, errors: { [first]: ['match:errors.rank_unique'] } };
      const ordered = given.map((need, i) => ({ need, rank: ranks.data[i]! })).sort((a, b) => a.rank - b.rank);
      return { ok: true, answers: { needs: ordered.map((r) => r.need) } };
    }
    case 'payments': {
      const parsed = fieldSchemas.payments.safeParse({ methods: params.getAll('methods') });
      if (!parsed.success) return { ok: false, errors: { methods: ['match:errors.methods_required'] } };
      return { ok: true, answers: { methods: paymentMethods.filter((m) => parsed.data.methods.includes(m)) } };
    }
    case 'existing': {
      const parsed = fieldSchemas.existing.safeParse({ has: params.getAll('has') });
      if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues, 'has') };
      return { ok: true, answers: { has: categories.filter((c) => parsed.data.has.includes(c)) } };
    }
    case 'size': {
      const errors: FieldErrors = {};
      const outlets = wholeNumber(MAX_OUTLETS).safeParse(single(params, 'outlets') ?? '');
      if (!outlets.success)
        errors.outlets = [
          (single(params, 'outlets') ?? '').trim() === '' ? 'match:errors.outlets_required' : 'match:errors.outlets_invalid',
        ];
      const rawSeats = (single(params, 'seats') ?? '').trim();
      const seats = rawSeats === '' ? null : wholeNumber(MAX_SEATS).safeParse(rawSeats);
      if (seats && !seats.success) errors.seats = ['match:errors.seats_invalid'];
      if (!outlets.success || (seats && !seats.success)) return { ok: false, errors };
      return { ok: true, answers: { outlets: outlets.data, seats: seats ? seats.data! : null } };
    }
    case 'paying': {
      const parsed = fieldSchemas.paying.safeParse({ pay: single(params, 'pay') });
      if (!parsed.success) return { ok: false, errors: { pay: ['match:errors.pay_required'] } };
      return { ok: true, answers: { pay: parsed.data.pay } };
    }
    case 'budget': {
      const parsed = fieldSchemas.budget.safeParse({ own: single(params, 'own') });
      if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues, 'own') };
      return { ok: true, answers: { ownCents: parsed.data.own } };
    }
    case 'district': {
      const parsed = fieldSchemas.district.safeParse({ district: single(params, 'district') });
      if (!parsed.success) return { ok: false, errors: { district: ['match:errors.district_required'] } };
      return { ok: true, answers: { district: parsed.data.district } };
    }
  }
}

/** The parameter names each question owns. */
export function paramsOf(question: Question, answers: Answers = {}): string[] {
  switch (question) {
    case 'sector':
      return ['sector'];
    case 'needs':
      return ['needs'];
    case 'rank':
      return (answers.needs ?? []).map((need) => `rank_${need}`);
    case 'payments':
      return ['methods'];
    case 'existing':
      return ['has'];
    case 'size':
      return ['outlets', 'seats'];
    case 'paying':
      return ['pay'];
    case 'budget':
      return ['own'];
    case 'district':
      return ['district'];
  }
}

/** Whether a question is asked at all, given the answers so far. */
export function applies(question: Question, answers: Answers): boolean {
  if (question === 'rank') return (answers.needs?.length ?? 0) >= 2;
  if (question === 'payments') return answers.needs?.includes('e_payments') ?? false;
  return true;
}

function isAnswered(question: Question, answers: Answers): boolean {
  switch (question) {
    case 'sector':
      return answers.sector !== undefined;
    case 'needs':
      return answers.needs !== undefined;
    case 'rank':
      return true; // the needs' order is already a ranking
    case 'payments':
      return answers.methods !== undefined;
    case 'existing':
      return answers.has !== undefined;
    case 'size':
      return answers.outlets !== undefined;
    case 'paying':
      return answers.pay !== undefined;
    case 'budget':
      return answers.ownCents !== undefined;
    case 'district':
      return answers.district !== undefined;
  }
}

export type ReadAnswers = { answers: Answers; invalid: Question[] };

/** Every answer in the URL; a value that does not read is left out and its question marked invalid. */
export function readAnswers(params: URLSearchParams, { openSectors }: { openSectors: readonly string[] }): ReadAnswers {
  const answers: Answers = {};
  const invalid: Question[] = [];
  for (const question of questions) {
    if (question === 'rank') continue;
    if (!paramsOf(question).some((name) => params.has(name))) continue;
    if (question === 'payments' && !applies('payments', answers)) continue;
    const read = readQuestion(question, params, { openSectors, current: {} });
    if (read.ok) Object.assign(answers, read.answers);
    else invalid.push(question);
  }
  return { answers, invalid };
}

/** The first question asked but not (validly) answered, or null when every answer is there. */
export function firstIncomplete({ answers, invalid }: ReadAnswers): Question | null {
  return questions.find((q) => applies(q, answers) && (invalid.includes(q) || !isAnswered(q, answers))) ?? null;
}

/** The question to answer first, keeping what the address holds (so an unreadable value shows its error there). */
export function incompleteUrl(url: URL, question: Question): string {
  const params = new URLSearchParams(url.search);
  params.delete('go');
  params.set('return', 'check');
  return `/match/${question}?${params}`;
}

/** The answers as the URL keeps them, in the questions' order; answers to questions no longer asked are dropped. */
export function toQuery(answers: Answers): URLSearchParams {
  const params = new URLSearchParams();
  if (answers.sector) params.set('sector', answers.sector);
  if (answers.needs?.length) params.set('needs', answers.needs.join(','));
  if (answers.methods?.length && applies('payments', answers)) params.set('methods', answers.methods.join(','));
  if (answers.has) params.set('has', answers.has.length ? answers.has.join(',') : 'none');
  if (answers.outlets !== undefined) params.set('outlets', String(answers.outlets));
  if (answers.seats != null) params.set('seats', String(answers.seats));
  if (answers.pay) params.set('pay', answers.pay);
  if (answers.ownCents !== undefined)
    params.set('own', answers.ownCents % 100 === 0 ? String(answers.ownCents / 100) : (answers.ownCents / 100).toFixed(2));
  if (answers.district) params.set('district', answers.district);
  return params;
}

/** "?sector=fnb&…" (or "" with no answers), optionally with extra parameters. */
export function queryString(answers: Answers, extra: Record<string, string> = {}): string {
  const params = toQuery(answers);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Where to go after answering `question`: the follow-up it opens, back to "check your answers", or the next one. */
export function nextStep(question: Question, answers: Answers, { returning }: { returning: boolean }): Question | 'check' {
  if (question === 'needs' && applies('rank', answers)) return 'rank';
  if (returning || question === 'district') return firstIncomplete({ answers, invalid: [] }) ?? 'check';
  const after = questions.slice(questions.indexOf(question) + 1).find((q) => applies(q, answers));
  return after ?? 'check';
}

/** The question before this one that is asked, or null for the first. */
export function previousStep(question: Question, answers: Answers): Question | null {
  return [...questions.slice(0, questions.indexOf(question))].reverse().find((q) => applies(q, answers)) ?? null;
}

/** The matcher's input from a complete set of answers; null while something is missing. */
export function toMatchAnswers(answers: Answers): MatchAnswers | null {
  if (firstIncomplete({ answers, invalid: [] }) !== null) return null;
  return {
    sector: answers.sector!,
    needs: answers.needs!,
    paymentMethods: applies('payments', answers) ? answers.methods! : [],
    alreadyHas: answers.has!,
    outlets: answers.outlets!,
    seats: answers.seats ?? null,
    paymentPreference: answers.pay!,
    ownSpendLimitCents: answers.ownCents!,
    district: answers.district!,
  };
}
