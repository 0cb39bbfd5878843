import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Deck } from '../../shared/protocol.js';
import type { ViewerPosition } from '../state/viewer-position.js';
import { slidesToPrefetch } from '../utils/slide-images.js';
import { ImagePrefetcher } from './image-prefetcher.js';
import type { StreamStatus } from './slide-stream-controller.js';

/** What the controller reads from its audience page, fresh at each update. */
export interface WifiDropSource {
  deck(): Deck | null;
  position(): ViewerPosition;
  status(): StreamStatus;
}

/**
 * Keeps an audience page useful on Wi-Fi that comes and goes. It fetches ahead the images of
 * every slide the page holds, nearest first (a deck browsed `behind` holds only the slides shown
 * so far, so nothing past them), so a dropped connection never blanks a slide. When the stream
 * comes back after a drop, a viewer who was following live (and maybe browsed meanwhile,
 * offline) lands on the live slide and step, and images that failed are fetched again.
 */
export class WifiDropController implements ReactiveController {
  private readonly images = new ImagePrefetcher();
  private lastDeck: Deck | null = null;
  private lastStatus: StreamStatus = 'connecting';
  private followingWhenDropped = true;

  constructor(
    host: ReactiveControllerHost,
    private readonly source: WifiDropSource,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const deck = this.source.deck();
    const status = this.source.status();
    let fetchAhead = deck !== this.lastDeck;
    if (status !== this.lastStatus) {
      if (this.lastStatus === 'live') this.followingWhenDropped = this.source.position().following;
      else if (status === 'live') {
        if (this.followingWhenDropped) this.source.position().followLive();
        fetchAhead = true;
      }
      this.lastStatus = status;
    }
    this.lastDeck = deck;
    if (fetchAhead && deck) {
      const count = deck.slides.length;
      this.images.prefetch(deck.slides, slidesToPrefetch(count, this.source.position().shown(count)));
    }
  }
}
