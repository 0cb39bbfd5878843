import { describe, expect, it } from 'vitest';
import { ServerTime } from '../../../client/state/server-time.js';

const SECOND = 1000;
/** A `Date` header for server time `ms` (whole seconds, as HTTP sends it). */
const dateHeader = (ms: number) => new Date(ms).toUTCString();

describe('ServerTime', () => {
  it('is the device clock until an answer was seen, and ignores answers without a usable Date', () => {
    const time = new ServerTime();
    expect(time.offsetMs).toBe(0);
    time.note(null, 0, 10);
    time.note('not a date', 0, 10);
    expect(time.now(5_000)).toBe(5_000);
  });

  it('narrows the offset with each answer to within the Date header resolution', () => {
    // The device runs 90.3 s behind the server; answers take 40 ms there and back.
    const skew = 90_300;
    const time = new ServerTime();
    for (let device = 1_000_000; device < 1_000_000 + 20 * SECOND; device += 1_370) {
      const serverAtAnswer = device + 20 + skew;
      time.note(dateHeader(serverAtAnswer), device, device + 40);
    }
    expect(Math.abs(time.offsetMs - skew)).toBeLessThan(100);
    expect(Math.abs(time.now(2_000_000) - (2_000_000 + skew))).toBeLessThan(100);
  });

  it('starts again when the device clock jumps and the bounds no longer agree', () => {
    const time = new ServerTime();
    time.note(dateHeader(50_000), 49_000, 49_100);
    expect(Math.abs(time.offsetMs - 1_000)).toBeLessThanOrEqual(SECOND);
    // The phone's clock was set an hour back: the server's answers now look an hour ahead.
    time.note(dateHeader(60_000), 60_000 - 3_600_000, 60_000 - 3_600_000 + 50);
    expect(Math.abs(time.offsetMs - 3_600_000)).toBeLessThanOrEqual(SECOND);
  });
});
