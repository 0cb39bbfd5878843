import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import QRCode from 'qrcode';
import type { Deck, DeckWarning } from '../shared/protocol.js';
import { sniffAssetType } from './assets/asset-type.js';
import { assetLinks, assetRows, renderDeckWithAssets, type DeckWithAssets } from './assets/deck-with-assets.js';
import { renderPdfWithAssets } from './assets/pdf-with-assets.js';
import { PdfError } from './pdf/pdf-errors.js';
import { readFolderAssets } from './assets/folder-assets.js';
import type { CliConfig } from './config.js';
import { deckLinks } from './http/deck-links.js';
import { isLoopback, lanAddress } from './http/lan-address.js';
import type { DeckStore } from './store/deck-store.js';

/** A deck served from a Markdown file, with a pairing key minted for this start. */
export interface ServedDeck {
  deck: Deck;
  presenterKey: string;
  source: string;
  /** What was dropped or missing at import (images not found, files refused). */
  warnings: DeckWarning[];
}

/** A stable id for a file: its name as a slug plus a short hash of its absolute path. */
export function deckIdForFile(path: string): string {
  const absolute = resolve(path);
  const slug = basename(absolute, extname(absolute))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const hash = createHash('sha256').update(absolute).digest('hex').slice(0, 6);
  return `${slug || 'deck'}-${hash}`;
}

/**
 * Renders the deck file at `path`: a PDF (with `<name>.notes.md` beside it as its notes) or
 * Markdown with the files its slides reference from its folder. `source` is what identifies
 * the deck's own text for change detection.
 */
async function renderDeckFile(
  path: string,
  bytes: Buffer,
): Promise<{ rendered: DeckWithAssets; folderWarnings: DeckWarning[]; source: Buffer }> {
  if (sniffAssetType(bytes)?.kind === 'pdf') {
    const notesPath = path.replace(/\.pdf$/i, '') + '.notes.md';
    const notes = await readFile(notesPath, 'utf8').catch(() => undefined);
    const rendered = await withPdfErrors(path, () => renderPdfWithAssets(bytes, undefined, notes));
    return { rendered, folderWarnings: [], source: Buffer.concat([bytes, Buffer.from(notes ?? '')]) };
  }
  const markdown = bytes.toString('utf8');
  const folder = await readFolderAssets(path, markdown);
  const rendered = await renderDeckWithAssets(markdown, undefined, folder.files);
  return { rendered, folderWarnings: folder.warnings, source: bytes };
}

/** The renderer's warnings, less a "missing" one for a file the folder scan already said it left out. */
function withoutRepeats(folder: DeckWarning[], rendered: DeckWarning[]): DeckWarning[] {
  const named = folder.map((warning) => /"([^"]+)"/.exec(warning.message)?.[1]).filter((path) => path !== undefined);
  const repeats = (warning: DeckWarning) =>
    warning.code === 'missing_asset' && named.some((path) => warning.message.includes(`"${path}"`));
  return [...folder, ...rendered.filter((warning) => !repeats(warning))];
}

/** A refused PDF stops `npm start` with the renderer's sentence, naming the file. */
async function withPdfErrors<T>(path: string, render: () => Promise<T>): Promise<T> {
  try {
    return await render();
  } catch (err) {
    if (err instanceof PdfError) throw new Error(`Podium cannot present ${path}: ${err.message}`, { cause: err });
    throw err;
  }
}

/**
 * Loads `path` into deck `id` (created on first start, refreshed when the file or one of its
 * files changed; screens then fetch it again) and returns it with its import warnings.
 */
export async function loadDeckFile(
  store: DeckStore,
  path: string,
  id: string,
): Promise<{ deck: Deck; warnings: DeckWarning[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new Error(`Podium cannot read the deck ${path}: ${(err as Error).message}`, { cause: err });
  }
  const { rendered, folderWarnings, source } = await renderDeckFile(path, bytes);
  const content = rendered.content;
  if (!content) throw new Error(`${path} has no slides: write some Markdown, with a line of --- between slides.`);
  // An edited image (or notes file) is a changed deck too.
  const sourceHash = createHash('sha256')
    .update(source)
    .update(rendered.assets.map((asset) => `${asset.path}\0${asset.id}`).join('\n'))
    .digest('hex');
  const warnings = withoutRepeats(folderWarnings, rendered.warnings);
  await store.assets.saveAssets(assetRows(rendered.assets));
  const deck = await store.upsertDeck(id, { ...content, warnings }, sourceHash);
  await store.assets.linkDeckAssets(id, assetLinks(rendered.assets));
  return { deck, warnings };
}

/** Loads `path` into deck `id` (see loadDeckFile) and mints a new presenter key; keys printed at earlier starts keep working. */
export async function serveDeckFile(store: DeckStore, path: string, id = deckIdForFile(path)): Promise<ServedDeck> {
  const { deck, warnings } = await loadDeckFile(store, path, id);
  const minted = await store.keys.mint(id, `npm start ${new Date().toISOString()}`);
  if (minted.kind !== 'minted') throw new Error(`deck ${id} refused a presenter key`);
  return { deck, presenterKey: minted.key, source: path, warnings };
}

/** Base URL for printed links: PUBLIC_URL, else the LAN address, else localhost. */
export function publicBase(config: CliConfig, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = isLoopback(config.host) ? config.host : (lanAddress() ?? 'localhost');
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Prints where Podium runs, the audience and remote links, and a QR code for each. */
export async function printWelcome(info: {
  config: CliConfig;
  port: number;
  served: ServedDeck;
  startupMs: number;
  database: string;
}): Promise<void> {
  const base = publicBase(info.config, info.port);
  const links = deckLinks(base, info.served.deck.id, info.served.presenterKey);
  const qr = (text: string) => QRCode.toString(text, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
  const lines = [
    '',
    `Podium is running at ${base}/ on ${info.database} (ready in ${Math.round(info.startupMs)} ms).`,
    `Serving "${info.served.deck.title}" (${info.served.deck.slides.length} slides) from ${info.served.source}.`,
    '',
    `Audience: share this link or QR code with the room`,
    `  ${links.audience}`,
    await qr(links.audience),
    `Presenter remote: open this on your phone and keep it private`,
    `  ${links.remote}`,
    await qr(links.remote),
    ...importReport(info.served.warnings),
    `Start page (new decks, join by code): ${base}/`,
    `Press Ctrl+C to stop.`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

/** The import warnings as terminal lines, or a line saying there were none. */
export function importReport(warnings: readonly DeckWarning[]): string[] {
  if (warnings.length === 0) return ['Import: no warnings, every image was found.', ''];
  return [`Import warnings (${warnings.length}):`, ...warnings.map((warning) => `  - ${warning.message}`), ''];
}
