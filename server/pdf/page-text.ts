/** A piece of text on a page, as pdf.js reports it (`TextItem`): `transform[4..5]` is its origin. */
export interface PositionedText {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface Line {
  top: number;
  left: number;
  height: number;
  parts: PositionedText[];
}

function isSameLine(line: Line, item: PositionedText): boolean {
  const y = item.transform[5] ?? 0;
  return Math.abs(line.top - y) <= Math.max(line.height, item.height, 1) * 0.4;
}

function joinParts(parts: PositionedText[]): string {
  const sorted = [...parts].sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  for (const part of sorted) {
    const x = part.transform[4] ?? 0;
    // A visible gap between two runs is a space the PDF did not write out.
    const gap = x - end > Math.max(part.height, 1) * 0.2;
    if (text && gap && !/\s$/.test(text) && !/^\s/.test(part.str)) text += ' ';
    text += part.str;
    end = x + part.width;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The lines of a page in reading order: runs on one baseline form a line (left to right),
 * lines go top to bottom. Empty lines are dropped.
 */
export function pageLines(items: readonly PositionedText[]): string[] {
  const lines: Line[] = [];
  for (const item of items) {
    if (!item.str.trim()) continue;
    const line = lines.find((candidate) => isSameLine(candidate, item));
    if (line) {
      line.parts.push(item);
      line.left = Math.min(line.left, item.transform[4] ?? 0);
    } else {
      lines.push({
        top: item.transform[5] ?? 0,
        left: item.transform[4] ?? 0,
        height: item.height,
        parts: [item],
      });
    }
  }
  // PDF space grows upwards: the highest baseline is read first.
  lines.sort((a, b) => b.top - a.top || a.left - b.left);
  return lines.map((line) => joinParts(line.parts)).filter((text) => text.length > 0);
}
