import { z } from 'zod';

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
});

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
  };
}
