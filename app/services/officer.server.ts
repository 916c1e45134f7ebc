// The case officers' workbench: the queue, taking work (safely under concurrency) and deciding applications.
import { sql } from 'kysely';
import type { DB, Trx } from '../../db/client';
import {
  isCommitted,
  transition,
  type BudgetStatus,
  type ApplicationAction,
  type ApplicationStatus,
} from '../domain/application-lifecycle';
import { failedCodes, type EligibilityCode, type RuleResult } from '../domain/eligibility';
import { hasConflictOfInterest, takeDecision } from '../domain/assignment';
import { latestExchange, replyReceived } from '../domain/info-requests';
import { fundingSplit, headroomCents, nothingToFund } from '../domain/funding';
import type { RejectionReason } from '../domain/reasons';
import { slaBreachCutoff, workingDaysBetween, type Holidays } from '../domain/working-days';
import { moveApplication } from './application-moves.server';
import { fundingRules } from './catalogue.server';
import { committedCents, eligibilityOf } from './enterprises.server';
import { keysetPage } from '../lib/pagination';
import { holidaySet } from './holidays.server';
import { getCurrentSettings, settingsInForce } from './settings.server';

export const QUEUE_PAGE_SIZE = 25;

function addMonths(date: Date, months: number): Date {
  const next = new Date(date);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

export type QueueFilters = {
  status?: ApplicationStatus;
  sector?: string;
  district?: string;
  category?: string;
  /** Only applications waiting at least this many calendar days. */
  minDays?: number;
  assigned?: 'me' | 'unassigned' | 'any';
};

export type QueueCursor = { submittedAt: string; id: number };

/** One page of the queue as an officer asks for it (after: the cursor of the previous page's last row). */
type QueueRequest = { db: DB; officerId: number; filters: QueueFilters; after?: QueueCursor; limit?: number; now?: Date };

/**
 * The queue page's query (the rows of one keyset page plus one, oldest first). Its own function so that the tests can
 * EXPLAIN exactly what the queue sends (tests/services/queue-plans.test.ts).
 */
export function queuePageQuery({
  db,
  officerId,
  filters,
  after,
  limit = QUEUE_PAGE_SIZE,
  now = new Date(),
  holidays,
}: QueueRequest & { holidays: Holidays }) {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .leftJoin('users as officer', 'officer.id', 'a.assignedOfficerId')
    .where('a.submittedAt', 'is not', null)
    .where('a.status', '<>', 'draft');
  query = filters.status
    ? query.where('a.status', '=', filters.status)
    : query.where('a.status', 'in', ['submitted', 'under_review', 'info_requested']);
  // On the application's copy of the enterprise's place (kept by triggers): read in queue order from one index.
  if (filters.sector) query = query.where('a.entSector', '=', filters.sector);
  if (filters.district) query = query.where('a.entDistrict', '=', filters.district);
  if (filters.category) query = query.where('a.category', '=', filters.category);
  // "Waiting at least N working days", counted like the column beside it.
  if (filters.minDays) query = query.where('a.submittedAt', '<', slaBreachCutoff({ now, slaWorkingDays: filters.minDays - 1, holidays }));
  if (filters.assigned === 'me') query = query.where('a.assignedOfficerId', '=', officerId);
  if (filters.assigned === 'unassigned') query = query.where('a.assignedOfficerId', 'is', null);
  // Keyset pagination on (submitted_at, id): as fast on page 4,000 as on page 1.
  if (after) {
    // A row comparison, so PostgreSQL reads the (submitted_at, id) index from the cursor onwards.
    query = query.where((eb) => eb(eb.refTuple('a.submittedAt', 'a.id'), '>', eb.tuple(new Date(after.submittedAt), after.id)));
  }
  return query
    .select([
      'a.id',
      'a.reference',
      'a.status',
      'a.category',
      'a.costCents',
      'a.programmeCents',
      'a.submittedAt',
      'a.assignedOfficerId',
      'officer.displayName as assignedOfficerName',
      'ent.legalNameEn',
      'ent.legalNameZh',
      'ent.sector',
      'ent.district',
    ])
    .orderBy('a.submittedAt')
    .orderBy('a.id')
    .limit(limit + 1);
}

export async function listQueue({ db, officerId, filters, after, limit = QUEUE_PAGE_SIZE, now = new Date() }: QueueRequest) {
  const [settings, holidays] = await Promise.all([getCurrentSettings(db), holidaySet(db)]);
  const rows = await queuePageQuery({ db, officerId, filters, after, limit, now, holidays }).execute();
  const { rows: shown, next } = keysetPage(rows, limit, (row): QueueCursor => ({
    submittedAt: row.submittedAt!.toISOString(),
    id: row.id,
  }));
  const page = shown.map((row) => {
    const daysWaiting = workingDaysBetween(row.submittedAt!, now, holidays);
    return { ...row, daysWaiting, slaBreached: daysWaiting > settings.slaWorkingDays, replyReceived: replyReceived(row) };
  });
  // The officer's own cases the shop has answered come first, whatever the page: newest answer first.
  const repliesReceived = after
    ? []
    : await db
        .selectFrom('applications as a')
        .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
        .select(['a.reference', 'a.category', 'a.updatedAt', 'ent.legalNameEn', 'ent.legalNameZh'])
        .where('a.assignedOfficerId', '=', officerId)
        .where('a.status', '=', 'submitted')
        .orderBy('a.updatedAt', 'desc')
        .limit(limit)
        .execute();
  return { rows: page, next, slaWorkingDays: settings.slaWorkingDays, repliesReceived };
}

/** Whether the officer owns or declared a link to the enterprise (an unknown enterprise counts as conflicted). */
export async function isConflicted(trx: Trx | DB, officerId: number, enterpriseId: number): Promise<boolean> {
  const row = await trx
    .selectFrom('enterprises as ent')
    .leftJoin('officerConflicts as c', (join) => join.onRef('c.enterpriseId', '=', 'ent.id').on('c.officerId', '=', officerId))
    .select(['ent.ownerUserId', 'c.officerId as conflictOfficer'])
    .where('ent.id', '=', enterpriseId)
    .executeTakeFirst();
  return !row || hasConflictOfInterest({ officerId, ownerUserId: row.ownerUserId, declaredLink: row.conflictOfficer !== null });
}

export type TakeResult =
  | { ok: true; reference: string }
  | { ok: false; code: 'queue_empty' | 'not_found' | 'conflict_of_interest' | 'assigned_to_other' | 'invalid_transition' };

/** Starts the review of one submitted application: assigns it to the officer and moves it to under_review. */
async function startReview(
  trx: Trx,
  officerId: number,
  application: { id: number; status: ApplicationStatus; enterpriseId: number },
): Promise<boolean> {
  const moved = await moveApplication(trx, {
    applicationId: application.id,
    from: application.status,
    action: 'start_review',
    actor: { userId: officerId, role: 'officer' },
    set: { assignedOfficerId: officerId, assignedAt: new Date() },
  });
  return moved.ok;
}

/** submitted → under_review for the officer the answered case is still assigned to (a guarded update and its event). */
async function resumeReview(trx: Trx, officerId: number, applicationId: number): Promise<boolean> {
  const moved = await moveApplication(trx, {
    applicationId,
    from: 'submitted',
    action: 'start_review',
    actor: { userId: officerId, role: 'officer' },
    assignedOfficerId: officerId,
  });
  return moved.ok;
}

/**
 * "Next in queue": the oldest submitted application nobody has taken, that the officer has no link to. SKIP LOCKED
 * lets many officers ask at once and each get a different one.
 */
export async function takeNextInQueue({ db, officerId }: { db: DB; officerId: number }): Promise<TakeResult> {
  return db.transaction().execute(async (trx): Promise<TakeResult> => {
    const next = await trx
      .selectFrom('applications as a')
      .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
      .select(['a.id', 'a.reference', 'a.status', 'a.enterpriseId'])
      .where('a.status', '=', 'submitted')
      .where('a.assignedOfficerId', 'is', null)
      .where('ent.ownerUserId', '<>', officerId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('officerConflicts as c')
              .select('c.officerId')
              .whereRef('c.enterpriseId', '=', 'a.enterpriseId')
              .where('c.officerId', '=', officerId),
          ),
        ),
      )
      .orderBy('a.submittedAt')
      .orderBy('a.id')
      .limit(1)
      .forUpdate('a')
      .skipLocked()
      .executeTakeFirst();
    if (!next) return { ok: false, code: 'queue_empty' };
    if (!(await startReview(trx, officerId, next))) return { ok: false, code: 'invalid_transition' };
    return { ok: true, reference: next.reference };
  });
}

export async function assignToMe({ db, officerId, reference }: { db: DB; officerId: number; reference: string }): Promise<TakeResult> {
  return db.transaction().execute(async (trx): Promise<TakeResult> => {
    const application = await trx
      .selectFrom('applications')
      .select(['id', 'reference', 'status', 'enterpriseId', 'assignedOfficerId'])
      .where('reference', '=', reference)
      .where('status', '<>', 'draft')
      .forUpdate()
      .executeTakeFirst();
    if (!application) return { ok: false, code: 'not_found' };
    const take = takeDecision({
      status: application.status,
      assignedOfficerId: application.assignedOfficerId,
      officerId,
      conflicted: await isConflicted(trx, officerId, application.enterpriseId),
    });
    if (!take.ok) return take;
    if (take.step === 'start_review') {
      return (await startReview(trx, officerId, application)) ? { ok: true, reference } : { ok: false, code: 'invalid_transition' };
    }
    if (take.step === 'already_mine') return { ok: true, reference };
    await trx
      .updateTable('applications')
      .set({ assignedOfficerId: officerId, assignedAt: new Date() })
      .where('id', '=', application.id)
      .execute();
    return { ok: true, reference };
  });
}

export type Decision =
  | { action: 'approve'; note?: string }
  | { action: 'reject'; reasonCode: RejectionReason; note?: string }
  | { action: 'request_info'; note: string };

export type DecideResult =
  | { ok: true; status: ApplicationStatus }
  | {
      ok: false;
      code: 'not_found' | 'conflict_of_interest' | 'assigned_to_other' | 'budget_exhausted' | 'cap_reached' | 'no_programme_share';
    }
  | { ok: false; code: 'stale'; status: ApplicationStatus }
  | { ok: false; code: 'invalid_transition'; status: ApplicationStatus }
  | { ok: false; code: 'not_eligible'; failures: EligibilityCode[] };

/**
 * Decides an application under review. Locks, in order, the programme row (so parallel approvals cannot together
 * pass the budget), the enterprise (its cap) and the application; `expectedStatus` is the status the officer's form
 * was showing, so a decision made on a stale page answers 'stale' instead of overwriting.
 */
export async function decideApplication({
  db,
  officerId,
  reference,
  expectedStatus,
  decision,
  now = new Date(),
}: {
  db: DB;
  officerId: number;
  reference: string;
  expectedStatus: ApplicationStatus;
  decision: Decision;
  now?: Date;
}): Promise<DecideResult> {
  return db.transaction().execute(async (trx): Promise<DecideResult> => {
    const found = await trx
      .selectFrom('applications')
      .select(['id', 'enterpriseId'])
      .where('reference', '=', reference)
      .where('status', '<>', 'draft')
      .executeTakeFirst();
    if (!found) return { ok: false, code: 'not_found' };
    // Read after the programme lock: a budget cut saved while this approval waited binds it.
    const settings = decision.action === 'approve' ? await settingsInForce(trx, { purpose: 'budget' }) : await getCurrentSettings(trx);
    const enterprise = await trx
      .selectFrom('enterprises')
      .selectAll()
      .where('id', '=', found.enterpriseId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const application = await trx
      .selectFrom('applications as a')
      .innerJoin('quotations as q', 'q.id', 'a.quotationId')
      .innerJoin('enquiries as e', 'e.id', 'q.enquiryId')
      .innerJoin('solutions as s', 's.id', 'e.solutionId')
      .select(['a.id', 'a.status', 'a.assignedOfficerId', 'a.programmeCents', 'a.costCents', 's.status as solutionStatus', 's.category'])
      .where('a.id', '=', found.id)
      .forUpdate('a')
      .executeTakeFirstOrThrow();
    if (await isConflicted(trx, officerId, enterprise.id)) return { ok: false, code: 'conflict_of_interest' };
    const status = application.status;
    if (status !== expectedStatus) return { ok: false, code: 'stale', status };
    if (application.assignedOfficerId !== officerId) return { ok: false, code: 'assigned_to_other' };
    // The shop answered a question: the case is still this officer's, whose decision resumes the review first.
    let from = status;
    if (replyReceived({ status, assignedOfficerId: application.assignedOfficerId })) {
      if (!(await resumeReview(trx, officerId, application.id))) return { ok: false, code: 'stale', status };
      from = 'under_review';
    }
    const move = transition({ status: from, action: decision.action as ApplicationAction, role: 'officer' });
    if (!move.ok) return { ok: false, code: 'invalid_transition', status };

    let programmeCents = application.programmeCents;
    if (decision.action === 'approve') {
      // Judged again now: the enterprise, the round and the package may have changed since submission.
      const results = await eligibilityOf({
        db: trx,
        enterprise,
        now,
        settings,
        pkg: { listed: application.solutionStatus === 'listed', category: application.category },
      });
      const failures = failedCodes(results).filter((code) => code !== 'round_closed'); // a batch closing after submission does not block its decisions
      if (failures.length > 0) return { ok: false, code: 'not_eligible', failures };
      const others = await committedCents({ db: trx, enterpriseId: enterprise.id, excludeApplicationId: application.id });
      const split = fundingSplit({ costCents: application.costCents, committedCents: others, rules: fundingRules(settings) });
      const unfunded = nothingToFund(split);
      if (unfunded) return { ok: false, code: unfunded };
      programmeCents = Math.min(programmeCents, split.programmeCents);
      if (programmeCents === 0) return { ok: false, code: 'no_programme_share' };
      if ((await approvedCents(trx)) + programmeCents > settings.budgetCents) return { ok: false, code: 'budget_exhausted' };
    }

    const moved = await moveApplication(trx, {
      applicationId: application.id,
      from,
      action: decision.action,
      actor: { userId: officerId, role: 'officer' },
      set: {
        programmeCents,
        shopCents: application.costCents - programmeCents,
        decisionReason: decision.action === 'reject' ? decision.reasonCode : null,
        decidedAt: decision.action === 'request_info' ? null : now,
        infoRound: decision.action === 'request_info' ? sql<number>`info_round + 1` : sql<number>`info_round`,
        // The ratio judged here is the one the claim pays by, whatever the settings say later.
        ...(decision.action === 'approve'
          ? { approvedAt: now, approvedMatchBps: settings.matchBps, deployBy: addMonths(now, settings.deploymentMonths) }
          : {}),
      },
      event: { reasonCode: decision.action === 'reject' ? decision.reasonCode : null, note: decision.note ?? null },
      now,
    });
    if (!moved.ok) return { ok: false, code: 'stale', status };
    return { ok: true, status: moved.to };
  });
}

/** Whether "Assign to me" would do something for this officer. */
const canTake = (take: ReturnType<typeof takeDecision>, replied: boolean) => take.ok && take.step !== 'already_mine' && !replied;

/** Everything an officer needs on the review page. */
export async function getReview({
  db,
  officerId,
  reference,
  now = new Date(),
}: {
  db: DB;
  officerId: number;
  reference: string;
  now?: Date;
}) {
  const application = await db
    .selectFrom('applications as a')
    .innerJoin('quotations as q', 'q.id', 'a.quotationId')
    .innerJoin('enquiries as e', 'e.id', 'q.enquiryId')
    .innerJoin('solutions as s', 's.id', 'e.solutionId')
    .innerJoin('vendors as vd', 'vd.id', 'a.vendorId')
    .leftJoin('users as officer', 'officer.id', 'a.assignedOfficerId')
    .leftJoin('programmeSettings as ps', 'ps.id', 'a.settingsId')
    .select([
      'a.id',
      'a.reference',
      'a.status',
      'a.category',
      'a.costCents',
      'a.programmeCents',
      'a.shopCents',
      'a.declarations',
      'a.submittedAt',
      'a.decidedAt',
      'a.decisionReason',
      'a.infoRound',
      'a.enterpriseId',
      'a.assignedOfficerId',
      'a.eligibilityAtSubmit',
      'officer.displayName as assignedOfficerName',
      'q.items',
      'q.maxSubscriptionMonths',
      'e.matchReason',
      's.status as solutionStatus',
      'vd.nameEn as vendorNameEn',
      'vd.nameZhHk as vendorNameZhHk',
      'vd.nameZhCn as vendorNameZhCn',
      'ps.version as settingsVersion',
    ])
    .where('a.reference', '=', reference)
    .where('a.status', '<>', 'draft')
    .executeTakeFirst();
  if (!application) return undefined;
  const [enterprise, settings, holidays] = await Promise.all([
    db.selectFrom('enterprises').selectAll().where('id', '=', application.enterpriseId).executeTakeFirstOrThrow(),
    getCurrentSettings(db),
    holidaySet(db),
  ]);
  const [eligibilityNow, others, documents, events, conflicted] = await Promise.all([
    eligibilityOf({
      db,
      enterprise,
      now,
      settings,
      pkg: { listed: application.solutionStatus === 'listed', category: application.category },
    }),
    // The business's other applications: this profile's, and those made under its identity by any other profile.
    db
      .selectFrom('applications')
      .select(['reference', 'status', 'category', 'programmeCents', 'submittedAt'])
      .where((eb) => eb.or([eb('enterpriseId', '=', enterprise.id), eb('registrationKey', '=', enterprise.registrationKey)]))
      .where('id', '<>', application.id)
      .where('status', '<>', 'draft')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('documents')
      .select(['id', 'kind', 'filename', 'contentType', 'sizeBytes', 'createdAt'])
      .where('applicationId', '=', application.id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('applicationEvents as ev')
      .leftJoin('users as u', 'u.id', 'ev.actorUserId')
      .select([
        'ev.id',
        'ev.action',
        'ev.fromStatus',
        'ev.toStatus',
        'ev.actorRole',
        'ev.reasonCode',
        'ev.note',
        'ev.createdAt',
        'u.displayName as actorName',
      ])
      .where('ev.applicationId', '=', application.id)
      .orderBy('ev.id')
      .execute(),
    isConflicted(db, officerId, enterprise.id),
  ]);
  const replied = replyReceived(application);
  const committedElsewhere = others.filter((o) => isCommitted(o.status)).reduce((sum, o) => sum + o.programmeCents, 0);
  const atSubmit = (application.eligibilityAtSubmit ?? []) as RuleResult[];
  const changed = eligibilityNow.filter((now) => {
    const before = atSubmit.find((r) => r.rule === now.rule);
    return before !== undefined && before.code !== now.code;
  });
  return {
    application,
    enterprise,
    eligibilityNow,
    eligibilityAtSubmit: atSubmit,
    changedRules: changed.map((r) => r.rule),
    others,
    documents,
    events,
    conflicted,
    canTake: canTake(
      takeDecision({ status: application.status, assignedOfficerId: application.assignedOfficerId, officerId, conflicted }),
      replied,
    ),
    replyReceived: replied,
    exchange: latestExchange(events, documents) ?? null,
    headroomCents: headroomCents(
      settings.capCents,
      committedElsewhere + (isCommitted(application.status) ? application.programmeCents : 0),
    ),
    daysWaiting: application.submittedAt ? workingDaysBetween(application.submittedAt, now, holidays) : 0,
    slaWorkingDays: settings.slaWorkingDays,
  };
}

/** The programme's money at a glance: budget, committed at approval and after, and what is left. */
export async function budgetPosition(db: DB) {
  const [settings, approved] = await Promise.all([getCurrentSettings(db), approvedCents(db)]);
  return { budgetCents: settings.budgetCents, approvedCents: approved, remainingCents: Math.max(0, settings.budgetCents - approved) };
}

/**
 * The programme's share of every application approved or further along: what counts against the budget. Read from
 * the per-status totals that triggers keep in the same statement as each change (migration 2026-12-03T0400), not
 * summed over applications: the sum grew with every approval, and approvals read it holding the programme lock.
 */
async function approvedCents(db: DB | Trx): Promise<number> {
  const row = await db
    .selectFrom('budgetStatusTotals')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('programmeCents'), eb.lit(0)).as('total'))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** How many applications are in one of the statuses from approval on (kept by triggers, like approvedCents). */
export async function countInBudgetStatus(db: DB | Trx, status: BudgetStatus): Promise<number> {
  const row = await db.selectFrom('budgetStatusTotals').select('applications').where('status', '=', status).executeTakeFirst();
  return Number(row?.applications ?? 0);
}

/**
 * How stale the officer home page's queue-wide counts (unassigned, past the standard) may be. Counting them reads every
 * open application (≈ 300 ms at a million); they are the same for every officer, so each process keeps them this long
 * and refreshes them in the background while serving the last figures. The officer's own count stays exact (an index).
 */
export const WORKLOAD_STALE_MS = 30_000;

type QueueCounts = { unassigned: number; breached: number };
type CountsEntry = { at: number; value: Promise<QueueCounts>; refreshing: boolean };
const queueCountCache = new WeakMap<DB, Map<number, CountsEntry>>();

function countQueue(db: DB, cutoff: Date): Promise<QueueCounts> {
  return db
    .selectFrom('applications')
    .select((eb) => [
      eb.fn
        .countAll<string>()
        .filterWhere((w) => w.and([w('assignedOfficerId', 'is', null), w('status', '=', 'submitted')]))
        .as('unassigned'),
      eb.fn.countAll<string>().filterWhere('submittedAt', '<', cutoff).as('breached'),
    ])
    .where('status', 'in', ['submitted', 'under_review', 'info_requested'])
    .executeTakeFirstOrThrow()
    .then((row) => ({ unassigned: Number(row.unassigned), breached: Number(row.breached) }));
}

/** The queue-wide counts for a breach cutoff (a day boundary): at most WORKLOAD_STALE_MS old, plus one refresh. */
function queueCounts(db: DB, cutoff: Date): Promise<QueueCounts> {
  let byCutoff = queueCountCache.get(db);
  if (!byCutoff) {
    byCutoff = new Map();
    queueCountCache.set(db, byCutoff);
  }
  const key = cutoff.getTime();
  const entry = byCutoff.get(key);
  const now = Date.now();
  if (!entry) {
    if (byCutoff.size > 8) byCutoff.clear(); // another day, or holidays changed: old cutoffs are not asked again
    const fresh: CountsEntry = { at: now, value: countQueue(db, cutoff), refreshing: false };
    fresh.value.catch(() => byCutoff.delete(key));
    byCutoff.set(key, fresh);
    return fresh.value;
  }
  if (now - entry.at > WORKLOAD_STALE_MS && !entry.refreshing) {
    entry.refreshing = true;
    countQueue(db, cutoff)
      .then((value) => byCutoff.set(key, { at: Date.now(), value: Promise.resolve(value), refreshing: false }))
      .catch(() => {
        entry.refreshing = false;
      });
  }
  return entry.value;
}

/** The queue-wide counts recounted now, bypassing the cache (what a refresh costs; the bench times it). */
export async function recountQueue({ db, now = new Date() }: { db: DB; now?: Date }): Promise<QueueCounts> {
  const [settings, holidays] = await Promise.all([getCurrentSettings(db), holidaySet(db)]);
  return countQueue(db, slaBreachCutoff({ now, slaWorkingDays: settings.slaWorkingDays, holidays }));
}

/** Counts for the officer's home page: the officer's own exactly; the queue-wide ones up to WORKLOAD_STALE_MS old. */
export async function workload({ db, officerId, now = new Date() }: { db: DB; officerId: number; now?: Date }) {
  const [settings, holidays] = await Promise.all([getCurrentSettings(db), holidaySet(db)]);
  const cutoff = slaBreachCutoff({ now, slaWorkingDays: settings.slaWorkingDays, holidays });
  const [mine, counts] = await Promise.all([
    db
      .selectFrom('applications')
      .select((eb) => [
        eb.fn.countAll<string>().as('n'),
        // Answered information requests come back as 'submitted' and stay with their officer (issue 12 §3).
        eb.fn.countAll<string>().filterWhere('status', '=', 'submitted').as('replies'),
      ])
      .where('assignedOfficerId', '=', officerId)
      .where('status', 'in', ['submitted', 'under_review', 'info_requested'])
      .executeTakeFirstOrThrow(),
    queueCounts(db, cutoff),
  ]);
  return { mine: Number(mine.n), replies: Number(mine.replies), ...counts };
}

export type DeclareResult = { ok: true } | { ok: false; code: 'enterprise_not_found' };

/** An officer declares a link to an enterprise (by its BR number or hawker licence): they will never be given it. */
export async function declareConflict({
  db,
  officerId,
  registrationNumber,
}: {
  db: DB;
  officerId: number;
  registrationNumber: string;
}): Promise<DeclareResult> {
  const key = registrationNumber.trim().toUpperCase();
  const enterprise = await db
    .selectFrom('enterprises')
    .select('id')
    .where((eb) => eb.or([eb('brNumber', '=', key), eb(eb.fn('upper', ['hawkerLicenceNo']), '=', key)]))
    .executeTakeFirst();
  if (!enterprise) return { ok: false, code: 'enterprise_not_found' };
  await db
    .insertInto('officerConflicts')
    .values({ officerId, enterpriseId: enterprise.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { ok: true };
}

export async function listConflicts({ db, officerId }: { db: DB; officerId: number }) {
  return db
    .selectFrom('officerConflicts as c')
    .innerJoin('enterprises as ent', 'ent.id', 'c.enterpriseId')
    .select(['ent.legalNameEn', 'ent.legalNameZh', 'ent.brNumber', 'ent.hawkerLicenceNo', 'c.declaredAt'])
    .where('c.officerId', '=', officerId)
    .orderBy('c.declaredAt')
    .execute();
}
