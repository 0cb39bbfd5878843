import { MAX_DECK_BYTES } from '../../shared/deck-rules.js';
import { nameReferencedFiles } from './asset-references.js';

/** A file the presenter chose, with its path inside what they chose (`talk/images/a.png`; a bare name when loose). */
export interface ChosenFile {
  path: string;
  file: File;
}

/** A file to upload with the name the server sees: its path relative to the deck (`images/a.png`). */
export interface NamedFile {
  name: string;
  file: File;
}

/** What one upload carries: the deck (Markdown or PDF) and the files beside it. */
export interface DeckBundle {
  deck: NamedFile;
  kind: 'markdown' | 'pdf';
  assets: NamedFile[];
  /** How many of the assets are images. */
  images: number;
  /** Bytes of the deck and its assets together. */
  totalBytes: number;
}

/** The server's limits for an upload: 50 MiB in all, 20 MiB a file, 1 MiB of Markdown. */
export const UPLOAD_LIMITS = { totalBytes: 50 * 1048576, fileBytes: 20 * 1048576, markdownBytes: MAX_DECK_BYTES };

/** At most this many files go with a deck (the server's limit). */
export const MAX_ASSETS = 200;

const DECK_FILE = /\.(md|markdown|pdf)$/i;
const NOTES_FILE = /\.notes\.(md|markdown)$/i;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
const MARKDOWN_FILE = /\.(md|markdown)$/i;
/** Folders never part of a talk: version control, dependencies, build output. */
const IGNORED_FOLDER = /(^|\/)(\.[^/]+|node_modules|dist)\//;

/** `12.3 MiB`, `420 KiB` or `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1048576) return `${(bytes / 1048576).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

const depth = (path: string): number => path.split('/').length;
const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** The deck among the files: the shallowest .md or .pdf, not a `*.notes.md`, a README last, then by name. */
function chooseDeck(files: readonly ChosenFile[]): ChosenFile | undefined {
  const candidates = files.filter(({ path }) => DECK_FILE.test(path) && !NOTES_FILE.test(path));
  const rank = ({ path }: ChosenFile): [number, number, string] => [
    depth(path),
    /(^|\/)readme\.md$/i.test(path) ? 1 : 0,
    path,
  ];
  return candidates.sort((a, b) => {
    const [da, ra, pa] = rank(a);
    const [db, rb, pb] = rank(b);
    return da - db || ra - rb || pa.localeCompare(pb);
  })[0];
}

/** A sentence when the bundle is over one of the server's limits; null when it fits. */
function overLimit(bundle: DeckBundle): string | null {
  if (bundle.kind === 'markdown' && bundle.deck.file.size > UPLOAD_LIMITS.markdownBytes) {
    return `"${bundle.deck.name}" is ${formatBytes(bundle.deck.file.size)}; the Markdown of a deck can be at most 1 MiB.`;
  }
  const big = [bundle.deck, ...bundle.assets].find(({ file }) => file.size > UPLOAD_LIMITS.fileBytes);
  if (big) return `"${big.name}" is ${formatBytes(big.file.size)}; one file can be at most 20 MiB.`;
  if (bundle.totalBytes > UPLOAD_LIMITS.totalBytes) {
    return `These files come to ${formatBytes(bundle.totalBytes)}; a deck with its files can be at most 50 MiB.`;
  }
  if (bundle.assets.length > MAX_ASSETS) {
    return `That is ${bundle.assets.length} files besides the deck; a deck can come with at most ${MAX_ASSETS}.`;
  }
  return null;
}

/**
 * Makes an upload out of the files a presenter chose, dropped or picked as a folder: the
 * deck is the shallowest `.md` or `.pdf`; the images and Markdown files under its folder go
 * with it, named relative to it. Loose files (no folder) are named after the path the
 * Markdown uses for them (`chart.png` -> `images/chart.png`). Resolves to a sentence for
 * the presenter when there is no deck or a limit of the server would be passed.
 */
export async function buildBundle(chosen: readonly ChosenFile[]): Promise<DeckBundle | string> {
  const files = chosen.filter(({ path }) => !IGNORED_FOLDER.test(path));
  const deck = chooseDeck(files);
  if (!deck) {
    return chosen.length === 1
      ? `"${chosen[0]?.path}" is not a deck: choose a Markdown (.md) file or a PDF.`
      : 'None of these files is a deck: include the Markdown (.md) file or the PDF of the talk.';
  }
  const kind = /\.pdf$/i.test(deck.path) ? 'pdf' : 'markdown';
  const folder = folderOf(deck.path);
  const wanted = kind === 'pdf' ? NOTES_FILE : new RegExp(`${IMAGE_FILE.source}|${MARKDOWN_FILE.source}`, 'i');
  let assets: NamedFile[] = files
    .filter((entry) => entry !== deck && entry.path.startsWith(folder) && wanted.test(entry.path))
    .map(({ path, file }) => ({ name: path.slice(folder.length), file }));
  if (kind === 'markdown' && deck.file.size <= UPLOAD_LIMITS.markdownBytes) {
    assets = nameReferencedFiles(await deck.file.text(), assets);
  }
  const bundle: DeckBundle = {
    deck: { name: deck.path.slice(folder.length), file: deck.file },
    kind,
    assets,
    images: assets.filter(({ name }) => IMAGE_FILE.test(name)).length,
    totalBytes: [deck, ...assets].reduce((sum, { file }) => sum + file.size, 0),
  };
  return overLimit(bundle) ?? bundle;
}
