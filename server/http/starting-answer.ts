import type { RequestListener } from 'node:http';
import type { HealthBody } from '../../shared/protocol.js';
import { sendErrorAnswer } from './error-answer.js';
import { setSecurityHeaders } from './security-headers.js';

/** What /healthz says while the process waits for its database. */
export const STARTING_REASON = 'starting: waiting for the database (retrying with backoff)';

/**
 * The request listener of a process that is up but has no database yet (see startPodium):
 * `/healthz` answers 503 degraded, every other request 503 `unavailable` with Retry-After.
 */
export const startingAnswer: RequestListener = (req, res) => {
  setSecurityHeaders(req, res);
  const head = req.method === 'HEAD';
  if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
    const body: HealthBody = {
      status: 'degraded',
      database: 'down',
      listener: 'disconnected',
      reason: STARTING_REASON,
    };
    const text = JSON.stringify(body);
    res.writeHead(503, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      'Cache-Control': 'no-store',
    });
    res.end(head ? undefined : text);
    return;
  }
  const message = 'Podium is starting and waits for its database; try again in a moment.';
  sendErrorAnswer(
    res,
    { status: 503, headers: { 'Retry-After': '2' }, body: { error: { code: 'unavailable', message } } },
    head,
  );
};
