import { z } from 'zod';
import { NO_RATE_LIMITS, type SecurityLimits } from './security/limits.js';

/** Settings from the environment, each with its default. */
export interface Config {
  /** `PORT`, default 3000. */
  port: number;
  /** `HOST`, default 0.0.0.0 (reachable from phones on the same network). */
  host: string;
  /** `DATABASE_URL`: real Postgres when set; otherwise the embedded PGlite. */
  databaseUrl?: string;
  /** `PODIUM_DATA_DIR`, default `.podium`: where PGlite keeps its data. */
  dataDir: string;
  /** `PODIUM_HEARTBEAT_MS`, default 15000: interval of SSE comment heartbeats. */
  heartbeatMs: number;
  /** `PUBLIC_URL`: base of printed and returned links; default the LAN address. */
  publicUrl?: string;
  /** `LOG_LEVEL`, default info. */
  logLevel: string;
  /** `PODIUM_ADMIN_TOKEN`: when set, creating a deck needs it as a Bearer token. */
  adminToken?: string;
  /** `PODIUM_TRUST_PROXY=1`: trust X-Forwarded-* from a reverse proxy. Default off. */
  trustProxy: boolean;
  /**
   * Abuse limits: `PODIUM_RATE_LIMIT=off` turns every rate limit off (benchmarks);
   * `PODIUM_PUT_PER_SECOND` (default 20, burst twice that) per presenter key;
   * `PODIUM_MAX_STREAMS` (default 10000) and `PODIUM_MAX_STREAMS_PER_ADDRESS` (default 500).
   */
  limits: Partial<SecurityLimits>;
}

const optional = z
  .string()
  .transform((value) => value.trim())
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PODIUM_DATA_DIR: z.string().trim().min(1).default('.podium'),
  PODIUM_HEARTBEAT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  PUBLIC_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PODIUM_ADMIN_TOKEN: optional,
  PODIUM_TRUST_PROXY: z.enum(['0', '1', 'true', 'false', '']).default('0'),
  PODIUM_RATE_LIMIT: z.enum(['on', 'off', '0', '1', 'true', 'false', '']).default('on'),
  PODIUM_PUT_PER_SECOND: z.coerce.number().positive().max(1_000_000).optional(),
  PODIUM_MAX_STREAMS: z.coerce.number().int().min(1).optional(),
  PODIUM_MAX_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).optional(),
});

function limitsFrom(e: z.infer<typeof schema>): Partial<SecurityLimits> {
  const limits: Partial<SecurityLimits> = {};
  if (['off', '0', 'false'].includes(e.PODIUM_RATE_LIMIT)) Object.assign(limits, NO_RATE_LIMITS);
  else if (e.PODIUM_PUT_PER_SECOND)
    limits.putPerKey = { perSecond: e.PODIUM_PUT_PER_SECOND, burst: 2 * e.PODIUM_PUT_PER_SECOND };
  if (e.PODIUM_MAX_STREAMS) limits.maxStreams = e.PODIUM_MAX_STREAMS;
  if (e.PODIUM_MAX_STREAMS_PER_ADDRESS) limits.maxStreamsPerAddress = e.PODIUM_MAX_STREAMS_PER_ADDRESS;
  return limits;
}

/** Reads and checks the environment; throws an Error that names every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Podium cannot start: check these environment variables:\n${problems.join('\n')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.PODIUM_DATA_DIR,
    heartbeatMs: e.PODIUM_HEARTBEAT_MS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: e.LOG_LEVEL,
    adminToken: e.PODIUM_ADMIN_TOKEN,
    trustProxy: e.PODIUM_TRUST_PROXY === '1' || e.PODIUM_TRUST_PROXY === 'true',
    limits: limitsFrom(e),
  };
}
