import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { errorAnswer } from './error-answer.js';
import { HttpError } from './http-error.js';

/**
 * Koa's side of errorAnswer: every failure of a route answered in the contract's shape.
 * Unknown routes and wrong methods answer 404 and 405 in the same shape.
 */
export function errorHandler(logger: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.body === undefined && ctx.respond !== false) {
        // The router answered with a bare status (no route, wrong method): give it the error shape.
        if (ctx.status === 404) throw new HttpError(404, 'not_found', `Nothing lives at ${ctx.method} ${ctx.path}.`);
        if (ctx.status === 405) {
          throw new HttpError(
            405,
            'method_not_allowed',
            `${ctx.method} is not allowed here; use ${ctx.response.get('Allow') || 'another method'}.`,
          );
        }
        // An unknown method is the client's mistake, not ours: 405, never a 5xx.
        if (ctx.status === 501) {
          throw new HttpError(405, 'method_not_allowed', `The HTTP method ${ctx.method} is not supported here.`, {
            Allow: ctx.response.get('Allow') || 'GET, HEAD',
          });
        }
      }
    } catch (err) {
      const answer = errorAnswer(err, logger, { method: ctx.method, path: ctx.path });
      if (ctx.headerSent || ctx.respond === false) {
        ctx.res.destroy();
        return;
      }
      ctx.status = answer.status;
      ctx.set(answer.headers);
      ctx.body = answer.body;
    }
  };
}
