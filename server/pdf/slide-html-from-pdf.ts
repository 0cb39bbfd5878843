import { escapeHtml } from '../html-escape.js';
import type { PdfSlide } from './pdf-types.js';

function paragraphs(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
}

/**
 * The HTML of a PDF slide. One `<img class="pdf-page">` per step (marked `data-step="k"`,
 * step 0 the base page; later ones are meant to be stacked over it and shown once the
 * presenter reaches step k), each with a `srcset` over every width. The images are decorative
 * (`alt=""`): the slide's words follow in a `.visually-hidden` block, in reading order, under
 * an `<h2>` with the title, each step's new lines in their own `data-step` block, so screen
 * readers, search and copy get text, never pixels. `urls[step][i]` is the asset URL of
 * `slide.steps[step][i]`; `sizes` defaults to the width of a slide fitted to the viewport.
 */
export function slideHtmlFromPdf(slide: PdfSlide, urls: readonly (readonly string[])[], sizes?: string): string {
  const images = slide.steps.map((images, step) => {
    const stepUrls = urls[step];
    const largest = images.at(-1);
    const largestUrl = stepUrls?.at(-1);
    if (!largest || !stepUrls || !largestUrl || stepUrls.length !== images.length) {
      throw new Error(`slideHtmlFromPdf: step ${step} needs one URL per image (${images.length}).`);
    }
    const srcset = images.map((image, index) => `${escapeHtml(stepUrls[index] ?? '')} ${image.width}w`).join(', ');
    const fit = sizes ?? `min(100vw, ${Math.round((largest.width / largest.height) * 10000) / 100}vh)`;
    return (
      `<img class="pdf-page" data-step="${step}" src="${escapeHtml(largestUrl)}" srcset="${srcset}" ` +
      `sizes="${escapeHtml(fit)}" width="${largest.width}" height="${largest.height}" alt="" decoding="async">`
    );
  });
  const texts = slide.stepTexts.map((text, step) => {
    // The title is the heading already; do not read it twice.
    const body = step === 0 && text.split('\n')[0] === slide.title ? text.split('\n').slice(1).join('\n') : text;
    return body.trim() ? `<div data-step="${step}">${paragraphs(body)}</div>` : '';
  });
  const words = `<div class="visually-hidden"><h2>${escapeHtml(slide.title)}</h2>${texts.join('')}</div>`;
  return `<div class="pdf-slide">${images.join('')}${words}</div>`;
}
