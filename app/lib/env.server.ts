// Configuration from the environment, parsed once with zod: a wrong value stops the start with a clear message.
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

// How many proxies (load balancers) stand between the clients and the app: the client address is taken that many
// entries from the right of X-Forwarded-For. "true" (trust every entry) would let any client choose its address
// (and so escape the per-address login throttle), so it is refused rather than guessed.
const proxyHops = z.string().transform((value, ctx) => {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === 'no') return 0;
  if (/^\d{1,2}$/.test(v) && Number(v) <= 10) return Number(v);
  ctx.addIssue({
    code: 'custom',
    message: 'must be the number of proxies in front of the app (0 = none, 1 = one load balancer, at most 10); "true" is refused because it would trust any client-supplied X-Forwarded-For',
  });
  return z.NEVER;
});

const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().optional(),
  DATA_DIR: z.string().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SEED_DEMO: flag.default(true),
  TRUST_PROXY: proxyHops.default(0),
  SECURE_COOKIES: flag.default(false),
  NOTIFY_URL: z.url().optional(),
  PAYMENT_URL: z.url().optional(),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  LAPSE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  PURGE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return result.data;
}
