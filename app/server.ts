// The HTTP server: static assets, then every request to Remix with the database and client address in context.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import * as build from '@remix-run/dev/server-build';
import compression from 'compression';
import express from 'express';
import { bootDatabase } from './lib/boot.server';
import { parseEnv } from './lib/env.server';
import { requestLogging } from './lib/logging.server';
import { startLapseJob } from './services/claims.server';
import { httpSender, startOutboxWorker } from './services/outbox.server';

const log = (line: string) => console.log(`[matchfund] ${line}`);
const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = parseEnv();
const { db, stop } = await bootDatabase({ env, rootDir, log });

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', env.TRUST_PROXY);
app.use(compression());
app.use(build.publicPath, express.static(path.join(rootDir, 'public', 'build'), { immutable: true, maxAge: '1y' }));
app.use(express.static(path.join(rootDir, 'public'), { maxAge: '1h' }));
app.use(requestLogging({ routes: build.routes, trustProxy: env.TRUST_PROXY })); // request id, one log line per request
app.all(
  '*',
  createRequestHandler({
    build,
    mode: build.mode,
    getLoadContext: (req) => ({ db, clientIp: req.ip ?? 'unknown', secureCookies: env.SECURE_COOKIES }),
  }),
);

// Messages wait in the outbox until a gateway is configured; without one they are visible in the portal only.
const stopWorkers: (() => void)[] = [];
if (env.NOTIFY_URL) {
  stopWorkers.push(startOutboxWorker({ db, topic: 'notification', send: httpSender({ url: env.NOTIFY_URL }), intervalMs: env.OUTBOX_INTERVAL_MS }));
  log(`Delivering notifications to ${new URL(env.NOTIFY_URL).origin}`);
}
if (env.PAYMENT_URL) {
  stopWorkers.push(startOutboxWorker({ db, topic: 'payment', send: httpSender({ url: env.PAYMENT_URL }), intervalMs: env.OUTBOX_INTERVAL_MS }));
  log(`Sending payment instructions to ${new URL(env.PAYMENT_URL).origin}`);
}
// Approvals not put to use in time lapse; every process may run this, the row locks keep it exactly-once.
stopWorkers.push(startLapseJob({ db, intervalMs: env.LAPSE_INTERVAL_MS }));

const server = env.HOST
  ? app.listen(env.PORT, env.HOST, () => log(`Serving on http://${env.HOST}:${env.PORT}`))
  : app.listen(env.PORT, () => log(`Serving on http://localhost:${env.PORT}`));

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log('Shutting down');
    for (const stopWorker of stopWorkers) stopWorker();
    server.close();
    server.closeAllConnections();
    stop().finally(() => process.exit(0));
  });
}
