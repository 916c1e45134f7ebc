// The process's logger: pino, one JSON object per line on stdout (pretty-printed in development when pino-pretty is
// installed). Only what callers pass explicitly is logged: never request bodies, headers, cookies or documents.
import { createRequire } from 'node:module';
import pino from 'pino';
import { z } from 'zod';

const settings = z
  .object({
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    NODE_ENV: z.string().optional(),
  })
  .safeParse(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== '')));
if (!settings.success) {
  throw new Error(
    `Invalid configuration:\n${settings.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}`,
  );
}
const { LOG_LEVEL, LOG_FORMAT, NODE_ENV } = settings.data;

type Sink = { write: (chunk: string) => unknown };

/** pino-pretty is a development dependency: use it when asked for (or in development) and installed. */
function prettySink(): Sink | undefined {
  if (LOG_FORMAT === 'json' || (LOG_FORMAT === undefined && NODE_ENV === 'production')) return undefined;
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: Record<string, unknown>) => Sink;
    return pretty({ colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    return undefined;
  }
}

/** Where a business's bank account could sit in a log object (the claim's fields, a payment instruction's payee). */
export const bankDetailPaths = [
  'accountNumber',
  'branchCode',
  'bankAccount',
  'payeeAccount',
  'payeeAccountNumber',
  'payeeBranchCode',
  '*.accountNumber',
  '*.branchCode',
  '*.bankAccount',
  '*.payeeAccount',
  '*.payeeAccountNumber',
  '*.payeeBranchCode',
  '*.*.accountNumber',
  '*.*.payeeAccount',
];

const pretty = prettySink();
let sink: Sink = pretty ?? pino.destination({ dest: 1, sync: true });

export const logger = pino(
  {
    level: LOG_LEVEL,
    timestamp: pino.stdTimeFunctions.isoTime,
    // Our own, not pino's (which copies every property an error carries).
    serializers: { err: (error: unknown) => serializeError(error) },
    // Callers log no bank details; should one slip into a log call all the same, the number never reaches the log.
    redact: { paths: bankDetailPaths, censor: '[redacted]' },
    // Level names ("info", "error") read better in a log search than pino's numbers; pino-pretty wants the numbers.
    formatters: pretty ? {} : { level: (label) => ({ level: label }) },
  },
  { write: (chunk: string) => sink.write(chunk) },
);

/** Sends the log lines somewhere else until the returned function is called (tests capture them this way). */
export function redirectLogs(to: Sink): () => void {
  const previous = sink;
  sink = to;
  return () => {
    sink = previous;
  };
}

/**
 * An error as it may be logged: its type, message, code and stack, and its causes. Nothing else the error carries
 * (a database error's `detail` quotes row values, a fetch error may hold a request): those could be personal data.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) {
    // A thrown Response-like answer (Remix's ErrorResponse): its status, and the error inside it if any.
    if (error && typeof error === 'object' && 'status' in error) {
      const { status, statusText, error: inner } = error as { status: unknown; statusText?: unknown; error?: unknown };
      return {
        type: 'ErrorResponse',
        message: `${String(status)} ${typeof statusText === 'string' ? statusText : ''}`.trim(),
        ...(inner instanceof Error && depth < 3 ? { cause: serializeError(inner, depth + 1) } : {}),
      };
    }
    return { message: String(error).slice(0, 1000) };
  }
  const code = (error as { code?: unknown }).code;
  const cause = error.cause !== undefined && depth < 3 ? { cause: serializeError(error.cause, depth + 1) } : {};
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack,
    ...cause,
  };
}
