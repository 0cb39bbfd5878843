import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/** Where a proxy forwards to. */
export interface ProxyTarget {
  host: string;
  port: number;
}

/**
 * What the proxy does with traffic:
 * - `pass`: forwards both ways;
 * - `refuse`: resets every new connection at once (a server that is down or restarting);
 * - `stall`: holds every byte both ways, on old and new connections, until `pass` again (a frozen server);
 * - `blackhole`: silently drops every byte of the connections open now, forever, while new ones pass
 *   (a half-open connection: no FIN, no RST, no answer).
 */
export type ProxyMode = 'pass' | 'refuse' | 'stall' | 'blackhole';

interface Pair {
  client: Socket;
  upstream: Socket;
  /** Bytes held while stalled, per direction. */
  held: { up: Buffer[]; down: Buffer[] };
  dropped: boolean;
}

/**
 * A small TCP proxy for fault tests: sits in front of Postgres (or several Podium processes,
 * round-robin, skipping dead ones) and can cut, refuse, stall or black-hole traffic on demand.
 */
export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private current: ProxyMode = 'pass';
  private next = 0;

  private constructor(
    private readonly server: Server,
    private readonly targets: ProxyTarget[],
  ) {
    server.on('connection', (socket) => this.accept(socket));
  }

  /** Starts a proxy on 127.0.0.1 (a free port) in front of `targets`. */
  static async start(targets: ProxyTarget | ProxyTarget[]): Promise<TcpProxy> {
    const server = createServer({ noDelay: true });
    const proxy = new TcpProxy(server, Array.isArray(targets) ? targets : [targets]);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The proxy's port on 127.0.0.1. */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Connections open through the proxy right now. */
  get connections(): number {
    return this.pairs.size;
  }

  /** The current mode. */
  get mode(): ProxyMode {
    return this.current;
  }

  /** `url` with its host and port replaced by the proxy's. */
  rewrite(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  /** Switches mode; `pass` releases held bytes; `blackhole` condemns the connections open now. */
  setMode(mode: ProxyMode): void {
    this.current = mode;
    for (const pair of this.pairs) {
      if (mode === 'blackhole') pair.dropped = true;
      if (mode === 'pass') this.flush(pair);
    }
  }

  /** Resets every open connection, both ends (a crash or restart of the far side). */
  cut(): void {
    for (const pair of [...this.pairs]) this.drop(pair);
  }

  /** Cuts everything and stops listening. */
  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    if (this.current === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    this.dial(client, 0);
  }

  private dial(client: Socket, tried: number): void {
    const target = this.targets[this.next++ % this.targets.length] as ProxyTarget;
    const upstream = connect({ host: target.host, port: target.port, noDelay: true });
    const pair: Pair = { client, upstream, held: { up: [], down: [] }, dropped: false };
    upstream.once('error', () => {
      if (this.pairs.has(pair)) return this.drop(pair);
      // Could not reach this target: try the next one, or give up when all failed.
      upstream.destroy();
      if (tried + 1 < this.targets.length && !client.destroyed) this.dial(client, tried + 1);
      else client.resetAndDestroy();
    });
    upstream.once('connect', () => {
      if (client.destroyed) return upstream.destroy();
      this.pairs.add(pair);
      upstream.on('error', () => this.drop(pair));
      client.on('error', () => this.drop(pair));
      client.on('close', () => this.drop(pair));
      upstream.on('close', () => this.drop(pair));
      client.on('data', (chunk: Buffer) => this.forward(pair, chunk, 'up'));
      upstream.on('data', (chunk: Buffer) => this.forward(pair, chunk, 'down'));
    });
    if (tried === 0) client.on('error', () => upstream.destroy());
  }

  private forward(pair: Pair, chunk: Buffer, direction: 'up' | 'down'): void {
    if (pair.dropped) return;
    if (this.current === 'stall') {
      pair.held[direction].push(chunk);
      return;
    }
    const [from, to] = direction === 'up' ? [pair.client, pair.upstream] : [pair.upstream, pair.client];
    // Honour backpressure so a slow reader behind the proxy stays slow end to end.
    if (!to.write(chunk)) {
      from.pause();
      to.once('drain', () => from.resume());
    }
  }

  private flush(pair: Pair): void {
    const { up, down } = pair.held;
    pair.held = { up: [], down: [] };
    if (pair.dropped) return;
    for (const chunk of up) pair.upstream.write(chunk);
    for (const chunk of down) pair.client.write(chunk);
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    pair.client.resetAndDestroy();
    pair.upstream.resetAndDestroy();
  }
}
