// The matcher's time per match (best set + alternatives) on the seed catalogue (56 packages) and on 5,000 generated
// packages. Runs when imported (`npm run bench` imports it) and alone: `npx vite-node tests/bench/matcher.ts`.
import { matchPackages, type MatchPackage } from '../../app/domain/matcher';
import { benchAnswers, generateMatchCatalogue, seedMatchCatalogue } from '../support/matcher-catalogue';

const GOAL_MS = 20;
const rules = { matchBps: 5_000, maxSubscriptionMonths: 24 };
// A visitor (the full cap) and an owner with HK$20,000 already committed.
const headrooms = [50_000_00, 30_000_00];

function timeMatches(catalogue: readonly MatchPackage[], runs: number) {
  const cases = benchAnswers.flatMap((answers) => headrooms.map((headroomCents) => ({ answers, context: { headroomCents, rules } })));
  for (let i = 0; i < Math.min(runs, 20); i++) matchPackages({ ...cases[i % cases.length]!, catalogue }); // warm the JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  let picks = 0;
  for (let i = 0; i < runs; i++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    const result = matchPackages({ ...cases[i % cases.length]!, catalogue });
    wall.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1e3);
    picks += result.best.picks.length;
  }
  const stats = (samples: number[]) => {
    samples.sort((a, b) => a - b);
    return {
      mean: samples.reduce((s, v) => s + v, 0) / runs,
      p95: samples[Math.min(runs - 1, Math.ceil(runs * 0.95) - 1)]!,
      max: samples[runs - 1]!,
    };
  };
  return { ...stats(wall), cpu: stats(cpu), picksPerMatch: picks / runs };
}

function line(label: string, r: ReturnType<typeof timeMatches>) {
  console.log(
    `${label.padEnd(44)} mean ${r.mean.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  max ${r.max.toFixed(2)} ms  ` +
      `(process CPU incl. GC threads: mean ${r.cpu.mean.toFixed(2)} ms, p95 ${r.cpu.p95.toFixed(2)} ms; ${r.picksPerMatch.toFixed(1)} picks)`,
  );
}

export function benchMatcher() {
  const seed = timeMatches(seedMatchCatalogue(), 500);
  line('match, seed catalogue (56 packages)', seed);
  const large = generateMatchCatalogue(5_000);
  const big = timeMatches(large, 200);
  line('match, 5,000 generated packages', big);
  console.log(`${'5,000 ÷ 56 packages (mean)'.padEnd(44)} ${(big.mean / seed.mean).toFixed(1)}`);
  console.log(`${'5,000 packages p95 ÷ goal (20 ms; < 1 meets it)'.padEnd(44)} ${(big.p95 / GOAL_MS).toFixed(3)}`);
  return { seed, large: big };
}

benchMatcher();
