/** A token bucket: `perSecond` tokens flow in, at most `burst` are saved up. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** Abuse limits of one process; a rate of `null` means unlimited. */
export interface SecurityLimits {
  /** Slide changes per presenter key. Default 20/s, burst 40: a presenter mashing "next" never notices. */
  putPerKey: Rate | null;
  /** Slide changes per client address (any key, valid or not). Default 50/s, burst 100. */
  putPerAddress: Rate | null;
  /** Other writes (POST, DELETE) per client address: decks, keys. Default 1/s, burst 30. */
  writePerAddress: Rate | null;
  /** Reactions per viewer (its cookie). Default 5/s, burst 10. */
  reactionsPerViewer: Rate | null;
  /** Reactions per client address: a hall behind one NAT. Default 2000/s, burst 4000. */
  reactionsPerAddress: Rate | null;
  /** Key minting and revoking per presenter key. Default 1/s, burst 10. */
  writePerKey: Rate | null;
  /** Open event streams in this process; more get 503 with Retry-After. Default 10000. */
  maxStreams: number;
  /** Open event streams per client address; more get 429 with Retry-After. Default 10000: a hall behind one NAT or proxy. */
  maxStreamsPerAddress: number;
  /** Event streams opened per client address (reconnect storms, one abusive source). Default 200/s, burst 10000: a hall loading at once gets in. */
  streamOpensPerAddress: Rate | null;
  /** Reads (GET, HEAD) per client address, the event stream, /healthz and /metrics apart. Default 500/s, burst 20000: a hall loading its pages at once gets in. */
  readsPerAddress: Rate | null;
  /** Seconds a refused viewer is asked to wait (`Retry-After` of the stream caps). Default 20. */
  streamRetryAfterS: number;
  /** Live presenter keys per deck that the keys API will mint. Default 50. */
  maxKeysPerDeck: number;
}

/** The defaults documented above and in SECURITY.md. */
export const DEFAULT_LIMITS: SecurityLimits = {
  putPerKey: { perSecond: 20, burst: 40 },
  putPerAddress: { perSecond: 50, burst: 100 },
  writePerAddress: { perSecond: 1, burst: 30 },
  writePerKey: { perSecond: 1, burst: 10 },
  reactionsPerViewer: { perSecond: 5, burst: 10 },
  reactionsPerAddress: { perSecond: 2000, burst: 4000 },
  maxStreams: 10_000,
  maxStreamsPerAddress: 10_000,
  streamOpensPerAddress: { perSecond: 200, burst: 10_000 },
  readsPerAddress: { perSecond: 500, burst: 20_000 },
  streamRetryAfterS: 20,
  maxKeysPerDeck: 50,
};

/** Every rate limit off (stream caps stay): for benchmarks (`PODIUM_RATE_LIMIT=off`). */
export const NO_RATE_LIMITS: Pick<
  SecurityLimits,
  | 'putPerKey'
  | 'putPerAddress'
  | 'writePerAddress'
  | 'writePerKey'
  | 'streamOpensPerAddress'
  | 'readsPerAddress'
  | 'reactionsPerViewer'
  | 'reactionsPerAddress'
> = {
  putPerKey: null,
  streamOpensPerAddress: null,
  readsPerAddress: null,
  putPerAddress: null,
  writePerAddress: null,
  writePerKey: null,
  reactionsPerViewer: null,
  reactionsPerAddress: null,
};
