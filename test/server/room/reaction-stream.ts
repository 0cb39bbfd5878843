import { EventSource } from 'eventsource';
import type { ReactionsEventData } from '../../../shared/room-protocol.js';

/** A real EventSource that records every `reactions` event of a deck and knows when the stream is open. */
export class ReactionStreamClient {
  readonly events: ReactionsEventData[] = [];
  /** True once the stream's first `slide` event (its current state) arrived. */
  open = false;
  private readonly source: EventSource;

  constructor(url: string) {
    this.source = new EventSource(url);
    this.source.addEventListener('slide', () => {
      this.open = true;
    });
    this.source.addEventListener('reactions', (event) => {
      this.events.push(JSON.parse(event.data) as ReactionsEventData);
    });
  }

  /** The newest totals, if any event came. */
  get latest(): ReactionsEventData | undefined {
    return this.events.at(-1);
  }

  close(): void {
    this.source.close();
  }
}
