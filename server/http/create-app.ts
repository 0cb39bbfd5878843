import Router from '@koa/router';
import Koa from 'koa';
import type { RequestListener } from 'node:http';
import type { AppDeps } from './app-deps.js';
import { errorHandler } from './error-handler.js';
import { eventStreamListener } from './event-stream-listener.js';
import { requestLog } from './request-log.js';
import { createGuards, writeRateLimit } from './rate-limit.js';
import { registerAssetRoutes } from './routes/asset-routes.js';
import { registerDeckRoutes } from './routes/deck-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerKeyRoutes } from './routes/key-routes.js';
import { registerOpsRoutes } from './routes/ops-routes.js';
import { registerPageRoutes, staticFiles } from './routes/page-routes.js';
import { securityHeaders } from './security-headers.js';

/**
 * Builds the Koa application from its dependencies; it opens no port and no database itself.
 * `guards` default to fresh ones from `deps.config.limits`.
 */
export function createApp(deps: AppDeps, guards = createGuards(deps.config.limits)): Koa {
  // Behind a proxy, the client is the last X-Forwarded-For hop (the one the proxy appended).
  const app = new Koa({ proxy: deps.config.trustProxy ?? false, maxIpsCount: 1 });
  // Errors are answered by errorHandler and logged there; Koa's default stderr printer stays quiet.
  app.silent = true;
  const router = new Router();
  registerOpsRoutes(router, deps);
  registerDeckRoutes(router, deps, guards);
  registerAssetRoutes(router, deps);
  registerKeyRoutes(router, deps, guards);
  registerEventRoutes(router, deps, guards);
  registerPageRoutes(router, deps);

  app.use(requestLog(deps.logger));
  app.use(errorHandler(deps.logger));
  app.use(securityHeaders());
  app.use(writeRateLimit(guards));
  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use(staticFiles(deps.config.clientDir));
  return app;
}

/** The server's request listener: the app, with event streams served in front of it (see eventStreamListener). */
export function createRequestListener(deps: AppDeps): RequestListener {
  const guards = createGuards(deps.config.limits);
  return eventStreamListener(createApp(deps, guards), deps, guards);
}
