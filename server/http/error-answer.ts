import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ErrorBody } from '../../shared/protocol.js';
import { DatabaseUnavailableError, OutcomeUnknownError } from '../store/database.js';
import { HttpError } from './http-error.js';
import { logRefusal } from './refusal-log.js';

/** What a client is told of a failure: status, extra headers and the contract's error body. */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

function toHttpError(err: unknown): HttpError | null {
  if (err instanceof HttpError) return err;
  if (err instanceof DatabaseUnavailableError) {
    return new HttpError(503, 'unavailable', 'The database is not answering right now; try again in a moment.', {
      'Retry-After': '2',
    });
  }
  if (err instanceof OutcomeUnknownError) {
    return new HttpError(503, 'outcome_unknown', 'The change may or may not have been applied; reload the state.', {
      'Retry-After': '2',
    });
  }
  return null;
}

/**
 * The one place that decides what a client sees of a failure: the contract's error shape,
 * never a stack trace. Unknown errors are logged (with `request`) and answered 500.
 */
export function errorAnswer(err: unknown, logger: Logger, request: { method: string; path: string }): ErrorAnswer {
  let httpError = toHttpError(err);
  if (!httpError) {
    logger.error({ err, ...request }, 'request failed');
    httpError = new HttpError(500, 'internal_error', 'Something went wrong on our side; the error has been logged.');
  } else if (err instanceof DatabaseUnavailableError || err instanceof OutcomeUnknownError) {
    logger.warn({ ...request, err }, 'database unavailable');
  } else if (httpError.status === 503 || httpError.status === 429 || httpError.status === 507) {
    logRefusal(logger, httpError.status, httpError.code);
  }
  const body: ErrorBody = { error: { code: httpError.code, message: httpError.message } };
  if (httpError.current) body.current = httpError.current;
  return { status: httpError.status, headers: httpError.headers, body };
}

/** Writes `answer` on a raw response as JSON (headers only for HEAD), for paths that run outside Koa. */
export function sendErrorAnswer(res: ServerResponse, answer: ErrorAnswer, head: boolean): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...answer.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(head ? undefined : text);
}
