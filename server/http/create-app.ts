import Router from '@koa/router';
import Koa from 'koa';
import type { AppDeps } from './app-deps.js';
import { errorHandler } from './error-handler.js';
import { HttpError } from './http-error.js';
import { requestLog } from './request-log.js';
import { registerDeckRoutes } from './routes/deck-routes.js';
import { registerEventRoutes } from './routes/event-routes.js';
import { registerOpsRoutes } from './routes/ops-routes.js';
import { registerPageRoutes, staticFiles } from './routes/page-routes.js';

/** Builds the Koa application from its dependencies; it opens no port and no database itself. */
export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: deps.config.trustProxy ?? false });
  // Errors are answered by errorHandler and logged there; Koa's default stderr printer stays quiet.
  app.silent = true;
  const router = new Router();
  registerOpsRoutes(router, deps);
  registerDeckRoutes(router, deps);
  registerEventRoutes(router, deps);
  registerPageRoutes(router, deps);

  app.use(requestLog(deps.logger));
  app.use(errorHandler(deps.logger));
  app.use(router.routes());
  app.use(
    router.allowedMethods({
      throw: true,
      methodNotAllowed: () => new HttpError(405, 'method_not_allowed', 'That method is not allowed on this URL.'),
      notImplemented: () => new HttpError(501, 'bad_request', 'That HTTP method is not supported.'),
    }),
  );
  app.use(staticFiles(deps.config.clientDir));
  return app;
}
