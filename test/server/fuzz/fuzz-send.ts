import { request, type Agent } from 'node:http';
import type { FuzzRequest } from './fuzz-requests.js';

/** How long a fuzz request may take before it counts as a hang, by default. */
const REQUEST_TIMEOUT_MS = 5000;

/** What came back: status, type and the body as text. */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Sends one request over `agent`; event streams are cut after their headers. Rejects on a hang. */
export function send(base: string, agent: Agent, req: FuzzRequest, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Answer> {
  const { hostname, port } = new URL(base);
  const path = req.path.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
  const headers: Record<string, string> = { ...req.headers };
  // Frame every body explicitly: Node's client would send a GET or HEAD body unframed (a client bug, not a server one).
  if (req.body)
    headers[req.chunked ? 'Transfer-Encoding' : 'Content-Length'] = req.chunked ? 'chunked' : String(req.body.length);
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request({ hostname, port, path, method: req.method, headers, agent }, (res) => {
      answered = true;
      const contentType = res.headers['content-type'] ?? '';
      if (contentType.startsWith('text/event-stream')) {
        res.destroy();
        resolve({ status: res.statusCode ?? 0, contentType, body: '' });
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms (hang)`)));
    outgoing.on('error', (err) => {
      if (!answered) reject(err);
    });
    if (req.body) outgoing.end(req.body);
    else outgoing.end();
  });
}
