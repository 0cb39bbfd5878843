import type { Middleware } from 'koa';
import helmet from 'koa-helmet';

/**
 * The Content-Security-Policy of every response: scripts only from this origin (no inline
 * script, no eval), styles from this origin (Lit uses constructed style sheets, which CSP
 * does not block), images also from http(s) and data: URLs (slide images, which the sanitizer
 * allows by http or https URL, and QR codes), no
 * plugins, no framing, no `<base>`. No `upgrade-insecure-requests`: Podium often runs on
 * plain http on a LAN, where upgrading would break every request.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'https:', 'http:', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'media-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'none'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * Security headers on every answer (pages, API, errors and the event stream, whose raw
 * `writeHead` merges what is set here): the CSP above, `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, `X-Frame-Options: DENY`, same-origin opener and resource
 * policies. HSTS is left to the TLS-terminating proxy (over plain http browsers ignore it).
 */
export function securityHeaders(): Middleware {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}
