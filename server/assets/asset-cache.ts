import type { StoredAsset } from '../store/asset-store.js';

/** Bytes of assets kept in memory per process, by default: 64 MiB. */
export const ASSET_CACHE_BYTES = 64 * 1024 * 1024;
/** How long a copy in memory is served before the database is asked whether the file is still stored. */
export const ASSET_RECHECK_MS = 30_000;

/** Where the cache reads from: the file itself, and whether it is still stored. */
export interface AssetSource {
  load(id: string): Promise<StoredAsset | null>;
  exists(id: string): Promise<boolean>;
}

interface Entry {
  asset: StoredAsset;
  /** When the database last said this file is stored (performance.now()). */
  checkedAt: number;
}

/**
 * Recently served assets in memory, least recently used out first, at most `maxBytes`
 * (default ASSET_CACHE_BYTES). Assets never change (their id is their hash), but a file no deck
 * uses any more is freed: a copy older than `recheckMs` is served only once the database says
 * the file is still there (one small query per file at most that often), so a freed file stops
 * being served within that time on every process. Concurrent reads of one id share one query.
 */
export class AssetCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<StoredAsset | null>>();
  private bytes = 0;

  constructor(
    private readonly source: AssetSource,
    private readonly maxBytes = ASSET_CACHE_BYTES,
    private readonly recheckMs = ASSET_RECHECK_MS,
  ) {}

  /** The asset with id `id`, from memory or loaded; null when there is none. */
  async get(id: string): Promise<StoredAsset | null> {
    const cached = this.entries.get(id);
    if (cached && performance.now() - cached.checkedAt <= this.recheckMs) {
      this.entries.delete(id);
      this.entries.set(id, cached);
      return cached.asset;
    }
    return this.pending.get(id) ?? this.start(id, cached);
  }

  private start(id: string, cached: Entry | undefined): Promise<StoredAsset | null> {
    const asked = performance.now();
    const loading = (
      cached
        ? this.recheck(id, cached, asked)
        : this.source.load(id).then((asset) => {
            if (asset) this.remember(asset, asked);
            return asset;
          })
    ).finally(() => this.pending.delete(id));
    this.pending.set(id, loading);
    return loading;
  }

  private async recheck(id: string, cached: Entry, asked: number): Promise<StoredAsset | null> {
    let stored: boolean;
    try {
      stored = await this.source.exists(id);
    } catch {
      // The database is not answering: serve the copy, stored when it last answered, and ask again next time.
      return cached.asset;
    }
    if (!stored) {
      this.drop(id);
      return null;
    }
    cached.checkedAt = asked;
    if (this.entries.delete(id)) this.entries.set(id, cached);
    return cached.asset;
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.bytes -= entry.asset.bytes.length;
  }

  private remember(asset: StoredAsset, checkedAt: number): void {
    if (asset.bytes.length > this.maxBytes / 4) return;
    this.drop(asset.id);
    this.entries.set(asset.id, { asset, checkedAt });
    this.bytes += asset.bytes.length;
    for (const [id, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(id);
      this.bytes -= old.asset.bytes.length;
    }
  }
}
