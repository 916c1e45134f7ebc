// Configuration from the environment, parsed once with zod: a wrong value stops the start with a clear message.
import { z } from 'zod';

const flag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => value === 'true' || value === '1' || value === 'yes');

// How many proxies (load balancers) stand between the clients and the app: the client address is taken that many
// entries from the right of X-Forwarded-For. "true" (trust every entry) would let any client choose its address
// (and so escape the per-address login throttle), so it is refused rather than guessed.
const proxyHops = z.string().transform((value, ctx) => {
  const v = value.trim().toLowerCase();
  if (v === 'false' || v === 'no') return 0;
  if (/^\d{1,2}$/.test(v) && Number(v) <= 10) return Number(v);
  ctx.addIssue({
    code: 'custom',
    message:
      'must be the number of proxies in front of the app (0 = none, 1 = one load balancer, at most 10); "true" is refused because it would trust any client-supplied X-Forwarded-For',
  });
  return z.NEVER;
});

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().optional(),
  DATA_DIR: z.string().optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SEED_DEMO: flag.default(true),
  ALLOW_DEMO_SEED: flag.default(false),
  TRUST_PROXY: proxyHops.default(0),
  SECURE_COOKIES: flag.default(false),
  /** gzip of dynamic answers in this process; false when a reverse proxy compresses. */
  COMPRESSION: flag.default(true),
  NOTIFY_URL: z.url().optional(),
  PAYMENT_URL: z.url().optional(),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  LAPSE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  PURGE_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  // On SIGTERM, how long to keep serving while /healthz says "draining", so that a load balancer's health check takes
  // the process out of rotation before it stops accepting (0: stop accepting at once).
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(600_000).default(0),
});

export type Env = z.infer<typeof schema>;

export function parseEnv(
  source: Record<string, string | undefined> = process.env,
  { warn = (line: string) => console.warn(line) }: { warn?: (line: string) => void } = {},
): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const safety = configurationSafety(result.data, { nodeEnv: cleaned.NODE_ENV });
  if (safety.refusals.length > 0) throw new Error(`Unsafe configuration:\n${safety.refusals.map((line) => `  ${line}`).join('\n')}`);
  for (const line of safety.warnings) warn(line);
  return result.data;
}

/**
 * Settings that parse but are dangerous together. Refused: demo accounts (with a published password) seeded into a
 * real server's database in production. Warned: cookies without Secure behind a proxy, which almost always means
 * the site is served over HTTPS by the proxy and the session cookie would also travel over plain HTTP.
 */
export function configurationSafety(env: Env, { nodeEnv }: { nodeEnv?: string }): { refusals: string[]; warnings: string[] } {
  const refusals: string[] = [];
  const warnings: string[] = [];
  if (nodeEnv === 'production' && env.DATABASE_URL && env.SEED_DEMO && !env.ALLOW_DEMO_SEED) {
    refusals.push(
      'SEED_DEMO is true (the default) with NODE_ENV=production and a DATABASE_URL: an empty database would get demo ' +
        'accounts whose password is published. Set SEED_DEMO=false, or ALLOW_DEMO_SEED=true if this really is a demo server.',
    );
  }
  if (env.TRUST_PROXY && !env.SECURE_COOKIES) {
    const bar = '!'.repeat(100);
    warnings.push(
      [
        bar,
        '!! WARNING: TRUST_PROXY is on but SECURE_COOKIES is off. Behind a load balancer that terminates HTTPS the session',
        '!! and CSRF cookies are then sent without the Secure flag and can leak over plain HTTP. Set SECURE_COOKIES=true.',
        bar,
      ].join('\n'),
    );
  }
  return { refusals, warnings };
}
