import type Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AppDeps } from '../app-deps.js';
import { HttpError } from '../http-error.js';
import { pageDeckId } from './page-deck.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

async function sendFile(ctx: Context, root: string, relative: string, immutable: boolean): Promise<boolean> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep)) return false;
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return false;
  ctx.type = TYPES[extname(path)] ?? 'application/octet-stream';
  ctx.length = info.size;
  ctx.lastModified = info.mtime;
  ctx.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  ctx.body = createReadStream(path);
  return true;
}

async function sendPage(ctx: Context, root: string, page: string): Promise<void> {
  if (!(await sendFile(ctx, root, page, false))) {
    throw new HttpError(
      503,
      'unavailable',
      'The web pages are not built yet: run `npm run build` (npm start does it for you).',
    );
  }
}

/** The pages: `/` (start), `/d/:id` (audience), `/d/:id/remote` (presenter's phone), `/d/:id/present` (presenter view) and `/d/:id/report` (the talk's report). */
export function registerPageRoutes(router: Router, deps: AppDeps): void {
  const root = normalize(deps.config.clientDir);
  router.get('/', (ctx) => sendPage(ctx, root, 'index.html'));
  const deckPages: Array<[string, string]> = [
    ['/d/:id', 'audience.html'],
    ['/d/:id/remote', 'remote.html'],
    ['/d/:id/present', 'present.html'],
    ['/d/:id/report', 'report.html'],
  ];
  for (const [path, page] of deckPages) {
    router.get(path, async (ctx) => {
      if ((await pageDeckId(ctx, deps)) !== null) await sendPage(ctx, root, page);
    });
  }
}

/** Serves the built client's other files (hashed assets are cached for good); runs after the router. */
export function staticFiles(clientDir: string): Middleware {
  const root = normalize(clientDir);
  return async (ctx, next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(ctx.path).replace(/^\/+/, '');
    } catch {
      return next();
    }
    if (relative.endsWith('.html') || !(await sendFile(ctx, root, relative, relative.startsWith('assets/')))) {
      return next();
    }
  };
}
