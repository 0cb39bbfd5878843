import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway client directory with the three pages, for servers that need no real build. */
export interface FakeClientDir {
  dir: string;
  remove(): Promise<void>;
}

/** Writes index.html, audience.html and remote.html (static, script-free) into a fresh temp dir. */
export async function fakeClientDir(): Promise<FakeClientDir> {
  const dir = await mkdtemp(join(tmpdir(), 'podium-security-'));
  for (const page of ['index', 'audience', 'remote']) {
    await writeFile(join(dir, `${page}.html`), `<!doctype html><title>${page}</title><p>${page} page</p>`);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A raw TCP connection to a server URL that records everything it receives and when it closes. */
export class RawClient {
  readonly socket: Socket;
  private received = '';
  private closedAt: number | null = null;
  private readonly closed: Promise<void>;

  constructor(url: string) {
    const { hostname, port } = new URL(url);
    this.socket = connect(Number(port), hostname);
    this.socket.setEncoding('utf8');
    this.socket.on('data', (chunk: string) => {
      this.received += chunk;
    });
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) =>
      this.socket.on('close', () => {
        this.closedAt = Date.now();
        resolve();
      }),
    );
  }

  /** Everything received so far. */
  get text(): string {
    return this.received;
  }

  /** True once the server (or we) closed the connection. */
  get isClosed(): boolean {
    return this.closedAt !== null;
  }

  /** Writes raw bytes (no framing added). */
  send(text: string): void {
    if (!this.socket.destroyed) this.socket.write(text);
  }

  /** Resolves when the connection closes, or rejects after `timeoutMs`. */
  async waitClosed(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`connection still open after ${timeoutMs} ms; got: ${this.received}`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.closed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The JSON body of the first response received (after the blank line). */
  jsonBody(): unknown {
    const start = this.received.indexOf('\r\n\r\n');
    return JSON.parse(this.received.slice(start + 4));
  }

  /** Closes our side. */
  destroy(): void {
    this.socket.destroy();
  }
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
