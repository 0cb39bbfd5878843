import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import QRCode from 'qrcode';
import type { Deck, DeckWarning } from '../shared/protocol.js';
import { assetLinks, assetRows, renderDeckWithAssets } from './assets/deck-with-assets.js';
import { readFolderAssets } from './assets/folder-assets.js';
import type { CliConfig } from './config.js';
import { deckLinks } from './http/deck-links.js';
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
 * Loads `path` into deck `id` (created on first start, refreshed when the file changed)
 * and mints a new presenter key; keys printed at earlier starts keep working.
 */
export async function serveDeckFile(store: DeckStore, path: string, id = deckIdForFile(path)): Promise<ServedDeck> {
  let markdown: string;
  try {
    markdown = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`Podium cannot read the deck ${path}: ${(err as Error).message}`, { cause: err });
  }
  const folder = await readFolderAssets(path, markdown);
  const rendered = await renderDeckWithAssets(markdown, undefined, folder.files);
  const content = rendered.content;
  if (!content) throw new Error(`${path} has no slides: write some Markdown, with a line of --- between slides.`);
  // An edited image is a changed deck too.
  const sourceHash = createHash('sha256')
    .update(markdown)
    .update(rendered.assets.map((asset) => `${asset.path}\0${asset.id}`).join('\n'))
    .digest('hex');
  await store.assets.saveAssets(assetRows(rendered.assets));
  const deck = await store.upsertDeck(id, content, sourceHash);
  await store.assets.linkDeckAssets(id, assetLinks(rendered.assets));
  const minted = await store.keys.mint(id, `npm start ${new Date().toISOString()}`);
  if (minted.kind !== 'minted') throw new Error(`deck ${id} refused a presenter key`);
  return { deck, presenterKey: minted.key, source: path, warnings: [...folder.warnings, ...rendered.warnings] };
}

/** The first non-internal IPv4 address, so a phone on the same network can open the links. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return null;
}

/** Base URL for printed links: PUBLIC_URL, else the LAN address, else localhost. */
export function publicBase(config: CliConfig, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const loopback = config.host === '127.0.0.1' || config.host === 'localhost' || config.host === '::1';
  const host = loopback ? config.host : (lanAddress() ?? 'localhost');
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
function importReport(warnings: readonly DeckWarning[]): string[] {
  if (warnings.length === 0) return ['Import: no warnings, every image was found.', ''];
  return [`Import warnings (${warnings.length}):`, ...warnings.map((warning) => `  - ${warning.message}`), ''];
}
