// Prometheus metrics for GET /metrics: this process's requests (by route pattern and status), database pool, outbox
// deliveries and job runs, plus the programme's state read at scrape time with a few cheap aggregate queries.
// Only configured addresses (METRICS_ALLOW) or holders of METRICS_TOKEN may read them.
import crypto from 'node:crypto';
import net from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { z } from 'zod';
import { poolOf, type DB } from '../../db/client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const httpDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer a request, by method, route pattern and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

const deliveries = new Counter({
  name: 'matchfund_outbox_delivery_attempts_total',
  help: 'Attempts to deliver outbox messages by this process, by topic and outcome (sent, retry, failed = gave up).',
  labelNames: ['topic', 'outcome'] as const,
  registers: [registry],
});

const jobRuns = new Counter({
  name: 'matchfund_job_runs_total',
  help: 'Background job runs by this process (lapse every run; outbox workers the runs that found work), by outcome.',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

const lapsedTotal = new Counter({
  name: 'matchfund_applications_lapsed_total',
  help: 'Approvals this process lapsed because the solution was not in use by the deadline.',
  registers: [registry],
});

// Database-derived gauges: the same in every process (aggregate them with max, not sum).
const pool = new Gauge({
  name: 'matchfund_db_pool_connections',
  help: 'This process’s PostgreSQL pool: total, idle and waiting clients.',
  labelNames: ['state'] as const,
  registers: [registry],
});
const outboxMessages = new Gauge({
  name: 'matchfund_outbox_messages',
  help: 'Outbox messages waiting (pending) or given up (failed), by topic.',
  labelNames: ['topic', 'status'] as const,
  registers: [registry],
});
const outboxOldest = new Gauge({
  name: 'matchfund_outbox_oldest_pending_seconds',
  help: 'Age of the oldest message still waiting, by topic (0 when none).',
  labelNames: ['topic'] as const,
  registers: [registry],
});
const applications = new Gauge({
  name: 'matchfund_applications',
  help: 'Applications by status.',
  labelNames: ['status'] as const,
  registers: [registry],
});
const budget = new Gauge({
  name: 'matchfund_programme_budget_cents',
  help: 'The current settings’ programme budget, in HK cents.',
  registers: [registry],
});
const approved = new Gauge({
  name: 'matchfund_programme_approved_cents',
  help: 'Programme share of approved applications and everything after approval (counts against the budget), in HK cents.',
  registers: [registry],
});
const committed = new Gauge({
  name: 'matchfund_programme_committed_cents',
  help: 'Programme share of submitted to paid applications (counts against enterprise caps), in HK cents.',
  registers: [registry],
});
const remaining = new Gauge({
  name: 'matchfund_programme_remaining_cents',
  help: 'Budget left for approvals, in HK cents.',
  registers: [registry],
});
const scrapeErrors = new Counter({
  name: 'matchfund_metrics_query_errors_total',
  help: 'Scrapes whose database queries failed (the gauges keep their last values).',
  registers: [registry],
});

export function observeRequest({
  method,
  route,
  status,
  durationMs,
}: {
  method: string;
  route: string;
  status: number;
  durationMs: number;
}): void {
  httpDuration.observe({ method, route, status: String(status) }, durationMs / 1000);
}

export function countDelivery({ topic, outcome }: { topic: string; outcome: 'sent' | 'retry' | 'failed' }): void {
  deliveries.inc({ topic, outcome });
}

export function countJobRun({ job, ok, lapsed }: { job: string; ok: boolean; lapsed?: number }): void {
  jobRuns.inc({ job, outcome: ok ? 'ok' : 'error' });
  if (lapsed) lapsedTotal.inc(lapsed);
}

/** What the database says at scrape time (read by app/services/monitoring.server.ts). */
export type ProgrammeState = {
  applicationsByStatus: { status: string; count: number }[];
  outbox: { topic: string; status: 'pending' | 'failed'; count: number; oldest: Date | null }[];
  budgetCents: number;
  approvedCents: number;
  committedCents: number;
};

const STATE_TTL_MS = 5_000;
let refreshed: { at: number; pending: Promise<void> } | undefined;

function setProgrammeGauges(state: ProgrammeState, now: number): void {
  applications.reset();
  for (const row of state.applicationsByStatus) applications.set({ status: row.status }, row.count);
  outboxMessages.reset();
  outboxOldest.reset();
  for (const topic of ['notification', 'payment']) {
    for (const status of ['pending', 'failed']) outboxMessages.set({ topic, status }, 0);
    outboxOldest.set({ topic }, 0);
  }
  for (const row of state.outbox) {
    outboxMessages.set({ topic: row.topic, status: row.status }, row.count);
    if (row.status === 'pending' && row.oldest) outboxOldest.set({ topic: row.topic }, Math.max(0, (now - row.oldest.getTime()) / 1000));
  }
  budget.set(state.budgetCents);
  approved.set(state.approvedCents);
  committed.set(state.committedCents);
  remaining.set(Math.max(0, state.budgetCents - state.approvedCents));
}

/**
 * The text Prometheus reads. The database is asked at most once per few seconds, whatever the number of
 * scrapers; if it fails, the gauges keep their last values and matchfund_metrics_query_errors_total counts it.
 */
export async function metricsText({ db, readState }: { db: DB; readState: () => Promise<ProgrammeState> }): Promise<string> {
  const p = poolOf(db);
  if (p) {
    pool.set({ state: 'total' }, p.totalCount);
    pool.set({ state: 'idle' }, p.idleCount);
    pool.set({ state: 'waiting' }, p.waitingCount);
  }
  if (!refreshed || Date.now() - refreshed.at > STATE_TTL_MS) {
    refreshed = {
      at: Date.now(),
      pending: readState().then(
        (state) => setProgrammeGauges(state, Date.now()),
        () => {
          scrapeErrors.inc();
          refreshed = undefined; // ask again next scrape
        },
      ),
    };
  }
  await refreshed?.pending;
  return registry.metrics();
}

export const metricsContentType = registry.contentType;

// ——— Who may read them ———

const flagOn = (value: string | undefined) => value !== undefined && !['', 'false', '0', 'no'].includes(value.toLowerCase());

const settings = z
  .object({
    METRICS_ALLOW: z.string().default('127.0.0.0/8,::1'),
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  })
  .safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== '')));
if (!settings.success) {
  throw new Error(
    `Invalid configuration:\n${settings.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
  );
}

export type MetricsAccess = { allow: net.BlockList; token?: string; trustProxy: boolean };

/** "10.0.0.0/8, 192.168.1.7, ::1" → a list of networks; anything else is a configuration error. */
export function parseAllowList(value: string): net.BlockList {
  const list = new net.BlockList();
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split('/') as [string, string | undefined];
    const type = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
    const bits = prefix === undefined ? (type === 'ipv4' ? 32 : 128) : Number(prefix);
    if (!type || !Number.isInteger(bits) || bits < 0 || bits > (type === 'ipv4' ? 32 : 128)) {
      throw new Error(`Invalid configuration:\n  METRICS_ALLOW: "${entry}" is not an IP address or CIDR block`);
    }
    list.addSubnet(address, bits, type);
  }
  return list;
}

export const metricsAccess: MetricsAccess = {
  allow: parseAllowList(settings.data.METRICS_ALLOW),
  token: settings.data.METRICS_TOKEN,
  trustProxy: flagOn(process.env.TRUST_PROXY),
};

const digest = (value: string) => crypto.createHash('sha256').update(value).digest();

/**
 * A bearer token that matches METRICS_TOKEN opens the door from anywhere. Otherwise the client's address must be
 * in METRICS_ALLOW — and a request that came through a proxy (X-Forwarded-For) counts only when TRUST_PROXY makes
 * its address the real client's: behind an untrusted proxy on the same host every visitor would look like 127.0.0.1.
 */
export function mayReadMetrics({
  clientIp,
  headers,
  access = metricsAccess,
}: {
  clientIp: string;
  headers: Headers;
  access?: MetricsAccess;
}): boolean {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get('Authorization') ?? '')?.[1];
  if (access.token && bearer) return crypto.timingSafeEqual(digest(bearer), digest(access.token));
  if (headers.has('X-Forwarded-For') && !access.trustProxy) return false;
  const address = clientIp.startsWith('::ffff:') && net.isIPv4(clientIp.slice(7)) ? clientIp.slice(7) : clientIp;
  const type = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : undefined;
  return type !== undefined && access.allow.check(address, type);
}
