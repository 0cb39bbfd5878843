import type { IncomingMessage, ServerResponse } from 'node:http';
import { SSE_HEADERS } from '../hub/sse-frame.js';
import { addressKey } from '../security/client-address.js';
import { clientIp } from '../security/proxy-trust.js';
import type { AppDeps } from './app-deps.js';
import { parseDeckId } from './deck-id.js';
import { errorAnswer, sendErrorAnswer } from './error-answer.js';
import { deckNotFound, HttpError } from './http-error.js';
import { checkPresenterHeader } from './presenter-auth.js';
import { RateLimiter } from '../security/rate-limiter.js';
import { tooManyRequests } from './rate-limit.js';
import { setSecurityHeaders } from './security-headers.js';
import { RoomSnapshots } from '../room/room-snapshot.js';

/** A deck's event stream, matched as the router matches routes: any case, an optional trailing slash. */
const EVENTS_PATH = /^\/api\/decks\/([^/]+)\/events\/?$/i;

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
 * With `Authorization: Bearer <presenterKey>` it is the presenter remote's own stream (401 for
 * a wrong key): the same events, never counted as a viewer, and it keeps the presenter "online".
 */
export function eventStreamHandler(deps: AppDeps): OwningHandler {
  const rate = deps.config.limits.streamOpensPerAddress;
  const opens = rate ? new RateLimiter(rate) : null;
  const room = new RoomSnapshots(deps.roomStates, deps.logger);
  return (req, res) => {
    const path = (req.url ?? '').split(/[?#]/, 1)[0] ?? '';
    const match = EVENTS_PATH.exec(path);
    if (!match) return false;
    const method = req.method ?? 'GET';
    // Timed only when debug logs are on: most opens would build a log record nobody writes.
    const started = deps.logger.isLevelEnabled('debug') ? performance.now() : null;
    const log = (status: number) => {
      if (started === null) return;
      const ms = Math.round((performance.now() - started) * 10) / 10;
      deps.logger.debug({ method, path, status, ms }, 'request');
    };
    // A stream's own head carries the security headers, built once (see streamHeaders); every other answer sets them here.
    if (method !== 'GET') setSecurityHeaders(req, res);
    answer(deps, opens, room, req, res, match[1]).then(
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
  opens: RateLimiter | null,
  room: RoomSnapshots,
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
  const address = addressKey(clientIp(req, deps.config.proxyTrust));
  const wait = opens?.take(address) ?? 0;
  if (wait > 0) {
    const message = `Too many viewers are joining from your network at once; retrying in ${wait} s.`;
    throw tooManyRequests('rate_limited', wait, message);
  }
  // A presenter key travels in a header (fetch streaming), never in the URL.
  const authorization = req.headers.authorization;
  const remote = authorization !== undefined;
  if (remote) await checkPresenterHeader(deps.store, id, authorization);
  // Register first, read second: a change committed in between reaches the stream either way.
  const stream = deps.hub.open(id, res, address, remote);
  const retryAfter = deps.config.limits.streamRetryAfterS;
  if (stream === 'process') throw serverFull(retryAfter);
  if (stream === 'address') {
    const message = `Too many open streams from your network; retrying in ${retryAfter} s.`;
    throw tooManyRequests('too_many_streams', retryAfter, message);
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
  // The room's state, when memory holds it, joins the slide state in the stream's first write.
  void room.sendTo(stream);
  stream.start(state);
  if (remote) deps.room.presenter.remoteConnected(id);
  return 200;
}

function serverFull(retryAfter: number): HttpError {
  const message = `This talk is full on this server; retrying in ${retryAfter} s.`;
  return new HttpError(503, 'too_many_streams', message, { 'Retry-After': String(retryAfter) });
}

function methodNotAllowed(method: string): HttpError {
  return KNOWN_METHODS.has(method)
    ? new HttpError(405, 'method_not_allowed', `${method} is not allowed here; use ${ALLOW}.`, { Allow: ALLOW })
    : new HttpError(405, 'method_not_allowed', `The HTTP method ${method} is not supported here.`, { Allow: ALLOW });
}
