import helmet from 'helmet';
import type { Middleware } from 'koa';
import type { IncomingMessage, OutgoingHttpHeader, ServerResponse } from 'node:http';
import { SSE_HEADERS } from '../hub/sse-frame.js';

/**
 * The Content-Security-Policy of every response: scripts only from this origin (no inline
 * script, no eval), styles from this origin (Lit uses constructed style sheets, which CSP
 * does not block), images also from http(s) and data: URLs (slide images, which the sanitizer
 * allows by http or https URL, and QR codes), no
 * plugins, no framing, no `<base>`, workers only from this origin (the service worker). No `upgrade-insecure-requests`: Podium often runs on
 * plain http on a LAN, where upgrading would break every request.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  // Style attributes only: KaTeX lays math out with them, and the slide sanitizer keeps a safe
  // subset of inline styles (no url(), no positioning); style elements stay blocked.
  'style-src-attr': ["'unsafe-inline'"],
  'img-src': ["'self'", 'https:', 'http:', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'"],
  'manifest-src': ["'self'"],
  // The audience page's service worker (/sw.js), for offline browsing; no other worker.
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

const applyHelmet = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  referrerPolicy: { policy: 'no-referrer' },
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
});

/**
 * Sets the security headers of every answer on `res` (pages, API, errors and the event
 * stream, whose raw `writeHead` merges them): the CSP above, `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY`, same-origin opener and resource
 * policies. HSTS is left to the TLS-terminating proxy (over plain http browsers ignore it).
 */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  // helmet's middleware only sets headers, synchronously, and calls back at once.
  applyHelmet(req, res, () => undefined);
}

/** The Koa middleware that sets the security headers (see setSecurityHeaders) before anything else runs. */
export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    setSecurityHeaders(ctx.req, ctx.res);
    await next();
  };
}

/**
 * The head of every event stream as one flat `[name, value, ...]` list: the security headers
 * above (helmet run once, against a recorder) and SSE_HEADERS. Built once per process, so a
 * stream's response keeps no header objects of its own.
 */
export function streamHeaders(): OutgoingHttpHeader[] {
  const recorded = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: unknown) => recorded.set(name, String(value)),
    removeHeader: (name: string) => recorded.delete(name),
  };
  applyHelmet({} as IncomingMessage, recorder as unknown as ServerResponse, () => undefined);
  for (const [name, value] of Object.entries(SSE_HEADERS)) recorded.set(name, value);
  return [...recorded].flat();
}
