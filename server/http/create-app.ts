import Router from '@koa/router';
import Koa from 'koa';
import type { RequestListener } from 'node:http';
import type { AppDeps } from './app-deps.js';
import { clientIp, trustsAnyProxy } from '../security/proxy-trust.js';
import { errorHandler } from './error-handler.js';
import { eventStreamHandler } from './event-stream.js';
import { compressAnswers } from './compress-answers.js';
import { createGuards, readRateLimit, writeRateLimit } from './rate-limit.js';
import { DeckAdmission } from './deck-admission.js';
import { requestLog } from './request-log.js';
import { registerAssetRoutes } from './routes/asset-routes.js';
import { registerDeckRoutes } from './routes/deck-routes.js';
import { registerClockRoutes } from './routes/clock-routes.js';
import { registerDeckDeleteRoutes } from './routes/deck-delete-routes.js';
import { registerKeyRoutes } from './routes/key-routes.js';
import { registerLinkRoutes } from './routes/link-routes.js';
import { registerPollRoutes } from './routes/poll-routes.js';
import { registerQuestionRoutes } from './routes/question-routes.js';
import { createRoomLimits } from './room-limits.js';
import { registerOpsRoutes } from './routes/ops-routes.js';
import { registerPageRoutes, staticFiles } from './routes/page-routes.js';
import { registerRoomRoutes } from './routes/room-routes.js';
import { registerReportRoutes } from './routes/report-routes.js';
import { registerSettingsRoutes } from './routes/settings-routes.js';
import { securityHeaders } from './security-headers.js';

/** The Koa application: every route but the event stream. It opens no port and no database itself. */
function createApp(deps: AppDeps): Koa {
  const guards = createGuards(deps.config.limits);
  const app = new Koa({ proxy: trustsAnyProxy(deps.config.proxyTrust) });
  // Errors are answered by errorHandler and logged there; Koa's default stderr printer stays quiet.
  app.silent = true;
  const router = new Router();
  registerOpsRoutes(router, deps);
  const admission = new DeckAdmission(deps.config, deps.store.admission, deps.config.adminToken === undefined);
  registerDeckRoutes(router, deps, guards, admission);
  registerClockRoutes(router, deps, guards);
  registerSettingsRoutes(router, deps, guards);
  registerAssetRoutes(router, deps);
  registerDeckDeleteRoutes(router, deps);
  registerKeyRoutes(router, deps, guards);
  registerLinkRoutes(router, deps);
  const roomLimits = createRoomLimits(deps.config.limits);
  registerQuestionRoutes(router, deps, roomLimits);
  registerPollRoutes(router, deps, roomLimits);
  registerRoomRoutes(router, deps, guards);
  registerReportRoutes(router, deps);
  registerPageRoutes(router, deps);

  // ctx.ip is the address the trusted proxy saw (see clientIp), never the client's own X-Forwarded-For.
  app.use((ctx, next) => {
    ctx.request.ip = clientIp(ctx.req, deps.config.proxyTrust);
    return next();
  });
  app.use(requestLog(deps.logger));
  app.use(errorHandler(deps.logger));
  app.use(securityHeaders());
  app.use(compressAnswers());
  app.use(readRateLimit(guards));
  app.use(writeRateLimit(guards));
  app.use(router.routes());
  app.use(router.allowedMethods());
  app.use(staticFiles(deps.config.clientDir));
  return app;
}

/** The server's request listener: the event stream's path served in front of Koa (see eventStreamHandler), the rest by Koa. */
export function createRequestListener(deps: AppDeps): RequestListener {
  const serveEventStream = eventStreamHandler(deps);
  const koa = createApp(deps).callback();
  return (req, res) => {
    if (!serveEventStream(req, res)) void koa(req, res);
  };
}
