import type Router from '@koa/router';
import { AssetCache } from '../../assets/asset-cache.js';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../http-error.js';

/** `<sha256>` or `<sha256>.<ext>`: the extension is for people saving the file; the stored type decides. */
const ASSET_FILE = /^([0-9a-f]{64})(?:\.[a-z0-9]{1,5})?$/;

/** An SVG opened on its own may still not run script or load anything; only its inline styles apply. */
export const SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

/** One year: the longest lifetime caches honour. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

function assetNotFound(): HttpError {
  return new HttpError(404, 'not_found', 'There is no such file: the deck that used it may have been re-imported.');
}

/** True when `If-None-Match` names `etag` (or is `*`); weak comparison, as RFC 9110 asks for GET. */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * `GET /api/assets/:file`: a deck's image (or PDF) by its sha256, served from the database
 * (through an in-memory cache) with its type from its bytes, cached by browsers for a year
 * (`immutable`), a strong ETag and 304 on `If-None-Match`; SVG with a CSP that forbids script.
 */
export function registerAssetRoutes(router: Router, deps: AppDeps): void {
  const { assets } = deps.store;
  const cache = new AssetCache({ load: (id) => assets.getAsset(id), exists: (id) => assets.hasAsset(id) });

  router.get('/api/assets/:file', async (ctx) => {
    const id = ASSET_FILE.exec(ctx.params.file ?? '')?.[1];
    if (!id) throw assetNotFound();
    const etag = `"${id}"`;
    const headers = { ETag: etag, 'Cache-Control': IMMUTABLE, 'X-Content-Type-Options': 'nosniff' };
    // The id is the hash of the bytes: a client that has this ETag has exactly these bytes.
    if (matches(ctx.get('If-None-Match'), etag)) {
      ctx.set(headers);
      ctx.status = 304;
      return;
    }
    const asset = await cache.get(id);
    if (!asset) throw assetNotFound();
    ctx.set(headers);
    if (asset.type === 'image/svg+xml') ctx.set('Content-Security-Policy', SVG_CONTENT_SECURITY_POLICY);
    ctx.type = asset.type;
    ctx.length = asset.size;
    ctx.body = asset.bytes;
  });
}
