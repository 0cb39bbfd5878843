import { createServer, STATUS_CODES, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody, ErrorCode } from '../../shared/protocol.js';
import type { Settings } from '../config.js';

/** Timeouts against slow clients (defaults: PodiumOptions); the event stream opts out per socket once it starts. */
export type ServerTimeouts = Pick<Settings, 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs'>;

const ANSWERS: Record<string, [number, ErrorCode, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'The request took too long to arrive; the connection is closed.'],
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'The request headers are too large.'],
};
/** The security headers of every other answer (see security-headers.ts), for answers written before Koa runs. */
const PARSER_ANSWER_HEADERS =
  'X-Content-Type-Options: nosniff\r\n' +
  "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n" +
  'X-Frame-Options: DENY\r\n' +
  'Referrer-Policy: no-referrer\r\n' +
  'Cross-Origin-Resource-Policy: same-origin\r\n' +
  'Cache-Control: no-store\r\n';
const MALFORMED: [number, ErrorCode, string] = [400, 'bad_request', 'The request is not valid HTTP.'];

/**
 * Answers what Node's HTTP parser rejects (malformed requests, oversized headers, timeouts) in
 * the contract's error shape, then closes the connection. Sockets that are already gone, or
 * whose response has begun, are just closed.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, code, message] = ANSWERS[err.code ?? ''] ?? MALFORMED;
  const body: ErrorBody = { error: { code, message } };
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      PARSER_ANSWER_HEADERS +
      `Content-Length: ${Buffer.byteLength(text)}\r\n` +
      'Connection: close\r\n\r\n' +
      text,
    // Flushed: close for good, even if a slow client never sends its own FIN.
    () => socket.destroy(),
  );
}

/**
 * The HTTP server for `listener` with timeouts against slow-header and slow-body clients,
 * checked every second (Node's default check runs every 30 s), and parser errors answered
 * in the contract's shape.
 */
export function createHttpServer(listener: RequestListener, timeouts: ServerTimeouts): Server {
  const headersTimeout = timeouts.headersTimeoutMs;
  const requestTimeout = Math.max(timeouts.requestTimeoutMs, headersTimeout);
  const server = createServer(
    { connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))) },
    listener,
  );
  server.headersTimeout = headersTimeout;
  server.requestTimeout = requestTimeout;
  server.keepAliveTimeout = timeouts.keepAliveTimeoutMs;
  server.on('clientError', answerClientError);
  return server;
}
