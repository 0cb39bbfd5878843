/**
 * A peer for the bench: the same surface as bench/baseline-server.ts (GET /events, POST /trigger,
 * GET /stats) written the way the `better-sse` library's README shows, one channel that every
 * session registers with and `broadcast` on each change. Library defaults except the retry hint,
 * which matches the baseline's. Run as its own process:
 *   PORT=0 node --import tsx bench/better-sse-server.ts   (prints `better-sse listening on <port>`)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createChannel, createSession } from 'better-sse';

const SLIDES = 5;
const channel = createChannel();
let index = 0;
let version = 1;

const state = () => ({ index, version, count: SLIDES });

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/events')) {
    createSession(req, res, { retry: 1000 }).then(
      (session) => {
        channel.register(session);
        session.push(state(), 'slide', String(version));
      },
      () => res.destroy(),
    );
  } else if (req.method === 'POST' && req.url === '/trigger') {
    index = (index + 1) % SLIDES;
    version += 1;
    channel.broadcast(state(), 'slide', { eventId: String(version) });
    res.end(JSON.stringify({ index, version }));
  } else if (req.url === '/stats') {
    res.end(JSON.stringify({ streams: channel.sessionCount, heapUsed: process.memoryUsage().heapUsed, version }));
  } else {
    res.statusCode = 404;
    res.end();
  }
});
server.keepAliveTimeout = 5_000;
server.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', backlog: 4096 }, () => {
  console.log(`better-sse listening on ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
