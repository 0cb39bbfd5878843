import type { Slide } from '../../shared/protocol.js';
import { slideImages, type SlideImage } from '../utils/slide-images.js';

/** Images being fetched at once; the rest wait their turn so the slide on screen is never starved. */
const PARALLEL = 4;

/**
 * Fetches the images of slides ahead of time, as the slides' own `<img>` elements would (same
 * `srcset` and `sizes`, so the browser picks the same width), and holds them in memory: when Wi-Fi drops,
 * a slide the viewer moves to shows its images from memory or the HTTP cache (assets are
 * immutable), never a blank. Each image is fetched once per page
 * (a failed one again at the next call).
 */
export class ImagePrefetcher {
  private readonly held = new Map<string, HTMLImageElement>();
  private queue: SlideImage[] = [];
  private running = 0;

  /** Queues the images of `slides` at `indexes`, in that order, ahead of anything queued before. */
  prefetch(slides: readonly Slide[], indexes: readonly number[]): void {
    const wanted = indexes.flatMap((index) => slideImages(slides[index]?.html ?? ''));
    const fresh = wanted.filter((image) => !this.held.has(keyOf(image)));
    this.queue = [...fresh, ...this.queue.filter((image) => !fresh.some((other) => keyOf(other) === keyOf(image)))];
    this.pump();
  }

  private pump(): void {
    while (this.running < PARALLEL) {
      const image = this.queue.shift();
      if (!image) return;
      if (this.held.has(keyOf(image))) continue;
      this.running += 1;
      const img = new Image();
      img.decoding = 'async';
      if (image.sizes) img.sizes = image.sizes;
      if (image.srcset) img.srcset = image.srcset;
      img.src = image.src;
      this.held.set(keyOf(image), img);
      const done = (failed: boolean) => {
        this.running -= 1;
        // A failed image (Wi-Fi already gone) may be asked for again by the next prefetch.
        if (failed) this.held.delete(keyOf(image));
        this.pump();
      };
      img.addEventListener('load', () => done(false), { once: true });
      img.addEventListener('error', () => done(true), { once: true });
    }
  }
}

function keyOf(image: SlideImage): string {
  return `${image.src}\n${image.srcset}\n${image.sizes}`;
}
