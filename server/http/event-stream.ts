import type { IncomingMessage, ServerResponse } from 'node:http';
import { SSE_HEADERS } from '../hub/sse-frame.js';
import { addressKey, clientIp } from '../security/client-address.js';
import type { AppDeps } from './app-deps.js';
import { parseDeckId } from './deck-id.js';
import { errorAnswer, sendErrorAnswer } from './error-answer.js';
import { deckNotFound, HttpError } from './http-error.js';
import { tooManyRequests } from './rate-limit.js';
import { setSecurityHeaders } from './security-headers.js';

/** A deck's event stream, matched as the router matches routes: any case, an optional trailing slash. */
const EVENTS_PATH = /^\/api\/decks\/([^/]+)\/events\/?$/i;

/** Seconds a refused viewer is asked to wait before reconnecting. */
const STREAM_RETRY_AFTER_S = 5;

/** The methods of the event stream, as the `Allow` header lists them. */
const ALLOW = 'HEAD, GET';

/** Methods the router knows; any other is "not supported" rather than "not allowed here". */
const KNOWN_METHODS = new Set(['HEAD', 'OPTIONS', 'GET', 'PUT', 'PATCH', 'POST', 'DELETE']);

/** Answers a request and returns true, or returns false at once for a request it does not own. */
export type OwningHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * `/api/decks/:id/events`, every method and every outcome: the stream, HEAD, the stream caps'
 * refusals, 404 and failed reads, in the contract's error shape with the security headers.
 * It runs in front of Koa on the raw request: a stream lives for hours, and Koa keeps each
 * request's context reachable until the response ends, ~5 KB per viewer that nothing reads
 * again. Steps: register with the hub (which applies the caps), read the state, start.
 */
export function eventStreamHandler(deps: AppDeps): OwningHandler {
  return (req, res) => {
    const path = (req.url ?? '').split(/[?#]/, 1)[0] ?? '';
    const match = EVENTS_PATH.exec(path);
    if (!match) return false;
    const started = performance.now();
    const method = req.method ?? 'GET';
    const log = (status: number) => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      deps.logger.debug({ method, path, status, ms }, 'request');
    };
    // A stream's own head carries the security headers, built once (see streamHeaders); every other answer sets them here.
    if (method !== 'GET') setSecurityHeaders(req, res);
    answer(deps, req, res, match[1]).then(
      (status) => status !== null && log(status),
      (err: unknown) => {
        const failure = errorAnswer(err, deps.logger, { method, path });
        if (res.headersSent || res.destroyed) res.destroy();
        else {
          if (method === 'GET') setSecurityHeaders(req, res);
          sendErrorAnswer(res, failure, method === 'HEAD');
        }
        log(failure.status);
      },
    );
    return true;
  };
}

/** Serves one request of the path; resolves with the status sent (null: the client left first) or throws an HttpError. */
async function answer(
  deps: AppDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rawId?: string,
): Promise<number | null> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(200, { Allow: ALLOW, 'Content-Length': 0 }).end();
    return 200;
  }
  if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method);
  const id = parseDeckId(rawId);
  if (id === null) throw deckNotFound();
  if (method === 'HEAD') {
    // A HEAD gets the stream's headers and no stream: holding it open would stall the connection.
    if (!(await deps.states.load(id))) throw deckNotFound();
    res.writeHead(200, { ...SSE_HEADERS, Connection: 'close', 'Content-Length': 0 }).end();
    return 200;
  }
  // Register first, read second: a change committed in between reaches the stream either way.
  const ip = deps.config.trustProxy ? clientIp(req, true) : (req.socket.remoteAddress ?? '');
  const stream = deps.hub.open(id, res, addressKey(ip));
  if (stream === 'process') throw serverFull();
  if (stream === 'address') {
    const message = 'Too many open streams from your network; close some tabs and try again.';
    throw tooManyRequests('too_many_streams', STREAM_RETRY_AFTER_S, message);
  }
  let state;
  try {
    state = await deps.states.load(id);
  } catch (err) {
    stream.end();
    throw err;
  }
  if (!state) {
    stream.end();
    throw deckNotFound();
  }
  if (stream.isClosed) return null;
  // The stream is exempt from the request timeouts, and small frames go out at once.
  res.socket?.setTimeout(0);
  res.socket?.setNoDelay(true);
  stream.start(state);
  return 200;
}

function serverFull(): HttpError {
  const message = 'This server is following as many viewers as it can; try again shortly.';
  return new HttpError(503, 'too_many_streams', message, { 'Retry-After': String(STREAM_RETRY_AFTER_S) });
}

function methodNotAllowed(method: string): HttpError {
  return KNOWN_METHODS.has(method)
    ? new HttpError(405, 'method_not_allowed', `${method} is not allowed here; use ${ALLOW}.`, { Allow: ALLOW })
    : new HttpError(405, 'method_not_allowed', `The HTTP method ${method} is not supported here.`, { Allow: ALLOW });
}
