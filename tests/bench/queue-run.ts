// The officers' queries alone, at the sizes given (default 1,000 and 100,000), alternated sample by sample:
// `npx vite-node tests/bench/queue-run.ts 1000 1000000`. BENCH_QUEUE_KEEP=<folder> keeps each size's filled cluster
// and reuses it; BENCH_QUEUE_ONLY=<part of a label> times only the matching queries.
import { benchQueues } from './queue';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
await benchQueues(sizes.length > 0 ? sizes : [1_000, 100_000]);
