import { Agent, request, type IncomingHttpHeaders } from 'node:http';

/** Keep-alive connections for the driver's own requests, as a presenter's phone keeps one open. */
export const KEEP_ALIVE = new Agent({ keepAlive: true, maxSockets: 64 });

/** A response: status and body text. */
export interface HttpAnswer {
  status: number;
  body: string;
  headers: IncomingHttpHeaders;
}

/** One HTTP request over `agent` (default KEEP_ALIVE); `body` is sent as JSON. Rejects after `timeoutMs` (default 10000). */
export function httpRequest(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
  agent: Agent = KEEP_ALIVE,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      url,
      {
        method,
        agent,
        timeout: timeoutMs,
        headers: payload === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Like httpRequest, but throws unless the status is `expected`, and parses the JSON body. */
export async function httpJson<T>(
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
  expected = 200,
): Promise<T> {
  const answer = await httpRequest(method, url, body, headers);
  if (answer.status !== expected)
    throw new Error(`${method} ${url} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  return JSON.parse(answer.body) as T;
}
