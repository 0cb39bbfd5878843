import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DeckSourceInput } from '../../../server/deck/deck-types.js';

const ROOT = new URL('../../fixtures/decks/', import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A fixture deck as the importer hands it over: its Markdown, other `.md` files, and each other file as an asset URL. */
export function loadFixture(name: string, main: string): DeckSourceInput {
  const dir = join(ROOT, name);
  const input: Required<Omit<DeckSourceInput, 'title'>> = { markdown: '', assets: {}, files: {} };
  for (const path of walk(dir)) {
    const rel = relative(dir, path);
    if (rel === main) input.markdown = readFileSync(path, 'utf8');
    else if (rel.endsWith('.md')) input.files[rel] = readFileSync(path, 'utf8');
    else input.assets[rel] = `/media/${encodeURIComponent(rel)}`;
  }
  return input;
}
