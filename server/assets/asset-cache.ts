import type { StoredAsset } from '../store/asset-store.js';

/** Bytes of assets kept in memory per process, by default: 64 MiB. */
export const ASSET_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Recently served assets in memory, least recently used out first, at most `maxBytes`
 * (default ASSET_CACHE_BYTES). Assets never change (their id is their hash), so nothing is
 * ever stale; concurrent reads of one id share a single database query.
 */
export class AssetCache {
  private readonly entries = new Map<string, StoredAsset>();
  private readonly pending = new Map<string, Promise<StoredAsset | null>>();
  private bytes = 0;

  constructor(
    private readonly load: (id: string) => Promise<StoredAsset | null>,
    private readonly maxBytes = ASSET_CACHE_BYTES,
  ) {}

  /** The asset with id `id`, from memory or loaded; null when there is none. */
  async get(id: string): Promise<StoredAsset | null> {
    const cached = this.entries.get(id);
    if (cached) {
      this.entries.delete(id);
      this.entries.set(id, cached);
      return cached;
    }
    const loading = this.pending.get(id) ?? this.startLoad(id);
    return loading;
  }

  private startLoad(id: string): Promise<StoredAsset | null> {
    const loading = this.load(id)
      .then((asset) => {
        if (asset) this.remember(asset);
        return asset;
      })
      .finally(() => this.pending.delete(id));
    this.pending.set(id, loading);
    return loading;
  }

  private remember(asset: StoredAsset): void {
    if (asset.bytes.length > this.maxBytes / 4 || this.entries.has(asset.id)) return;
    this.entries.set(asset.id, asset);
    this.bytes += asset.bytes.length;
    for (const [id, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(id);
      this.bytes -= old.bytes.length;
    }
  }
}
