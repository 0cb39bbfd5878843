import type { Context } from 'koa';
import { addressKey } from '../security/client-address.js';
import type { SecurityLimits } from '../security/limits.js';
import { RateLimiter } from '../security/rate-limiter.js';
import { spend } from './rate-limit.js';

/** Budgets of the audience's writes; all null (off) when the app's write limits are off. */
export interface RoomLimits {
  /** Questions asked per viewer. Default 1 every 10 s, burst 3. */
  askPerViewer: RateLimiter | null;
  /** Votes (questions and polls) per viewer. Default 5/s, burst 20. */
  votePerViewer: RateLimiter | null;
  /** Audience writes per client address. Default 500/s, burst 5000: a hall behind one NAT votes at once. */
  roomPerAddress: RateLimiter | null;
}

/** Builds the room's limiters; off when `limits.writePerAddress` is off (PODIUM_RATE_LIMIT=off). */
export function createRoomLimits(limits: SecurityLimits): RoomLimits {
  if (limits.writePerAddress === null) return { askPerViewer: null, votePerViewer: null, roomPerAddress: null };
  return {
    askPerViewer: new RateLimiter({ perSecond: 0.1, burst: 3 }),
    votePerViewer: new RateLimiter({ perSecond: 5, burst: 20 }),
    roomPerAddress: new RateLimiter({ perSecond: 500, burst: 5000 }),
  };
}

/** Spends the address's budget, then the viewer's from `perViewer`; throws 429 with Retry-After when either is spent. */
export function spendRoom(ctx: Context, limits: RoomLimits, perViewer: RateLimiter | null, viewer: string): void {
  spend(limits.roomPerAddress, addressKey(ctx.ip));
  spend(perViewer, viewer);
}
