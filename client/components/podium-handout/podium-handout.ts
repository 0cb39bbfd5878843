import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HandoutPage } from '../../state/handout-slides.js';
import '../podium-slide/podium-slide.js';
import { handoutStyles } from './podium-handout.styles.js';

/** How long printing waits for slide images before it prints without the late ones, in ms. */
const IMAGE_WAIT_MS = 8000;

/**
 * The audience's handout, rendered only for print: one slide per page with the given builds
 * shown, in the light theme whatever the screen's, so "Save as PDF" in the browser's own print
 * dialog makes a slide deck. Nothing is sent anywhere.
 */
@customElement('podium-handout')
export class PodiumHandout extends LitElement {
  static override styles = handoutStyles;

  /** The pages to print, in order (see handoutPages); default none. */
  @property({ attribute: false }) pages: readonly HandoutPage[] = [];

  /** Resolves once every slide is drawn and its images are loaded (or after IMAGE_WAIT_MS). */
  async ready(): Promise<void> {
    await this.updateComplete;
    const slides = [...this.renderRoot.querySelectorAll('podium-slide')];
    await Promise.all(slides.map((slide) => slide.updateComplete));
    const images = slides.flatMap((slide) => [...slide.renderRoot.querySelectorAll('img')]);
    const loaded = Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve, IMAGE_WAIT_MS))]);
  }

  override render() {
    const count = this.pages.length;
    return this.pages.map(
      (page, index) =>
        html`<section class="page">
          <podium-slide .html=${page.html} .step=${page.step} label="Slide ${index + 1} of ${count}"></podium-slide>
        </section>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'podium-handout': PodiumHandout;
  }
}
