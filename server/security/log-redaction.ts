/**
 * Log fields pino must never print: credentials in headers, wherever a serializer puts them.
 * The request log itself records method, path and status only (never the query or headers).
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'err.config.headers.authorization',
  'presenterKey',
  '*.presenterKey',
];
