import type { Middleware } from 'koa';
import type { Logger } from 'pino';

/** One log line per request: method, path (never the query or headers, so no key leaks), status, time. */
export function requestLog(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      const status = ctx.respond === false ? 200 : ctx.status;
      logger.debug({ method: ctx.method, path: ctx.path, status, ms }, 'request');
    }
  };
}
