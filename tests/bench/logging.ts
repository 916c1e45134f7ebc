// What a request's log line costs: CPU time (not wall time, so other work on the machine does not blur it) of
// (1) one pino JSON line as the app writes it, and (2) the whole request-logging middleware per request — request
// id, AsyncLocalStorage, route match, histogram, log line — with the line written, and with logging off.
// Run: npx vite-node --script tests/bench/logging.ts
import { EventEmitter } from 'node:events';
import type { ServerBuild } from '@remix-run/node';
import type { Request, Response } from 'express';
import pino from 'pino';
import { requestLogging } from '../../app/lib/logging.server';

const cpuMicros = (run: () => void, iterations: number) => {
  const best: number[] = [];
  for (let round = 0; round < 5; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < iterations; i++) run();
    const used = process.cpuUsage(before);
    best.push((used.user + used.system) / iterations);
  }
  return Math.min(...best);
};

const devNull = pino.destination({ dest: '/dev/null', sync: true });
const on = pino({ level: 'info', timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, devNull);
const off = pino({ level: 'silent' }, devNull);

const line = {
  requestId: '3f0c7c8e-5d7a-4f3e-9d1e-2b6a0d7b9c11',
  method: 'GET',
  route: '/applications/:ref',
  status: 200,
  durationMs: 12.34,
  userId: 4211,
  role: 'applicant',
  clientIp: '203.0.113.7',
};
const N = 100_000;
console.log(`one request log line (pino → /dev/null):       ${cpuMicros(() => on.info(line, 'request'), N).toFixed(2)} µs CPU`);

const route = (id: string, parentId: string | undefined, path: string | undefined, index = false) => ({
  id,
  parentId,
  path,
  index,
  module: {},
});
const routes = Object.fromEntries(
  [
    route('root', undefined, ''),
    route('routes/_index', 'root', undefined, true),
    route('routes/solutions._index', 'root', 'solutions', true),
    route('routes/applications.$ref', 'root', 'applications/:ref'),
  ].map((r) => [r.id, r]),
) as unknown as ServerBuild['routes'];

function middlewareCost(logger: typeof on) {
  const middleware = requestLogging({ routes, trustProxy: false, logger });
  const req = { path: '/applications/MF-2026-000123', method: 'GET', ip: '203.0.113.7', get: () => undefined } as unknown as Request;
  return cpuMicros(() => {
    const res = Object.assign(new EventEmitter(), { statusCode: 200, writableFinished: true, setHeader: () => {} }) as unknown as Response;
    middleware(req, res, () => {});
    res.emit('finish');
  }, N);
}
const withLine = middlewareCost(on);
const withoutLine = middlewareCost(off);
console.log(`request middleware, log line written:          ${withLine.toFixed(2)} µs CPU per request`);
console.log(`request middleware, LOG_LEVEL=silent:          ${withoutLine.toFixed(2)} µs CPU per request`);
console.log(`so the log line itself costs about             ${(withLine - withoutLine).toFixed(2)} µs CPU per request`);
