import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type Koa from 'koa';
import { addressKey } from '../security/client-address.js';
import type { AppDeps } from './app-deps.js';
import type { Guards } from './rate-limit.js';
import { openStream } from './routes/event-routes.js';
import { deckIdParam } from './schemas.js';
import { securityHeaders } from './security-headers.js';

const EVENTS_PATH = /^\/api\/decks\/([^/?]+)\/events(?:\?|$)/;

/** The deck id of a `GET /api/decks/:id/events` that the fast path may serve, or null. */
function streamDeckId(req: IncomingMessage): string | null {
  if (req.method !== 'GET') return null;
  const id = EVENTS_PATH.exec(req.url ?? '')?.[1];
  return id !== undefined && deckIdParam.safeParse(id).success ? id : null;
}

/**
 * The server's request listener: event streams in front of Koa, everything else through it.
 * A stream lives for hours, and Koa keeps each request's context reachable (from its
 * on-finished listener) until the response ends: ~5 KB per viewer that nothing reads again,
 * a third of the memory of a stream. So a stream that can start is served here, with the
 * route's own steps (stream cap per address, security headers, register, read, start) on a
 * context Koa never tracks. Anything else (other requests, HEAD, a refused or failed stream)
 * goes to `app` untouched, and the Koa route answers it exactly as before.
 */
export function eventStreamListener(app: Koa, deps: AppDeps, guards: Guards): RequestListener {
  const koa = app.callback();
  const headers = securityHeaders();
  const noNext = () => Promise.resolve();

  const serve = async (req: IncomingMessage, res: ServerResponse, id: string): Promise<void> => {
    const started = performance.now();
    // For the client address (Koa's proxy rules) and the headers; nothing keeps it afterwards.
    const ctx = app.createContext(req, res);
    const release = guards.streams.acquire(addressKey(ctx.ip));
    if (typeof release !== 'function') return void koa(req, res);
    res.once('close', release);
    try {
      await headers(ctx, noNext);
      const opened = await openStream(deps, id, res, () => undefined);
      if (opened === 'not_found') {
        release();
        return void koa(req, res);
      }
      deps.logger.debug(
        {
          method: 'GET',
          path: `/api/decks/${id}/events`,
          status: 200,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'request',
      );
    } catch {
      // A failed read (or anything else): the Koa route tries again and answers in the error shape.
      release();
      if (!res.headersSent && !res.destroyed) void koa(req, res);
    }
  };

  return (req, res) => {
    const id = streamDeckId(req);
    if (id === null) void koa(req, res);
    else void serve(req, res, id);
  };
}
