/** The one reader of process.env. A bad value stops start-up with a one-line error naming the variable. */
import { z } from 'zod';
import { DEFAULT_USD_CNY_RATE } from './text/units.js';

const intFrom = (min: number, max: number, dflt: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max)).default(dflt); // zod 4: a default is the parsed (output) value

export const EnvSchema = z.object({
  PORT: intFrom(1, 65535, 3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('data/luodi.db'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** SQLite synchronous level: FULL survives power loss; NORMAL loses at most the last commits (never corrupts). */
  DB_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  SEED_DIR: z.string().min(1).default('data/seed'),
  /** Largest JSON request body, bytes. */
  BODY_LIMIT_BYTES: intFrom(1024, 10 * 1024 * 1024, 64 * 1024),
  /** 万美元 → 万元 rate used when a lead states US dollars. */
  USD_CNY_RATE: z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'must be a number such as 7.1')
    .transform(Number)
    .default(DEFAULT_USD_CNY_RATE),
  /** Bulk upload limits. */
  UPLOAD_MAX_BYTES: intFrom(1024, 200 * 1024 * 1024, 20 * 1024 * 1024),
  UPLOAD_MAX_ROWS: intFrom(1, 1_000_000, 200_000),
  UPLOAD_MAX_CELL_CHARS: intFrom(10, 100_000, 2000),
  JOB_WORKERS: intFrom(1, 16, 2),
  /** Nice value of the scoring threads (Linux, 0–19): above 0 the request thread gets the CPU first. */
  JOB_WORKER_NICE: intFrom(0, 19, 10),
  /** Finished bulk jobs older than this many days are removed by the daily sweep (0: kept for ever). */
  JOB_RETENTION_DAYS: intFrom(0, 3650, 30),
  /** The first administrator's password (only read while there are no users); unset: a random one is printed once. */
  LUODI_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  /** How long a session lasts after sign-in. */
  SESSION_TTL_HOURS: intFrom(1, 24 * 30, 12),
});
export type Env = z.infer<typeof EnvSchema>;

/** Parses an environment; throws an Error whose message is one line naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const picked: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = source[key];
    if (v !== undefined && v !== '') picked[key] = v;
  }
  const r = EnvSchema.safeParse(picked);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const name = String(issue.path[0] ?? '?');
    const shown = /PASSWORD/.test(name) ? '***' : JSON.stringify(picked[name] ?? ''); // never echo a password
    throw new Error(`配置错误 / invalid configuration: ${name}=${shown}: ${issue.message}`);
  }
  return r.data;
}

export function loadEnv(): Env {
  return parseEnv(process.env);
}
