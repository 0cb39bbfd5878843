/**
 * The baseline: the least a Node server can do to hold SSE streams. Plain `node:http`, one
 * Set of responses, and on `POST /trigger` the same frame Podium sends, written to each.
 * No database, no framework, no backpressure handling; the same accept backlog as Podium (4096).
 * Run as its own process:
 *   PORT=0 node --import tsx bench/baseline-server.ts   (prints `baseline listening on <port>`)
 * `GET /stats` reports its stream count and heap for the bench; it is not part of the design.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SLIDES = 5;
const streams = new Set<ServerResponse>();
let index = 0;
let version = 1;

function frame(): Buffer {
  return Buffer.from(`event: slide\nid: ${version}\ndata: ${JSON.stringify({ index, version, count: SLIDES })}\n\n`);
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/events')) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.write(Buffer.concat([Buffer.from('retry: 1000\n\n'), frame()]));
    streams.add(res);
    res.on('close', () => streams.delete(res));
  } else if (req.method === 'POST' && req.url === '/trigger') {
    index = (index + 1) % SLIDES;
    version += 1;
    const next = frame();
    for (const stream of streams) stream.write(next);
    res.end(JSON.stringify({ index, version }));
  } else if (req.url === '/stats') {
    res.end(JSON.stringify({ streams: streams.size, heapUsed: process.memoryUsage().heapUsed, version }));
  } else {
    res.statusCode = 404;
    res.end();
  }
});
server.keepAliveTimeout = 5_000;
server.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', backlog: 4096 }, () => {
  console.log(`baseline listening on ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  for (const stream of streams) stream.end('retry: 250\n\n');
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
