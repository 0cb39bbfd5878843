import { createHash } from 'node:crypto';
import { normalizeShortText } from '../../shared/normalize-text.js';
import type { DeckWarning } from '../../shared/protocol.js';
import { notesForPdf } from '../pdf/notes-for-pdf.js';
import type { PdfPageImage } from '../pdf/pdf-types.js';
import { renderPdfInWorker } from '../pdf/render-pdf-in-worker.js';
import { slideHtmlFromPdf } from '../pdf/slide-html-from-pdf.js';
import type { DeckContent } from '../store/deck-store.js';
import { ASSET_TYPES } from './asset-type.js';
import { assetUrl } from './asset-urls.js';
import type { DeckWithAssets } from './deck-with-assets.js';
import type { PreparedAsset } from './prepare-asset.js';

/** One rendered page image as an asset of the deck (`pdf/slide-3-step-1-640w.webp`). */
function pageAsset(image: PdfPageImage, slide: number, step: number): PreparedAsset {
  const type = ASSET_TYPES.get(image.type);
  if (!type) throw new Error(`PDF page image of unknown type ${image.type}`);
  const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
  const id = createHash('sha256').update(bytes).digest('hex');
  const path = `pdf/slide-${slide + 1}-step-${step}-${image.width}w.${type.ext}`;
  return { path, id, type, bytes, width: image.width };
}

/**
 * A PDF deck: every page rendered in a child process (see renderPdfInWorker) to images at a
 * phone and a projector width, stored as assets; pages that share a label become one slide
 * with steps; each slide carries its words for screen readers (see slideHtmlFromPdf).
 * `notesMarkdown` (a companion `talk.notes.md`) gives one `---`-separated section of notes
 * per slide. Throws the PdfError subclasses for files it must refuse.
 */
export async function renderPdfWithAssets(
  pdf: Uint8Array,
  title: string | undefined,
  notesMarkdown: string | undefined,
): Promise<DeckWithAssets> {
  const rendered = await renderPdfInWorker(pdf);
  const assets: PreparedAsset[] = [];
  const slides = rendered.slides.map((slide, index) => {
    const urls = slide.steps.map((images, step) =>
      images.map((image) => {
        const asset = pageAsset(image, index, step);
        assets.push(asset);
        return assetUrl(asset);
      }),
    );
    return { html: slideHtmlFromPdf(slide, urls), steps: Math.max(0, slide.steps.length - 1) };
  });
  if (slides.length === 0) return { content: null, assets: [], warnings: rendered.warnings };
  const warnings: DeckWarning[] = [...rendered.warnings];
  let notes = slides.map(() => '');
  if (notesMarkdown === undefined) {
    warnings.push({
      code: 'notes_missing',
      message:
        'This PDF came without speaker notes. To have them on the remote, upload a Markdown file named like ' +
        'the PDF with .notes.md (talk.notes.md), one section per slide separated by lines of ---.',
    });
  } else {
    const companion = notesForPdf(notesMarkdown, slides.length);
    notes = companion.notes;
    warnings.push(...companion.warnings);
  }
  const content: DeckContent = {
    title: normalizeShortText(title?.trim() || rendered.title).slice(0, 200) || 'Untitled deck',
    slides,
    notes,
  };
  return { content, assets, warnings };
}
