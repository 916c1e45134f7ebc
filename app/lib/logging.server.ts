// Request logging: a request id for every request (a trusted proxy's X-Request-Id, or a new one), returned in the
// response header and handed to the code that handles the request (`res.locals.requestState`, which the server puts
// in Remix's load context: not an AsyncLocalStorage, whose promise hooks cost ≈ 5% of a page's CPU on Node 20); then one JSON line when
// the response is done: method, the matched route's pattern (never the raw URL, which carries references), status,
// duration, the signed-in user's id and role, and the client address as trusted. Errors are logged once, with the id.
import crypto from 'node:crypto';
import type { ServerBuild } from '@remix-run/node';
import { matchRoutes, type AgnosticDataRouteObject } from '@remix-run/router';
import type { RequestHandler } from 'express';
import { logger as rootLogger } from './logger.server';
import { countDelivery, countJobRun, observeRequest } from './metrics.server';

export type RequestState = { requestId: string; userId?: number; role?: string };

/** Where a request's state travels: Remix's load context, or anything else that carries it (tests). */
export type CarriesRequestState = { requestState?: RequestState };

/** The request state the middleware made for this response (the server passes it on in the load context). */
export const requestStateOf = (res: { locals: Record<string, unknown> }): RequestState | undefined =>
  res.locals.requestState as RequestState | undefined;

/** Auth calls this once it knows who is asking, so the request's log line carries the user. */
export function noteUser<T extends { id: number; role: string } | undefined>(carrier: CarriesRequestState, user: T): T {
  const state = carrier.requestState;
  if (state && user) {
    state.userId = user.id;
    state.role = user.role;
  }
  return user;
}

export type RouteMatch = { id: string; pattern: string };

/** Matches a path against the app's routes as Remix does, giving the deepest route's id and its URL pattern. */
export function routeMatcher(routes: ServerBuild['routes']): (pathname: string) => RouteMatch | undefined {
  const all = Object.values(routes);
  const tree = (parentId: string | undefined): AgnosticDataRouteObject[] =>
    all
      .filter((route) => route.parentId === parentId)
      .map((route) =>
        route.index
          ? { id: route.id, index: true, path: route.path, caseSensitive: route.caseSensitive }
          : { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: tree(route.id) },
      );
  const roots = tree(undefined);
  // Patterns are few; paths are many (references): remember the last few thousand answers.
  const cache = new Map<string, RouteMatch | undefined>();
  return (pathname) => {
    if (cache.has(pathname)) return cache.get(pathname);
    const matches = matchRoutes(roots, pathname);
    const deepest = matches?.at(-1);
    const found = deepest
      ? {
          id: deepest.route.id,
          pattern: `/${matches!
            .map((m) => m.route.path ?? '')
            .filter(Boolean)
            .join('/')}`.replace(/\/+/g, '/'),
        }
      : undefined;
    if (cache.size >= 5000) cache.delete(cache.keys().next().value!);
    cache.set(pathname, found);
    return found;
  };
}

// An id from a proxy is echoed into headers and logs: only a plain token of sensible length is taken.
const TRUSTED_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export type FinishedRequest = { method: string; route: string; status: number; durationMs: number };

export function requestLogging({
  routes,
  trustProxy,
  logger = rootLogger,
  onFinish,
}: {
  routes: ServerBuild['routes'];
  /** Whether (or through how many hops) a proxy is trusted: only then is its X-Request-Id taken. */
  trustProxy: boolean | number;
  logger?: typeof rootLogger;
  onFinish?: (request: FinishedRequest) => void;
}): RequestHandler {
  const match = routeMatcher(routes);
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const offered = trustProxy !== false && trustProxy !== 0 ? req.get('X-Request-Id') : undefined;
    const requestId = offered && TRUSTED_ID.test(offered) ? offered : crypto.randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const state: RequestState = { requestId };
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      // 499: the client went away before the answer was complete (nginx's convention).
      const status = res.writableFinished ? res.statusCode : 499;
      const route = match(req.path)?.pattern ?? 'unmatched';
      logger.info(
        { requestId, method: req.method, route, status, durationMs, userId: state.userId, role: state.role, clientIp: req.ip },
        'request',
      );
      observeRequest({ method: req.method, route, status, durationMs });
      onFinish?.({ method: req.method, route, status, durationMs });
    };
    res.once('finish', done);
    res.once('close', done);
    res.locals.requestState = state;
    next();
  };
}

/** Logs an error once, with its stack and the request it happened in (when the caller has it). */
export function logError(
  error: unknown,
  { requestState, ...extra }: CarriesRequestState & Record<string, unknown> = {},
  logger = rootLogger,
): void {
  logger.error({ requestId: requestState?.requestId, userId: requestState?.userId, ...extra, err: error }, 'error');
}

/** One line per run of a background job (the lapse job; an outbox worker's run that had work or failed). */
export function logJobRun(
  { job, durationMs, error, ...details }: { job: string; durationMs: number; error?: unknown } & Record<string, unknown>,
  logger = rootLogger,
): void {
  const rounded = Math.round(durationMs * 100) / 100;
  countJobRun({ job, ok: error === undefined, lapsed: job === 'lapse' && typeof details.lapsed === 'number' ? details.lapsed : undefined });
  if (error === undefined) logger.info({ job, durationMs: rounded, ...details }, 'job run');
  else logger.error({ job, durationMs: rounded, ...details, err: error }, 'job run failed');
}

/** One line per attempt to deliver an outbox message: which message, which try, and how it went (never its payload). */
export function logDeliveryAttempt(
  attempt: { topic: string; messageId: number; attempt: number; outcome: 'sent' | 'retry' | 'failed'; durationMs: number; error?: string },
  logger = rootLogger,
): void {
  countDelivery({ topic: attempt.topic, outcome: attempt.outcome });
  const line = { ...attempt, durationMs: Math.round(attempt.durationMs * 100) / 100 };
  if (attempt.outcome === 'sent') logger.info(line, 'outbox delivery');
  else logger.warn(line, 'outbox delivery');
}

/** The lapse job's run: how many approvals it lapsed (their record of actions says which), or why it failed. */
export function lapseJobRun({ durationMs, lapsed, error }: { durationMs: number; lapsed?: readonly string[]; error?: unknown }): void {
  logJobRun(error === undefined ? { job: 'lapse', durationMs, lapsed: lapsed?.length ?? 0 } : { job: 'lapse', durationMs, error });
}
