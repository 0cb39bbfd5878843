import { parse } from 'yaml';

/** A plain YAML mapping, or null when `text` is not one (a list, a scalar, invalid YAML). */
export function parseMapping(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = parse(text, { prettyErrors: false, maxAliasCount: 50 });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    return value as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Head front matter: a `---` first line, a YAML mapping, and a closing `---` or `...`. */
export interface FrontMatter {
  data: Record<string, unknown>;
  /** The lines after the front matter. */
  rest: string[];
}

/** Reads YAML front matter from the top of a deck's lines; none when the block is not a YAML mapping. */
export function readFrontMatter(lines: string[]): FrontMatter {
  if (lines[0]?.trim() !== '---') return { data: {}, rest: lines };
  const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  if (end < 0) return { data: {}, rest: lines };
  const data = parseMapping(lines.slice(1, end).join('\n'));
  return data ? { data, rest: lines.slice(end + 1) } : { data: {}, rest: lines };
}

/** A string setting from front matter, trimmed; undefined when absent or not text. */
export function stringSetting(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
