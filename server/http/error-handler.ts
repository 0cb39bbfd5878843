import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import type { ErrorBody } from '../../shared/protocol.js';
import { DatabaseUnavailableError } from '../store/database.js';
import { HttpError } from './http-error.js';

function toHttpError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  if (err instanceof DatabaseUnavailableError) {
    return new HttpError(503, 'unavailable', 'The database is not answering right now; try again in a moment.', {
      'Retry-After': '2',
    });
  }
  return null;
}

/**
 * The one place that decides what a client sees of a failure: the contract's error shape,
 * never a stack trace. Unknown routes answer 404 in the same shape.
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
      let httpError = toHttpError(err);
      if (!httpError) {
        logger.error({ err, method: ctx.method, path: ctx.path }, 'request failed');
        httpError = new HttpError(
          500,
          'internal_error',
          'Something went wrong on our side; the error has been logged.',
        );
      } else if (httpError.status === 503) {
        logger.warn({ method: ctx.method, path: ctx.path, err }, 'database unavailable');
      }
      if (ctx.headerSent || ctx.respond === false) {
        ctx.res.destroy();
        return;
      }
      const body: ErrorBody = { error: { code: httpError.code, message: httpError.message } };
      if (httpError.current) body.current = httpError.current;
      ctx.status = httpError.status;
      ctx.set(httpError.headers);
      ctx.body = body;
    }
  };
}
