import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../server/config.js';
import { NO_RATE_LIMITS } from '../../../server/security/limits.js';

describe('limits from the environment', () => {
  it('leaves the defaults alone when nothing is set', () => {
    expect(readConfig({}).limits).toEqual({});
  });

  it('turns every rate limit off with PODIUM_RATE_LIMIT=off, and reads the caps', () => {
    const config = readConfig({
      PODIUM_RATE_LIMIT: 'off',
      PODIUM_MAX_STREAMS: '50000',
      PODIUM_MAX_STREAMS_PER_ADDRESS: '20000',
    });
    expect(config.limits).toEqual({ ...NO_RATE_LIMITS, maxStreams: 50_000, maxStreamsPerAddress: 20_000 });
  });

  it('sets the per-key slide-change rate, with a burst of twice that', () => {
    expect(readConfig({ PODIUM_PUT_PER_SECOND: '5' }).limits).toEqual({ putPerKey: { perSecond: 5, burst: 10 } });
  });

  it('refuses nonsense', () => {
    expect(() => readConfig({ PODIUM_RATE_LIMIT: 'maybe' })).toThrow(/PODIUM_RATE_LIMIT/);
    expect(() => readConfig({ PODIUM_MAX_STREAMS: '0' })).toThrow(/PODIUM_MAX_STREAMS/);
  });
});
