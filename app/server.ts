// The HTTP server: static assets, then every request to Remix with the database and client address in context.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The adapter's own request/response conversion, so that a response can be swapped before it is sent.
import { createRemixRequest, sendRemixResponse } from '@remix-run/express/dist/server.js';
import * as build from '@remix-run/dev/server-build';
import { createRequestHandler, type AppLoadContext } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { bootDatabase } from './lib/boot.server';
import { parseEnv } from './lib/env.server';
import { serviceUnavailable, wasUnavailable } from './lib/unavailable.server';
import stylesheet from './styles/app.css';
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
const handleRequest = createRequestHandler(build, build.mode);
app.all('*', async (req, res, next) => {
  try {
    const context: AppLoadContext = { db, clientIp: req.ip ?? 'unknown', secureCookies: env.SECURE_COOKIES };
    const request = createRemixRequest(req, res);
    let response = await handleRequest(request, context);
    // The database was away (or the process too busy) during this request: a 503 (try again), not the 500 page.
    if (response.status >= 500 && wasUnavailable(context)) {
      await response.body?.cancel().catch(() => {});
      response = await serviceUnavailable(request, { stylesheet });
    }
    await sendRemixResponse(res, response);
  } catch (error) {
    next(error);
  }
});

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
