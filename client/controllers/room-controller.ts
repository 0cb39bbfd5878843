import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReactionName, ReactionsEventData } from '../../shared/room-protocol.js';
import { parsePresenterEvent, parseReactionsEvent } from '../../shared/validate.js';
import { CooldownError, sendReaction } from '../api/room-api.js';
import { readBurstsSetting, saveBurstsSetting } from '../state/bursts-setting.js';

/**
 * The room as one screen takes part in it: the latest `reactions` event (for bursts), whether
 * the presenter's remote is online (`presenter` events; online until told otherwise), this
 * device's bursts switch, and this viewer's reactions with the server's cooldown. Hand
 * `streamHandlers` to the deck's SlideStreamController. The host re-renders on every change.
 */
export class RoomController implements ReactiveController {
  /** The newest `reactions` event; null before the first. */
  reactions: ReactionsEventData | null = null;
  /** False once the server says no presenter remote has been connected for 20 s. */
  presenterOnline = true;
  /** Whether this device shows reactions as bursts. */
  bursts = readBurstsSetting();
  /** Until when (ms since the epoch) the server asked this viewer to hold its reactions; 0 when it did not. */
  cooldownUntil = 0;

  /** Handlers of the room's SSE events, for SlideStreamController's `on`. */
  readonly streamHandlers: Record<string, (data: string) => void> = {
    reactions: (data) => {
      const event = parseReactionsEvent(data);
      if (!event || (this.reactions && event.version <= this.reactions.version)) return;
      this.reactions = event;
      this.onReactions?.(event);
      this.host.requestUpdate();
    },
    presenter: (data) => {
      const event = parsePresenterEvent(data);
      if (!event || event.online === this.presenterOnline) return;
      this.presenterOnline = event.online;
      this.host.requestUpdate();
    },
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Called with each new `reactions` event (the remote counts the last minute). */
    private readonly onReactions?: (event: ReactionsEventData) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Another tab of this device may have flipped the switch.
    this.bursts = readBurstsSetting();
  }

  /** Starts over for another deck. */
  reset(): void {
    this.reactions = null;
    this.presenterOnline = true;
    this.cooldownUntil = 0;
  }

  /** Turns bursts on or off on this device, and remembers it. */
  setBursts(on: boolean): void {
    this.bursts = on;
    saveBurstsSetting(on);
    this.host.requestUpdate();
  }

  /** Sends one reaction to deck `deckId`; a 429 starts the cooldown the server asked for. */
  async react(deckId: string, reaction: ReactionName): Promise<void> {
    if (Date.now() < this.cooldownUntil) return;
    try {
      await sendReaction(deckId, reaction);
    } catch (error) {
      if (!(error instanceof CooldownError)) return; // A lost tap is no loss worth a message.
      this.cooldownUntil = Date.now() + error.retryAfterS * 1000;
      this.host.requestUpdate();
    }
  }
}
