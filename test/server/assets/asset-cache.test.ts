import { describe, expect, it } from 'vitest';
import { AssetCache } from '../../../server/assets/asset-cache.js';
import type { StoredAsset } from '../../../server/store/asset-store.js';

/** An in-memory stand-in for the assets table that counts what it was asked. */
class Files {
  readonly stored = new Map<string, StoredAsset>();
  loads = 0;
  checks = 0;

  add(id: string, size = 10): void {
    this.stored.set(id, { id, type: 'image/png', size, bytes: Buffer.alloc(size, 1) });
  }
  load = async (id: string) => {
    this.loads += 1;
    return this.stored.get(id) ?? null;
  };
  exists = async (id: string) => {
    this.checks += 1;
    return this.stored.has(id);
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('AssetCache', () => {
  it('serves a recent copy from memory, and shares one load between concurrent reads', async () => {
    const files = new Files();
    files.add('a');
    const cache = new AssetCache(files, 1000, 60_000);
    const [first, second] = await Promise.all([cache.get('a'), cache.get('a')]);
    expect(first?.id).toBe('a');
    expect(second).toBe(first);
    expect(await cache.get('a')).toBe(first);
    expect(files.loads).toBe(1);
    expect(files.checks).toBe(0);
    expect(await cache.get('missing')).toBeNull();
  });

  it('asks whether an older copy is still stored, and stops serving a freed file', async () => {
    const files = new Files();
    files.add('a');
    const cache = new AssetCache(files, 1000, 5);
    expect(await cache.get('a')).not.toBeNull();
    await sleep(20);
    // Still stored: served from memory after a check, without reading the bytes again.
    expect(await cache.get('a')).not.toBeNull();
    expect(files.loads).toBe(1);
    expect(files.checks).toBe(1);
    files.stored.delete('a');
    await sleep(20);
    expect(await cache.get('a')).toBeNull();
    expect(await cache.get('a')).toBeNull();
  });

  it('serves its copy while the database cannot say whether the file is still stored', async () => {
    const files = new Files();
    files.add('a');
    const cache = new AssetCache(files, 1000, 5);
    expect(await cache.get('a')).not.toBeNull();
    await sleep(20);
    files.exists = () => Promise.reject(new Error('the database is not answering'));
    expect((await cache.get('a'))?.id).toBe('a');
    expect((await cache.get('a'))?.id).toBe('a');
    expect(files.loads).toBe(1);
  });

  it('keeps at most its bytes, least recently used out first, and never a file over a quarter of them', async () => {
    const files = new Files();
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) files.add(id, 20);
    files.add('huge', 30);
    const cache = new AssetCache(files, 100, 60_000);
    for (const id of ['a', 'b', 'c', 'd', 'e']) await cache.get(id);
    await cache.get('a'); // b is now the least recently used
    await cache.get('f'); // 120 bytes: b goes
    files.loads = 0;
    for (const id of ['a', 'c', 'd', 'e', 'f']) await cache.get(id);
    expect(files.loads).toBe(0);
    await cache.get('b');
    expect(files.loads).toBe(1);
    await cache.get('huge');
    await cache.get('huge');
    expect(files.loads).toBe(3);
  });
});
