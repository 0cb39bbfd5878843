import type Router from '@koa/router';
import type { AppDeps } from '../app-deps.js';
import { linkBases } from '../link-base.js';

/** `GET /api/link-bases`: the address links use, and the machine's others the start page offers. */
export function registerLinkRoutes(router: Router, deps: AppDeps): void {
  router.get('/api/link-bases', (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = linkBases(ctx, deps.config);
  });
}
