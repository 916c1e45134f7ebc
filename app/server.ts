// The HTTP server: static assets, then every request to Remix with the database and client address in context.
import type { IncomingMessage, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The adapter's own request/response conversion, so that a response can be swapped before it is sent.
import { createRemixRequest, sendRemixResponse } from '@remix-run/express/dist/server.js';
import * as build from '@remix-run/dev/server-build';
import { createRequestHandler, type AppLoadContext } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { bootDatabase } from './lib/boot.server';
import { translationBundle } from './lib/i18n.server';
import { createPageCache } from './lib/page-cache.server';
import { parseEnv } from './lib/env.server';
import { requestLogging, requestStateOf } from './lib/logging.server';
import { serviceUnavailable, wasUnavailable } from './lib/unavailable.server';
import stylesheet from './styles/app.css';
import { startLapseJob } from './jobs/lapse.server';
import { startOutboxWorker } from './jobs/outbox.server';
import { startPurgeJob } from './jobs/purge.server';
import { httpSender } from './services/outbox.server';

const log = (line: string) => console.log(`[matchfund] ${line}`);
const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = parseEnv();
const { db, stop } = await bootDatabase({ env, rootDir, log });

// Set on SIGTERM/SIGINT: requests in flight finish, each answer closes its connection, no new ones are accepted.
let stopping = false;

const app = express();
app.disable('x-powered-by');
// While stopping, the readiness check says so (503), and the load balancer stops sending new work here.
app.get('/healthz', (_req, res, next) => (stopping ? res.status(503).set('Cache-Control', 'no-store').json({ app: 'draining' }) : next()));
app.use((_req, res, next) => {
  if (stopping) res.set('Connection', 'close');
  // Served over HTTPS (that is what SECURE_COOKIES says): browsers must never try plain HTTP for a year.
  if (env.SECURE_COOKIES) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
});
app.set('trust proxy', env.TRUST_PROXY);
// Off (COMPRESSION=false) when a reverse proxy compresses: gzip here would cost the process CPU for nothing.
if (env.COMPRESSION) app.use(compression());
app.use(build.publicPath, express.static(path.join(rootDir, 'public', 'build'), { immutable: true, maxAge: '1y' }));
const publicFiles = express.static(path.join(rootDir, 'public'), { maxAge: '1h' });
// Only addresses that look like files reach the disk: a stat() for every page request cost ~10% of a cached page.
app.use((req, res, next) => (/\.[A-Za-z0-9]{1,8}$/.test(req.path) ? publicFiles(req, res, next) : next()));
app.use(requestLogging({ routes: build.routes, trustProxy: env.TRUST_PROXY })); // request id, one log line per request
// Translations by content-hashed address (lib/i18n.server): the same address always has the same text.
app.get('/locales/*', (req, res) => {
  const body = translationBundle(req.path);
  if (body === undefined) return void res.status(404).type('text/plain').send('not found');
  res.set({
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
  res.send(body);
});
const handleRequest = createRequestHandler(build, build.mode);
const pageCache = createPageCache({ db });
app.all('*', async (req, res, next) => {
  try {
    const render = async () => {
      const context: AppLoadContext = {
        db,
        clientIp: req.ip ?? 'unknown',
        secureCookies: env.SECURE_COOKIES,
        requestState: requestStateOf(res),
      };
      const request = createRemixRequest(req, res);
      let response = await handleRequest(request, context);
      // The database was away (or the process too busy) during this request: a 503 (try again), not the 500 page.
      if (response.status >= 500 && wasUnavailable(context)) {
        await response.body?.cancel().catch(() => {});
        response = await serviceUnavailable(request, { stylesheet });
      }
      return response;
    };
    const send = (response: Response) => sendRemixResponse(res, response);
    if (pageCache.eligible(req)) await pageCache.serve(req, res, render, send);
    else await send(await render());
  } catch (error) {
    next(error);
  }
});

// Messages wait in the outbox until a gateway is configured; without one they are visible in the portal only.
const stopWorkers: (() => void | Promise<void>)[] = [];
if (env.NOTIFY_URL) {
  stopWorkers.push(
    startOutboxWorker({ db, topic: 'notification', send: httpSender({ url: env.NOTIFY_URL }), intervalMs: env.OUTBOX_INTERVAL_MS }),
  );
  log(`Delivering notifications to ${new URL(env.NOTIFY_URL).origin}`);
}
if (env.PAYMENT_URL) {
  stopWorkers.push(
    startOutboxWorker({ db, topic: 'payment', send: httpSender({ url: env.PAYMENT_URL }), intervalMs: env.OUTBOX_INTERVAL_MS }),
  );
  log(`Sending payment instructions to ${new URL(env.PAYMENT_URL).origin}`);
}
// Approvals not put to use in time lapse; every process may run this, the row locks keep it exactly-once.
stopWorkers.push(startLapseJob({ db, intervalMs: env.LAPSE_INTERVAL_MS }));
// Expired sessions and old login attempts go (plain deletes: any number of processes may run it).
stopWorkers.push(startPurgeJob({ db, intervalMs: env.PURGE_INTERVAL_MS }));

const server = env.HOST
  ? app.listen(env.PORT, env.HOST, () => log(`Serving on http://${env.HOST}:${env.PORT}`))
  : app.listen(env.PORT, () => log(`Serving on http://localhost:${env.PORT}`));

// Each open connection and how many requests it has in flight, so that shutdown can tell a keep-alive connection
// resting between requests (close it) from one that is busy or has just been accepted (let it finish). Node's own
// closeIdleConnections() — which server.close() calls — counts a connection whose request has not been read yet as
// idle and resets it.
const connections = new Map<Socket, { inFlight: number; served: boolean }>();
let acceptedCount = 0;
server.on('connection', (socket: Socket) => {
  acceptedCount++;
  connections.set(socket, { inFlight: 0, served: false });
  socket.once('close', () => connections.delete(socket));
});
server.on('request', (req: IncomingMessage, res: ServerResponse) => {
  const state = connections.get(req.socket);
  if (!state) return;
  state.inFlight++;
  res.once('close', () => {
    state.inFlight--;
    state.served = true;
    if (stopping && state.inFlight === 0) req.socket.end();
  });
});

/** The longest shutdown keeps taking connections the kernel has already completed (see shutdown). */
const ACCEPT_DRAIN_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Stop accepting, let the requests in flight finish (up to SHUTDOWN_GRACE_MS), then stop the background work and the
 * database. Cutting connections at once would reset requests whose transaction had already committed: the user would
 * see an error for something that was done.
 */
async function shutdown(signal: string) {
  stopping = true;
  log(`Shutting down (${signal}): finishing the requests in flight`);
  // Serve on while health checks see "draining" and take this process out of rotation (SHUTDOWN_DRAIN_MS).
  if (env.SHUTDOWN_DRAIN_MS > 0) await sleep(env.SHUTDOWN_DRAIN_MS);
  // Connections the kernel has already completed but Node has not yet taken (a busy event loop takes them late) would
  // be reset by closing the listener. Keep taking them (answered with Connection: close) until a pass of the event
  // loop's poll phase — where they are taken — brings no new one, then stop accepting. Bounded by ACCEPT_DRAIN_MS: a
  // load balancer's health checks keep opening connections every few milliseconds, so without a bound this pass would
  // last the whole grace period.
  const drainUntil = Date.now() + Math.min(env.SHUTDOWN_GRACE_MS, ACCEPT_DRAIN_MS);
  for (let seen = -1; seen !== acceptedCount && Date.now() < drainUntil;) {
    seen = acceptedCount;
    await sleep(100);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
  for (const [socket, state] of connections) if (state.served && state.inFlight === 0) socket.end();
  const finished = await Promise.race([closed.then(() => true), sleep(env.SHUTDOWN_GRACE_MS).then(() => false)]);
  if (!finished) {
    log(`Connections still open after ${env.SHUTDOWN_GRACE_MS} ms: closing them`);
    server.closeAllConnections();
  }
  // Outbox workers finish the message they are sending (and hand back the rest) before the database closes.
  await Promise.all(stopWorkers.map((stopWorker) => stopWorker()));
  await stop();
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      // A second signal: the operator does not want to wait.
      log(`${signal} again: closing every connection now`);
      server.closeAllConnections();
      return;
    }
    shutdown(signal)
      .catch((error: unknown) => log(`Shutdown failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => process.exit(0));
  });
}
