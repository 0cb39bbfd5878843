import type { Settings } from '../config.js';
import { RenderGate } from '../security/render-gate.js';
import type { AdmissionStore } from '../store/admission-store.js';
import { HttpError } from './http-error.js';
import { tooManyRequests } from './rate-limit.js';

const MIB = 1024 * 1024;

/**
 * Most deck creations in flight (rendering or waiting) for one client address, so one address
 * cannot fill the render queue; not applied when an admin token guards creation (the operator).
 */
export const RENDERS_PER_ADDRESS = 3;

/** Seconds a creation refused for a full render queue is asked to wait. */
const BUSY_RETRY_AFTER_S = 5;

/** The settings deck admission reads (see PodiumOptions for each default). */
export type AdmissionSettings = Pick<
  Settings,
  | 'decksPerAddressPerDay'
  | 'deckMbPerAddressPerDay'
  | 'renderSecondsPerAddressPerDay'
  | 'maxRenders'
  | 'renderQueue'
  | 'storageMb'
>;

function storageFull(): HttpError {
  return new HttpError(
    507,
    'storage_full',
    'This Podium has no room for more decks right now: its storage budget is used up. Ask its operator, or delete a deck you no longer need.',
  );
}

function quotaExceeded(what: string, retryAfterS: number): HttpError {
  const hours = Math.max(1, Math.ceil(retryAfterS / 3600));
  return new HttpError(
    429,
    'quota_exceeded',
    `Your address has ${what} in the last 24 hours; try again in about ${hours} hour${hours === 1 ? '' : 's'}.`,
    { 'Retry-After': String(Math.max(1, retryAfterS)) },
  );
}

/**
 * Deck creation by cost, not by count: per-address quotas (decks, bytes, render time over a
 * rolling day, kept in the database so every process counts them), a total storage budget,
 * and a bounded number of renders at once (RenderGate). With `perAddress` false (an admin token
 * guards creation) the per-address quotas are not applied; the budget and the gate always are.
 */
export class DeckAdmission {
  private readonly gate: RenderGate;

  constructor(
    private readonly settings: AdmissionSettings,
    private readonly store: AdmissionStore,
    private readonly perAddress: boolean,
  ) {
    this.gate = new RenderGate(settings.maxRenders, settings.renderQueue, perAddress ? RENDERS_PER_ADDRESS : Infinity);
  }

  /** Before the body is read: 507 when storage is full, 429 `quota_exceeded` when a quota is used up. */
  async admit(address: string): Promise<void> {
    await this.checkStorage(0);
    if (!this.perAddress) return;
    const s = this.settings;
    const usage = await this.store.usage(address);
    if (s.decksPerAddressPerDay > 0 && usage.decks >= s.decksPerAddressPerDay) {
      throw quotaExceeded(
        `created ${usage.decks} decks (the limit is ${s.decksPerAddressPerDay})`,
        usage.oldestLeavesInS,
      );
    }
    if (s.deckMbPerAddressPerDay > 0 && usage.bytes >= s.deckMbPerAddressPerDay * MIB) {
      throw quotaExceeded(`uploaded ${s.deckMbPerAddressPerDay} MiB of decks`, usage.oldestLeavesInS);
    }
    if (s.renderSecondsPerAddressPerDay > 0 && usage.renderMs >= s.renderSecondsPerAddressPerDay * 1000) {
      throw quotaExceeded(
        `used ${s.renderSecondsPerAddressPerDay} s of deck preparation (long code or math takes the most)`,
        usage.oldestLeavesInS,
      );
    }
  }

  /** Once the body is read: 507 or 429 when these `bytes` would pass the storage budget or the address's bytes quota. */
  async checkUpload(address: string, bytes: number): Promise<void> {
    await this.checkStorage(bytes);
    const quota = this.settings.deckMbPerAddressPerDay * MIB;
    if (!this.perAddress || quota <= 0) return;
    const usage = await this.store.usage(address);
    if (usage.bytes + bytes > quota) {
      throw quotaExceeded(
        `uploaded ${Math.round(usage.bytes / MIB)} MiB of decks, and this one would pass the ${this.settings.deckMbPerAddressPerDay} MiB allowed`,
        usage.oldestLeavesInS,
      );
    }
  }

  /**
   * Runs `render` in a render slot (503 `server_busy` when the queue is full, 429 when this
   * address has RENDERS_PER_ADDRESS in flight) and charges the time it held the slot to the
   * address, whether it succeeded or not.
   */
  async render<T>(address: string, render: () => Promise<T>): Promise<T> {
    const slot = this.gate.enter(address);
    if (slot === 'address') {
      throw tooManyRequests(
        'rate_limited',
        2,
        'Your other decks are still being prepared; wait for them, then try again.',
      );
    }
    if (slot === 'busy') {
      throw new HttpError(503, 'server_busy', 'Podium is preparing many decks right now; try again in a few seconds.', {
        'Retry-After': String(BUSY_RETRY_AFTER_S),
      });
    }
    const release = await slot;
    const started = performance.now();
    try {
      return await render();
    } finally {
      release();
      if (this.perAddress) {
        await this.store.charge(address, { decks: 0, bytes: 0, renderMs: performance.now() - started });
      }
    }
  }

  /** Charges a created deck and its `bytes` to `address`. */
  async created(address: string, bytes: number): Promise<void> {
    if (this.perAddress) await this.store.charge(address, { decks: 1, bytes, renderMs: 0 });
  }

  /** Renders running and waiting in this process. */
  get load(): { running: number; waiting: number } {
    return this.gate.load;
  }

  private async checkStorage(incoming: number): Promise<void> {
    if (this.settings.storageMb <= 0) return;
    if ((await this.store.storedBytes()) + incoming > this.settings.storageMb * MIB) throw storageFull();
  }
}
