import { guardConnection, type Database } from './database.js';

/** A stored file as it is served. */
export interface StoredAsset {
  /** Hex sha256 of `bytes`. */
  id: string;
  /** Content-Type, from the bytes (never from a name). */
  type: string;
  size: number;
  bytes: Buffer;
}

/** One file of a deck: its path relative to the deck and the asset it names. */
export interface DeckAssetLink {
  path: string;
  id: string;
}

interface AssetRow {
  id: string;
  type: string;
  size: number;
  bytes: Uint8Array;
}

/** Both drivers hand bytea back as bytes: node-postgres as a Buffer, PGlite as a Uint8Array. */
function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Asset SQL: content-addressed blobs and the deck links that name them. Connection failures become DatabaseUnavailableError. */
export class AssetStore {
  constructor(private readonly db: Database) {}

  /** Stores each asset once (an id already stored keeps its bytes and is marked fresh), in one transaction. */
  async saveAssets(assets: readonly Omit<StoredAsset, 'size'>[]): Promise<void> {
    if (assets.length === 0) return;
    await guardConnection(() =>
      this.db.transaction(async (tx) => {
        for (const asset of assets) {
          await tx.query(
            // Storing a file again makes it fresh, so the orphan sweep spares it until the deck links it.
            `INSERT INTO assets (id, type, size, bytes) VALUES ($1, $2, $3, $4)
             ON CONFLICT (id) DO UPDATE SET created_at = now()`,
            [asset.id, asset.type, asset.bytes.length, asset.bytes],
          );
        }
      }),
    );
  }

  /** Makes `links` the files of deck `deckId`, replacing what it had. */
  async linkDeckAssets(deckId: string, links: readonly DeckAssetLink[]): Promise<void> {
    await guardConnection(() =>
      this.db.transaction(async (tx) => {
        await tx.query('DELETE FROM deck_assets WHERE deck_id = $1', [deckId]);
        if (links.length === 0) return;
        await tx.query(
          `INSERT INTO deck_assets (deck_id, path, asset_id)
           SELECT $1, path, asset_id FROM unnest($2::text[], $3::text[]) AS link(path, asset_id)`,
          [deckId, links.map((link) => link.path), links.map((link) => link.id)],
        );
      }),
    );
  }

  /** The files of deck `deckId`, by path. */
  async deckAssets(deckId: string): Promise<DeckAssetLink[]> {
    return guardConnection(() =>
      this.db.query<DeckAssetLink>('SELECT path, asset_id AS id FROM deck_assets WHERE deck_id = $1 ORDER BY path', [
        deckId,
      ]),
    );
  }

  /** Whether the file `id` is stored (not freed): one tiny query, no bytes read. */
  async hasAsset(id: string): Promise<boolean> {
    const rows = await guardConnection(() => this.db.query('SELECT 1 FROM assets WHERE id = $1', [id]));
    return rows.length > 0;
  }

  /** One asset with its bytes, or null. */
  async getAsset(id: string): Promise<StoredAsset | null> {
    const rows = await guardConnection(() =>
      this.db.query<AssetRow>('SELECT id, type, size, bytes FROM assets WHERE id = $1', [id]),
    );
    const row = rows[0];
    return row ? { id: row.id, type: row.type, size: row.size, bytes: toBuffer(row.bytes) } : null;
  }
}
