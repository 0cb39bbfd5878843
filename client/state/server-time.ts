/**
 * The server's clock as seen from this device. Talk clocks are started by the server
 * (`startedAt` is its time), and a phone's own clock can be minutes off, so elapsed time is
 * measured against the server's: each API answer's `Date` header (whole seconds) says the
 * server's time lay in [date, date + 1 s) at some moment between sending the request and
 * receiving the answer. The offset keeps the tightest bounds seen so far and uses their middle.
 */
export class ServerTime {
  /** Bounds on (server time - device time), in ms. */
  private low = -Infinity;
  private high = Infinity;

  /** Notes one answer's `Date` header, with the device times the request left and the answer came. */
  note(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    const date = dateHeader === null ? NaN : Date.parse(dateHeader);
    if (!Number.isFinite(date) || receivedAt < sentAt) return;
    const low = Math.max(this.low, date - receivedAt);
    const high = Math.min(this.high, date + 1000 - sentAt);
    // Bounds that no longer overlap mean one of the clocks jumped: start again from this answer.
    if (low > high) {
      this.low = date - receivedAt;
      this.high = date + 1000 - sentAt;
    } else {
      this.low = low;
      this.high = high;
    }
  }

  /** Server time minus device time in ms (0 until an answer was seen). */
  get offsetMs(): number {
    return Number.isFinite(this.low) && Number.isFinite(this.high) ? Math.round((this.low + this.high) / 2) : 0;
  }

  /** The server's time now, by this device's clock and the offset. */
  now(deviceNow = Date.now()): number {
    return deviceNow + this.offsetMs;
  }
}

/** This page's estimate, fed by every API answer (client/api/request.ts). */
export const serverTime = new ServerTime();
