import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import QRCode from 'qrcode';
import type { Deck } from '../shared/protocol.js';
import type { CliConfig } from './config.js';
import { parseDeck } from './deck/parse-deck.js';
import { deckLinks } from './http/deck-links.js';
import { isLoopback, lanAddress } from './http/lan-address.js';
import type { DeckStore } from './store/deck-store.js';

/** A deck served from a Markdown file, with a pairing key minted for this start. */
export interface ServedDeck {
  deck: Deck;
  presenterKey: string;
  source: string;
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
  const content = parseDeck(markdown);
  if (!content) throw new Error(`${path} has no slides: write some Markdown, with a line of --- between slides.`);
  const sourceHash = createHash('sha256').update(markdown).digest('hex');
  const deck = await store.upsertDeck(id, content, sourceHash);
  const minted = await store.keys.mint(id, `npm start ${new Date().toISOString()}`);
  if (minted.kind !== 'minted') throw new Error(`deck ${id} refused a presenter key`);
  return { deck, presenterKey: minted.key, source: path };
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
    `Start page (new decks, join by code): ${base}/`,
    `Press Ctrl+C to stop.`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
