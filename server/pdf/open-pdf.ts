import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PdfEncryptedError, PdfTooLargeError, PdfUnreadableError } from './pdf-errors.js';
import { PDFJS_ASSETS } from './pdfjs-assets.js';

/** Largest embedded image pdf.js will decode, in pixels; bigger ones are skipped, not rendered. */
const MAX_EMBEDDED_IMAGE_PIXELS = 40_000_000;

/**
 * Opens a PDF with pdf.js for reading only: no eval, no scripting, no XFA, no system fonts,
 * data files from the installed pdfjs-dist. Throws `PdfEncryptedError` when it needs a
 * password, `PdfUnreadableError` when it is not a readable PDF or has no pages, and
 * `PdfTooLargeError` when it has more than `maxPages` pages.
 */
export async function openPdf(bytes: Uint8Array, maxPages: number): Promise<PDFDocumentProxy> {
  let doc: PDFDocumentProxy;
  try {
    doc = await getDocument({
      // pdf.js takes ownership of (and may detach) the buffer it is given, and refuses a Node
      // Buffer (what a Buffer becomes after crossing to the rendering child): a plain copy.
      data: new Uint8Array(bytes),
      ...PDFJS_ASSETS,
      cMapPacked: true,
      isEvalSupported: false,
      enableXfa: false,
      useSystemFonts: false,
      disableFontFace: true,
      maxImageSize: MAX_EMBEDDED_IMAGE_PIXELS,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') {
      throw new PdfEncryptedError(
        'This PDF is protected by a password. Export it again without a password (or remove the protection) and upload that copy.',
      );
    }
    throw new PdfUnreadableError('This file could not be read as a PDF: it may be damaged or not a PDF at all.');
  }
  if (doc.numPages < 1) {
    await doc.destroy();
    throw new PdfUnreadableError('This PDF has no pages.');
  }
  if (doc.numPages > maxPages) {
    const pages = doc.numPages;
    await doc.destroy();
    throw new PdfTooLargeError(`This PDF has ${pages} pages; a deck may have at most ${maxPages}.`);
  }
  return doc;
}
