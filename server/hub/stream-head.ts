import { validateHeaderName, validateHeaderValue, type OutgoingHttpHeader } from 'node:http';

/** Gives the bytes of a 200 event-stream head: status line, the headers, Date, chunked encoding. */
export type StreamHead = () => Buffer;

const heads = new WeakMap<readonly OutgoingHttpHeader[], StreamHead>();

/**
 * The whole response head of an event stream as one buffer, for headers given as a flat
 * `[name, value, ...]` list. Checked once and built once per process (per second for the Date
 * line), so opening a stream validates, joins and keeps no header strings of its own: Node's
 * writeHead does all three per response, and keeps the joined head for the stream's life.
 */
export function streamHead(headers: readonly OutgoingHttpHeader[]): StreamHead {
  const known = heads.get(headers);
  if (known) return known;
  let fixed = 'HTTP/1.1 200 OK\r\n';
  for (let i = 0; i + 1 < headers.length; i += 2) {
    const name = String(headers[i]);
    const value = String(headers[i + 1]);
    validateHeaderName(name);
    validateHeaderValue(name, value);
    fixed += `${name}: ${value}\r\n`;
  }
  let second = -1;
  let head = Buffer.alloc(0);
  const current: StreamHead = () => {
    const now = Math.floor(Date.now() / 1000);
    if (now !== second) {
      second = now;
      head = Buffer.from(`${fixed}Date: ${new Date(now * 1000).toUTCString()}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    }
    return head;
  };
  heads.set(headers, current);
  return current;
}
