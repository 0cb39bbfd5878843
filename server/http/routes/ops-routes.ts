import type Router from '@koa/router';
import type { HealthBody } from '../../../shared/protocol.js';
import type { AppDeps } from '../app-deps.js';
import { requireMetricsToken } from '../metrics-auth.js';
import { DEAF_REASON } from '../../store/hearing-probe.js';

const PING_TIMEOUT_MS = 2000;

/** `/healthz` (database and listener) and `/metrics` (Prometheus text). */
export function registerOpsRoutes(router: Router, deps: AppDeps): void {
  router.get('/healthz', async (ctx) => {
    const databaseUp = await Promise.race([
      deps.store.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), PING_TIMEOUT_MS).unref()),
    ]);
    const listening = deps.listener.connected;
    const hearing = deps.listener.hearing;
    const body: HealthBody = {
      status: databaseUp && listening && hearing ? 'ok' : 'degraded',
      database: databaseUp ? 'ok' : 'down',
      listener: listening ? 'connected' : 'disconnected',
      notifications: hearing ? 'arriving' : 'not_arriving',
    };
    if (!hearing) body.reason = DEAF_REASON;
    ctx.status = body.status === 'ok' ? 200 : 503;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = body;
  });

  router.get('/metrics', async (ctx) => {
    requireMetricsToken(ctx, deps.config.metricsToken);
    ctx.type = deps.metrics.registry.contentType;
    ctx.body = await deps.metrics.registry.metrics();
  });
}
