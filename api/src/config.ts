import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATA_DIR: z.string().default('.data'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  DB_CONNECTIONS_PER_REQUEST: z.coerce.number().int().min(1).default(1),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL: z.string().regex(/^\d+[smhd]$/, 'must look like 12h, 30m or 7d').default('12h'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: booleanFlag.default(true),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'must look like 1mb or 500kb').default('1mb'),
  UPLOAD_BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/, 'must look like 8mb or 500kb').default('8mb'),
  LOGIN_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  PASSWORD_CHECKS_AT_ONCE: z.coerce.number().int().min(1).default(1),
  PASSWORD_CHECKS_QUEUED: z.coerce.number().int().min(0).default(10),
  TRUST_PROXY: booleanFlag.default(false),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  // durable events and jobs (DESIGN §9)
  JOBS: z.enum(['inline', 'off']).default('inline'),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  OUTBOX_DISPATCH: z.enum(['on', 'off']).default('on'),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(2).default(15),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(20),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(50),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(100_000),
  REQUESTS_PER_USER: z.coerce.number().int().min(1).default(4),
  REQUESTS_QUEUED_PER_USER: z.coerce.number().int().min(0).default(32),
  WS_OPERATIONS_PER_CONNECTION: z.coerce.number().int().min(1).default(100),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).default(10),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Reads and validates the environment once; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required when NODE_ENV=production');
  }
  return parsed.data;
}
