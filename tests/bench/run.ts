// `npm run bench`: throughput of the built server on a throwaway embedded database, plus the hot pure functions.
// Prints figures and ratios; docs/PERFORMANCE.md records what was measured. Loopback only, bounded in time.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import { packageSplit } from '../../app/domain/funding';
import { benchQueue } from './queue';

const PORT = 3200;
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const base = `http://127.0.0.1:${PORT}`;

function timeIt(label: string, iterations: number, fn: () => void) {
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const ns = Number(process.hrtime.bigint() - started);
  const perOp = ns / iterations;
  console.log(`${label.padEnd(44)} ${(1e9 / perOp).toFixed(0).padStart(12)} ops/s  ${(perOp / 1000).toFixed(2)} µs/op`);
  return perOp;
}

async function load(pathname: string, connections = 10) {
  const result = await autocannon({ url: base + pathname, connections, duration: DURATION });
  const line = `${('GET ' + pathname).padEnd(44)} ${result.requests.average.toFixed(0).padStart(8)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}`;
  console.log(line);
  return result;
}

async function main() {
  console.log('— pure functions —');
  const rules = { matchBps: 5_000, capCents: 50_000_00, maxSubscriptionMonths: 24 };
  const items = [
    { pricingModel: 'monthly' as const, priceCents: 980_00 },
    { pricingModel: 'one_off' as const, priceCents: 3_500_00 },
  ];
  timeIt('funding split (package + feature)', 1_000_000, () => packageSplit({ items, committedCents: 12_345_00, rules }));

  console.log('— matcher (best set + alternatives per match; goal < 20 ms at 5,000 packages) —');
  await import('./matcher');

  console.log('— password hashing (argon2id m=19 MiB t=2 p=1) —');
  const hashStart = Date.now();
  const rounds = 20;
  for (let i = 0; i < rounds; i++) await hash(`password ${i}`, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  console.log(`${'argon2id hash'.padEnd(44)} ${((Date.now() - hashStart) / rounds).toFixed(1)} ms/hash`);

  console.log(`— HTTP on the built server, ${DURATION}s each, 10 connections —`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchfund-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const started = Date.now();
  const server = spawn(process.execPath, ['build/index.js'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(PORT), DATA_DIR: path.join(dataDir, 'pg'), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rssSamples: number[] = [];
  try {
    for (let i = 0; i < 600; i++) {
      const ok = await fetch(`${base}/healthz`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`${'cold start (initdb, migrate, seed, listen)'.padEnd(44)} ${Date.now() - started} ms`);
    const sampler = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        rssSamples.push(kb);
      } catch {
        /* process gone */
      }
    }, 250);
    const health = await load('/healthz');
    const catalogue = await load('/solutions');
    const filtered = await load('/solutions?category=e_payment_pos&sort=price_desc&q=POS');
    const detail = await load('/solutions/10?features=1');
    clearInterval(sampler);
    console.log('— ratios —');
    console.log(`catalogue page / bare health check           ${(catalogue.requests.average / health.requests.average).toFixed(3)}`);
    console.log(`filtered search / catalogue page             ${(filtered.requests.average / catalogue.requests.average).toFixed(3)}`);
    console.log(`package page / catalogue page                ${(detail.requests.average / catalogue.requests.average).toFixed(3)}`);
    console.log(`server RSS peak                              ${(Math.max(...rssSamples) / 1024).toFixed(0)} MiB`);
  } finally {
    server.kill('SIGINT');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
const queueRows = Number(process.env.BENCH_QUEUE_ROWS ?? 1_000_000);
if (queueRows > 0) {
  console.log(`— officers' queue with ${queueRows.toLocaleString('en')} applications —`);
  await benchQueue(queueRows);
}
