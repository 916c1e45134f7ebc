// Programme statistics for the officers' dashboard and the public open-data page, aggregated in PostgreSQL
// (GROUP BY, percentile_cont): the applications table may hold a million rows and none of them is loaded here.
import { sql } from 'kysely';
import type { DB } from '../../db/client';
import { applicationStatuses, committedStatuses, type ApplicationStatus } from '../domain/application-lifecycle';
import { categories, sectors, type Category, type Sector } from '../domain/programme';
import { getCurrentSettings } from './settings.server';
import { budgetStatuses } from '../domain/application-lifecycle';
import { budgetPosition } from './officer.server';
import { staleCache } from '../lib/stale-cache';

export type DashboardFilters = { sector?: Sector; category?: Category };

/** Every status an application can have once submitted, in lifecycle order (drafts are the shop's own business). */
export const reportedStatuses = applicationStatuses.filter((s) => s !== 'draft');

export type GroupStats = {
  key: string;
  /** Applications ever submitted in the group. */
  count: number;
  /** Decided (approved or rejected) applications, and the median calendar days from submission to decision. */
  decidedCount: number;
  medianDaysToDecision: number | null;
  /** Applications with a released payment, and the median calendar days from approval to payment. */
  paidCount: number;
  medianDaysToPayment: number | null;
};

export type MoneyPosition = {
  /** The current settings' programme budget. */
  budgetCents: number;
  /** Submitted up to paid: counts against the enterprise cap. */
  committedCents: number;
  /** Approved and everything after it: counts against the budget. */
  approvedCents: number;
  paidCents: number;
  /** Budget left for approvals, programme-wide (filters do not change it). */
  remainingCents: number;
  committedCount: number;
  approvedCount: number;
  paidCount: number;
};

export type Dashboard = {
  filters: DashboardFilters;
  total: number;
  byStatus: { status: ApplicationStatus; count: number }[];
  money: MoneyPosition;
  overall: GroupStats;
  bySector: GroupStats[];
  byCategory: GroupStats[];
};

function submittedApplications(db: DB, filters: DashboardFilters) {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('enterprises as ent', 'ent.id', 'a.enterpriseId')
    .where('a.status', '<>', 'draft')
    .where('a.submittedAt', 'is not', null);
  if (filters.sector) query = query.where('ent.sector', '=', filters.sector);
  if (filters.category) query = query.where('a.category', '=', filters.category);
  return query;
}

const num = (value: string | number | null | undefined): number => (value === null || value === undefined ? 0 : Number(value));
const median = (value: string | number | null | undefined): number | null => (value === null || value === undefined ? null : Number(value));

async function countsByStatus(db: DB, filters: DashboardFilters) {
  const rows = await submittedApplications(db, filters)
    .select((eb) => ['a.status', eb.fn.countAll<string>().as('count')])
    .groupBy('a.status')
    .execute();
  const found = new Map(rows.map((row) => [row.status as string, num(row.count)]));
  return reportedStatuses.map((status) => ({ status, count: found.get(status) ?? 0 }));
}

async function moneyPosition(db: DB, filters: DashboardFilters): Promise<MoneyPosition> {
  const committed = [...committedStatuses];
  const approved = [...budgetStatuses];
  const [row, budget] = await Promise.all([
    submittedApplications(db, filters)
      .select((eb) => [
        eb.fn.sum<string | null>('a.programmeCents').filterWhere('a.status', 'in', committed).as('committedCents'),
        eb.fn.countAll<string>().filterWhere('a.status', 'in', committed).as('committedCount'),
        eb.fn.sum<string | null>('a.programmeCents').filterWhere('a.status', 'in', approved).as('approvedCents'),
        eb.fn.countAll<string>().filterWhere('a.status', 'in', approved).as('approvedCount'),
        eb.fn.sum<string | null>('a.programmeCents').filterWhere('a.status', '=', 'paid').as('paidCents'),
        eb.fn.countAll<string>().filterWhere('a.status', '=', 'paid').as('paidCount'),
      ])
      .executeTakeFirstOrThrow(),
    budgetPosition(db),
  ]);
  return {
    budgetCents: budget.budgetCents,
    committedCents: num(row.committedCents),
    approvedCents: num(row.approvedCents),
    paidCents: num(row.paidCents),
    remainingCents: budget.remainingCents,
    committedCount: num(row.committedCount),
    approvedCount: num(row.approvedCount),
    paidCount: num(row.paidCount),
  };
}

const emptyGroup = (key: string): GroupStats => ({
  key,
  count: 0,
  decidedCount: 0,
  medianDaysToDecision: null,
  paidCount: 0,
  medianDaysToPayment: null,
});

/** Counts and medians overall, by sector and by category, in one pass (GROUPING SETS). */
async function processingTimes(db: DB, filters: DashboardFilters) {
  // percentile_cont skips NULLs: undecided applications and unpaid ones simply do not count towards their median.
  const daysToDecision = sql`extract(epoch from (a.decided_at - a.submitted_at)) / 86400`;
  const daysToPayment = sql`extract(epoch from (p.released_at - a.approved_at)) / 86400`;
  const rows = await submittedApplications(db, filters)
    .leftJoin('payments as p', (join) => join.onRef('p.applicationId', '=', 'a.id').on('p.status', '=', 'released'))
    .select((eb) => [
      sql<string | null>`ent.sector`.as('sector'),
      sql<string | null>`a.category`.as('category'),
      sql<number>`grouping(ent.sector, a.category)`.as('level'),
      eb.fn.countAll<string>().as('count'),
      sql<string>`count(a.decided_at)`.as('decidedCount'),
      sql<string | null>`round((percentile_cont(0.5) within group (order by ${daysToDecision}))::numeric, 1)`.as('medianDecision'),
      sql<string>`count(p.released_at)`.as('paidCount'),
      sql<string | null>`round((percentile_cont(0.5) within group (order by ${daysToPayment}))::numeric, 1)`.as('medianPayment'),
    ])
    .groupBy(sql`grouping sets ((), (ent.sector), (a.category))`)
    .execute();
  const toStats = (key: string, row: (typeof rows)[number]): GroupStats => ({
    key,
    count: num(row.count),
    decidedCount: num(row.decidedCount),
    medianDaysToDecision: median(row.medianDecision),
    paidCount: num(row.paidCount),
    medianDaysToPayment: median(row.medianPayment),
  });
  // grouping(sector, category): 3 = the grand total, 1 = by sector, 2 = by category.
  const level = (row: (typeof rows)[number]) => Number(row.level);
  const overallRow = rows.find((row) => level(row) === 3);
  const sectorRows = new Map(rows.filter((row) => level(row) === 1).map((row) => [row.sector, row]));
  const categoryRows = new Map(rows.filter((row) => level(row) === 2).map((row) => [row.category, row]));
  return {
    overall: overallRow ? toStats('all', overallRow) : emptyGroup('all'),
    bySector: sectors.map((s) => (sectorRows.has(s) ? toStats(s, sectorRows.get(s)!) : emptyGroup(s))),
    byCategory: categories.map((c) => (categoryRows.has(c) ? toStats(c, categoryRows.get(c)!) : emptyGroup(c))),
  };
}

/** Everything the officers' dashboard shows, optionally for one sector and/or one solution category. */
export async function programmeDashboard({ db, filters = {} }: { db: DB; filters?: DashboardFilters }): Promise<Dashboard> {
  const [byStatus, money, times] = await Promise.all([
    countsByStatus(db, filters),
    moneyPosition(db, filters),
    processingTimes(db, filters),
  ]);
  return { filters, total: times.overall.count, byStatus, money, ...times };
}

/**
 * How old the officers' dashboard may be. Its counts, sums and medians read every submitted application (≈ 0.6 s at
 * 100,000): each process keeps each filter's figures this long and refreshes them in the background, so no request
 * but the first of a filter waits for the aggregation (issue 15 §5). The page says the figures may be this old.
 */
export const DASHBOARD_STALE_MS = 60_000;
const dashboardCache = staleCache<Dashboard>({ maxAgeMs: DASHBOARD_STALE_MS, maxKeys: 64 });

/** The dashboard as the officers' page shows it: at most DASHBOARD_STALE_MS old (plus one refresh). */
export function cachedDashboard({ db, filters = {} }: { db: DB; filters?: DashboardFilters }): Promise<Dashboard> {
  return dashboardCache(db, `${filters.sector ?? ''}|${filters.category ?? ''}`, () => programmeDashboard({ db, filters }));
}

// ——— Open data ———————————————————————————————————————————————————————————————————————————————————————

/** Groups of fewer applications than this are published as "fewer than 5", so no shop can be picked out. */
export const SUPPRESSION_THRESHOLD = 5;

export type OpenCell = { suppressed: false; value: number } | { suppressed: true };

const shown = (value: number): OpenCell => ({ suppressed: false, value });
const hidden: OpenCell = { suppressed: true };

/**
 * Which counts of one breakdown to hide. Every count under the threshold is hidden (primary suppression); then, as
 * long as the hidden groups together hold between 1 and threshold − 1 applications — so that the published total
 * minus the published groups would reveal a small group — the smallest group still shown is hidden too
 * (secondary suppression).
 */
export function suppressedGroups(counts: readonly number[], threshold = SUPPRESSION_THRESHOLD): boolean[] {
  const hide = counts.map((count) => count < threshold);
  const hiddenTotal = () => counts.reduce((sum, count, i) => sum + (hide[i] ? count : 0), 0);
  for (;;) {
    const total = hiddenTotal();
    if (total === 0 || total >= threshold) break;
    let smallest = -1;
    for (let i = 0; i < counts.length; i++) if (!hide[i] && (smallest < 0 || counts[i]! < counts[smallest]!)) smallest = i;
    if (smallest < 0) break;
    hide[smallest] = true;
  }
  return hide;
}

export type OpenGroup = { key: string; count: OpenCell; medianDaysToDecision: OpenCell; medianDaysToPayment: OpenCell };

export type OpenData = {
  threshold: number;
  total: OpenCell;
  byStatus: { status: ApplicationStatus; count: OpenCell }[];
  money: { budgetCents: number; committedCents: OpenCell; approvedCents: OpenCell; paidCents: OpenCell; remainingCents: OpenCell };
  overall: { medianDaysToDecision: OpenCell; medianDaysToPayment: OpenCell };
  bySector: OpenGroup[];
  byCategory: OpenGroup[];
};

function openGroups(groups: readonly GroupStats[], hideAll: boolean, threshold: number): OpenGroup[] {
  const hide = suppressedGroups(
    groups.map((g) => g.count),
    threshold,
  );
  return groups.map((group, i) => {
    const secret = hideAll || hide[i]!;
    // A median is published only when the group is and at least `threshold` applications make it up.
    const medianCell = (value: number | null, basis: number) => (secret || value === null || basis < threshold ? hidden : shown(value));
    return {
      key: group.key,
      count: secret ? hidden : shown(group.count),
      medianDaysToDecision: medianCell(group.medianDaysToDecision, group.decidedCount),
      medianDaysToPayment: medianCell(group.medianDaysToPayment, group.paidCount),
    };
  });
}

/**
 * The public figures: the same aggregates as the dashboard, programme-wide, with no names, references or
 * per-enterprise rows, and every group of fewer than `threshold` applications suppressed.
 */
export async function openDataSummary({ db, threshold = SUPPRESSION_THRESHOLD }: { db: DB; threshold?: number }): Promise<OpenData> {
  const [dashboard, settings] = await Promise.all([programmeDashboard({ db }), getCurrentSettings(db)]);
  const hideAll = dashboard.total < threshold;
  const statusHidden = suppressedGroups(
    dashboard.byStatus.map((s) => s.count),
    threshold,
  );
  const money = dashboard.money;
  const moneyCell = (cents: number, count: number) => (hideAll || count < threshold ? hidden : shown(cents));
  const approvedCents = moneyCell(money.approvedCents, money.approvedCount);
  const overall = openGroups([dashboard.overall], hideAll, threshold)[0]!;
  return {
    threshold,
    total: hideAll ? hidden : shown(dashboard.total),
    byStatus: dashboard.byStatus.map((s, i) => ({ status: s.status, count: hideAll || statusHidden[i] ? hidden : shown(s.count) })),
    money: {
      budgetCents: settings.budgetCents,
      committedCents: moneyCell(money.committedCents, money.committedCount),
      approvedCents,
      paidCents: moneyCell(money.paidCents, money.paidCount),
      // Budget minus approvals would give the approved total away.
      remainingCents: approvedCents.suppressed ? hidden : shown(money.remainingCents),
    },
    overall: { medianDaysToDecision: overall.medianDaysToDecision, medianDaysToPayment: overall.medianDaysToPayment },
    bySector: openGroups(dashboard.bySector, hideAll, threshold),
    byCategory: openGroups(dashboard.byCategory, hideAll, threshold),
  };
}
