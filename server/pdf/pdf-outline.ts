import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface OutlineNode {
  title: string;
  dest: string | unknown[] | null;
  items: unknown[];
}

function isOutlineNode(value: unknown): value is OutlineNode {
  if (typeof value !== 'object' || value === null) return false;
  const node = value as Record<string, unknown>;
  return typeof node.title === 'string' && Array.isArray(node.items);
}

function isRef(value: unknown): value is { num: number; gen: number } {
  if (typeof value !== 'object' || value === null) return false;
  const ref = value as Record<string, unknown>;
  return Number.isInteger(ref.num) && Number.isInteger(ref.gen);
}

async function pageIndexOf(doc: PDFDocumentProxy, dest: OutlineNode['dest']): Promise<number | null> {
  const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
  const target: unknown = explicit?.[0];
  if (Number.isInteger(target)) return target as number;
  if (isRef(target)) return doc.getPageIndex(target);
  return null;
}

/**
 * Titles from the PDF outline (bookmarks), by 0-based page index. When several entries point
 * to one page, the deepest wins (a frame inside a section); ties go to the first. A broken
 * entry is skipped; an outline that cannot be read at all gives an empty map.
 */
export async function outlineTitles(doc: PDFDocumentProxy): Promise<Map<number, string>> {
  const titles = new Map<number, { title: string; depth: number }>();
  const visit = async (nodes: unknown[], depth: number): Promise<void> => {
    for (const node of nodes) {
      if (!isOutlineNode(node)) continue;
      const title = node.title.replace(/\s+/g, ' ').trim();
      const page = await pageIndexOf(doc, node.dest).catch(() => null);
      const known = page === null ? undefined : titles.get(page);
      if (page !== null && title && (!known || known.depth < depth)) titles.set(page, { title, depth });
      // Bookmark trees are shallow in practice; the bound guards against hostile nesting.
      if (depth < 16) await visit(node.items, depth + 1);
    }
  };
  try {
    await visit((await doc.getOutline()) ?? [], 0);
  } catch {
    return new Map();
  }
  return new Map([...titles].map(([page, { title }]) => [page, title]));
}
