import type { Logger } from 'pino';
import { z } from 'zod';
import { PRESENTER_OFFLINE_MS } from '../shared/room-protocol.js';
import type { HearingTimings } from './store/hearing-probe.js';
import { parseProxyTrust, type ProxyTrust } from './security/proxy-trust.js';
import { RENDER_THREADS } from './deck/render-threads.js';
import { DEFAULT_LIMITS, NO_RATE_LIMITS, type SecurityLimits } from './security/limits.js';

/** Timing knobs of the LISTEN connection (real Postgres); every value is in milliseconds. */
export interface ListenerTimings {
  /** First reconnect delay; doubles per failed attempt. */
  backoffMinMs: number;
  /** Cap on the reconnect delay, so streams catch up within ~1 s of the database coming back. */
  backoffMaxMs: number;
  /** How often the liveness query runs. */
  livenessIntervalMs: number;
  /** How long the liveness query may take before the connection is declared dead. */
  livenessTimeoutMs: number;
}

/**
 * Every setting of one Podium process; each default is stated once, in DEFAULT_SETTINGS
 * (environment variables that differ say so). `startPodium` takes these; `readConfig`
 * builds them from the environment.
 */
export interface PodiumOptions {
  /** `PORT`: port to listen on; 0 picks a free one. Default 3000. */
  port?: number;
  /** `HOST`: interface to bind. Default 127.0.0.1; from the environment 0.0.0.0 (phones on the LAN reach it). */
  host?: string;
  /** `DATABASE_URL`: real Postgres when set; otherwise the embedded PGlite. */
  databaseUrl?: string;
  /** `PODIUM_DATA_DIR`: PGlite's data directory. Default: in memory; from the environment `.podium`. */
  dataDir?: string;
  /** `PODIUM_HEARTBEAT_MS`: interval of SSE comment heartbeats, in ms. Default 15000. */
  heartbeatMs?: number;
  /** `retry:` hint sent to clients, in ms. Default 1000. */
  retryMs?: number;
  /** Drop a stream whose socket has not drained for this long, in ms. Default 30000. */
  drainTimeoutMs?: number;
  /** `PUBLIC_URL`: base of printed and returned links. Default: the request origin (printed: the LAN address). */
  publicUrl?: string;
  /** `PODIUM_ADMIN_TOKEN`: when set, creating a deck needs it as a Bearer token. */
  adminToken?: string;
  /**
   * `PODIUM_TRUST_PROXY`: the proxies trusted to name the client in X-Forwarded-For: a hop
   * count (`1`, `2`; `true` is 1) or a comma list of proxy addresses/CIDRs. Default: none.
   */
  trustProxy?: boolean | number | string;
  /** Built client directory. Default `<repo>/dist/client`. */
  clientDir?: string;
  /** Listener reconnect and liveness timings. Default: 100 ms backoff up to 1 s; liveness every 2 s, 3 s to answer. */
  listenerTimings?: ListenerTimings;
  /** How the listener proves it hears (both drivers). Default: a probe NOTIFY every 2 s, deaf when one is not back in 4 s. */
  hearingTimings?: HearingTimings;
  /** Logger. Default: pino at `LOG_LEVEL` (default info), Authorization headers redacted. */
  logger?: Logger;
  /** Abuse limits (rates, stream caps); each one not given takes its DEFAULT_LIMITS value. */
  limits?: Partial<SecurityLimits>;
  /** `PODIUM_DECK_TTL_DAYS`: decks with no slide change for this many days are deleted (file decks never); 0 never. Default 30. */
  deckTtlDays?: number;
  /**
   * `PODIUM_HISTORY_DAYS`: the talk history the report draws on (when each slide was shown, the
   * audience over time) is pruned once this many days old; 0 keeps it as long as the deck. Default 30.
   */
  historyDays?: number;
  /** The audience is sampled for the report once per this many ms (each sample one row per deck watched). Default 15000. */
  audienceSampleMs?: number;
  /** `PODIUM_METRICS_TOKEN`: when set, `/metrics` needs it as a Bearer token. */
  metricsToken?: string;
  /** Request head must arrive within this many ms (slow-loris). Default 10000. */
  headersTimeoutMs?: number;
  /** Whole request (head and body) must arrive within this many ms; event streams are exempt. Default 30000. */
  requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this many ms. Default 5000. */
  keepAliveTimeoutMs?: number;
  /** `PODIUM_DECKS_PER_ADDRESS_PER_DAY`: decks one client address may create in 24 hours; 0 no quota. Default 50. */
  decksPerAddressPerDay?: number;
  /** `PODIUM_DECK_MB_PER_ADDRESS_PER_DAY`: MiB of decks and files one address may upload in 24 hours; 0 no quota. Default 200. */
  deckMbPerAddressPerDay?: number;
  /** `PODIUM_RENDER_SECONDS_PER_ADDRESS_PER_DAY`: seconds of rendering one address's decks may take in 24 hours; 0 no quota. Default 120. */
  renderSecondsPerAddressPerDay?: number;
  /** `PODIUM_MAX_RENDERS`: decks rendered at once by this process. Default RENDER_THREADS (one fewer than the cores, 1 to 4). */
  maxRenders?: number;
  /** `PODIUM_RENDER_QUEUE`: decks waiting for a render slot; more get 503 `server_busy`. Default 16. */
  renderQueue?: number;
  /** `PODIUM_STORAGE_MB`: MiB that decks and their files may take in all; past it, 507 `storage_full`; 0 no budget. Default 2048. */
  storageMb?: number;
  /** Audience screens say "the presenter's remote is offline" once no remote has been connected this long, in ms. Default 20000. */
  presenterOfflineMs?: number;
}

/** The settings with every default applied (logger and directories are filled in by `startPodium`). */
export type Settings = Required<
  Omit<
    PodiumOptions,
    'databaseUrl' | 'dataDir' | 'publicUrl' | 'adminToken' | 'metricsToken' | 'logger' | 'clientDir' | 'limits'
  >
> &
  Pick<PodiumOptions, 'databaseUrl' | 'dataDir' | 'publicUrl' | 'adminToken' | 'metricsToken'> & {
    limits: SecurityLimits;
    /** `trustProxy`, parsed. */
    proxyTrust: ProxyTrust;
  };

/** The defaults documented on PodiumOptions. */
export const DEFAULT_SETTINGS: Omit<Settings, 'limits' | 'proxyTrust'> = {
  port: 3000,
  host: '127.0.0.1',
  heartbeatMs: 15_000,
  retryMs: 1000,
  drainTimeoutMs: 30_000,
  trustProxy: false,
  listenerTimings: { backoffMinMs: 100, backoffMaxMs: 1000, livenessIntervalMs: 2000, livenessTimeoutMs: 3000 },
  hearingTimings: { probeIntervalMs: 2000, probeDeadlineMs: 4000 },
  deckTtlDays: 30,
  historyDays: 30,
  audienceSampleMs: 15_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5000,
  decksPerAddressPerDay: 50,
  deckMbPerAddressPerDay: 200,
  renderSecondsPerAddressPerDay: 120,
  maxRenders: RENDER_THREADS,
  renderQueue: 16,
  storageMb: 2048,
  presenterOfflineMs: PRESENTER_OFFLINE_MS,
};

/** `options` over the defaults; an option given as undefined takes its default. */
export function resolveSettings(options: PodiumOptions): Settings {
  const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return { ...DEFAULT_SETTINGS, ...given, limits, proxyTrust: parseProxyTrust(options.trustProxy) };
}

/** What `npm start` reads from the environment: settings plus the log level. */
export interface CliConfig extends PodiumOptions {
  port: number;
  host: string;
  dataDir: string;
  /** `LOG_LEVEL`, default info. */
  logLevel: string;
  /**
   * From the environment: `PODIUM_RATE_LIMIT=off` turns every rate limit off (benchmarks);
   * `PODIUM_PUT_PER_SECOND` sets the per-key slide-change rate (burst twice that);
   * `PODIUM_MAX_STREAMS` and `PODIUM_MAX_STREAMS_PER_ADDRESS` set the stream caps.
   */
  limits: Partial<SecurityLimits>;
}

function tryParse(parse: () => unknown): boolean {
  try {
    parse();
    return true;
  } catch {
    return false;
  }
}

const optional = z
  .string()
  .transform((value) => value.trim())
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A whole number, 0 or more (0 turns a quota off). */
const count = z.coerce.number().int().min(0).max(1_000_000_000);
/** A size or time, 0 or more (0 turns a quota or budget off). */
const amount = z.coerce.number().min(0).max(1_000_000_000);

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_SETTINGS.port),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  PODIUM_DATA_DIR: z.string().trim().min(1).default('.podium'),
  PODIUM_HEARTBEAT_MS: z.coerce.number().int().min(100).max(3_600_000).default(DEFAULT_SETTINGS.heartbeatMs),
  PUBLIC_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PODIUM_ADMIN_TOKEN: optional,
  PODIUM_METRICS_TOKEN: optional,
  PODIUM_DECK_TTL_DAYS: z.coerce.number().min(0).max(36_500).default(DEFAULT_SETTINGS.deckTtlDays),
  PODIUM_HISTORY_DAYS: z.coerce.number().min(0).max(36_500).default(DEFAULT_SETTINGS.historyDays),
  PODIUM_TRUST_PROXY: z
    .string()
    .trim()
    .default('')
    .refine(
      (value) => tryParse(() => parseProxyTrust(value)),
      'a hop count (1, 2) or a comma list of proxy addresses/CIDRs',
    ),
  PODIUM_RATE_LIMIT: z.enum(['on', 'off', '0', '1', 'true', 'false', '']).default('on'),
  PODIUM_PUT_PER_SECOND: z.coerce.number().positive().max(1_000_000).optional(),
  PODIUM_MAX_STREAMS: z.coerce.number().int().min(1).optional(),
  PODIUM_MAX_STREAMS_PER_ADDRESS: z.coerce.number().int().min(1).optional(),
  PODIUM_DECKS_PER_ADDRESS_PER_DAY: count.default(DEFAULT_SETTINGS.decksPerAddressPerDay),
  PODIUM_DECK_MB_PER_ADDRESS_PER_DAY: amount.default(DEFAULT_SETTINGS.deckMbPerAddressPerDay),
  PODIUM_RENDER_SECONDS_PER_ADDRESS_PER_DAY: amount.default(DEFAULT_SETTINGS.renderSecondsPerAddressPerDay),
  PODIUM_MAX_RENDERS: count.min(1).default(DEFAULT_SETTINGS.maxRenders),
  PODIUM_RENDER_QUEUE: count.default(DEFAULT_SETTINGS.renderQueue),
  PODIUM_STORAGE_MB: amount.default(DEFAULT_SETTINGS.storageMb),
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

/** Reads and checks the environment, once; throws an Error that names every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv): CliConfig {
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
    metricsToken: e.PODIUM_METRICS_TOKEN,
    deckTtlDays: e.PODIUM_DECK_TTL_DAYS,
    historyDays: e.PODIUM_HISTORY_DAYS,
    trustProxy: e.PODIUM_TRUST_PROXY,
    decksPerAddressPerDay: e.PODIUM_DECKS_PER_ADDRESS_PER_DAY,
    deckMbPerAddressPerDay: e.PODIUM_DECK_MB_PER_ADDRESS_PER_DAY,
    renderSecondsPerAddressPerDay: e.PODIUM_RENDER_SECONDS_PER_ADDRESS_PER_DAY,
    maxRenders: e.PODIUM_MAX_RENDERS,
    renderQueue: e.PODIUM_RENDER_QUEUE,
    storageMb: e.PODIUM_STORAGE_MB,
    limits: limitsFrom(e),
  };
}
