import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Exporters that put their own name before the file name in the Title.
const EXPORTER_PREFIX = /^(?:Microsoft (?:PowerPoint|Word) - |PowerPoint Presentation - )/i;
const MEANINGLESS_TITLE = /^(?:untitled|presentation\d*|slide \d+|\s*)$/i;

/** The deck title the PDF's metadata gives (XMP dc:title, else Info /Title), or '' when none is usable. */
export async function metadataTitle(doc: PDFDocumentProxy): Promise<string> {
  try {
    const { info, metadata } = await doc.getMetadata();
    const infoTitle: unknown = (info as Record<string, unknown>)['Title'];
    const xmpTitle: unknown = metadata?.get('dc:title');
    for (const candidate of [xmpTitle, infoTitle]) {
      if (typeof candidate !== 'string') continue;
      const title = candidate.replace(EXPORTER_PREFIX, '').replace(/\s+/g, ' ').trim();
      if (title && !MEANINGLESS_TITLE.test(title)) return title.slice(0, 200);
    }
  } catch {
    // Broken metadata is no reason to refuse a deck: the first slide's title stands in.
  }
  return '';
}

/**
 * Whether the PDF carries JavaScript anywhere pdf.js knows of (document, open action, form
 * fields, page actions). Podium never runs it; this only decides whether to say so.
 */
export async function hasJavaScript(doc: PDFDocumentProxy, pageActions: readonly unknown[]): Promise<boolean> {
  const [documentWide, catalogActions] = await Promise.all([
    doc.hasJSActions().catch(() => false),
    doc.getJSActions().catch(() => null),
  ]);
  return documentWide || Boolean(catalogActions) || pageActions.some(Boolean);
}

/** The page labels, or null when the PDF has none (or they cannot be read). */
export async function pageLabels(doc: PDFDocumentProxy): Promise<string[] | null> {
  return doc.getPageLabels().catch(() => null);
}
