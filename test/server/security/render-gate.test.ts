import { describe, expect, it } from 'vitest';
import { RenderGate, type ReleaseSlot } from '../../../server/security/render-gate.js';

describe('RenderGate', () => {
  it('runs at most maxRunning, queues at most maxWaiting in order, refuses the rest as busy', async () => {
    const gate = new RenderGate(1, 2, 10);
    const first = gate.enter('a');
    const second = gate.enter('b');
    const third = gate.enter('c');
    expect(gate.enter('d')).toBe('busy');
    expect(gate.load).toEqual({ running: 1, waiting: 2 });
    const order: string[] = [];
    void (second as Promise<ReleaseSlot>).then((release) => {
      order.push('b');
      release();
    });
    void (third as Promise<ReleaseSlot>).then((release) => {
      order.push('c');
      release();
    });
    const release = await (first as Promise<ReleaseSlot>);
    expect(order).toEqual([]);
    release();
    release(); // twice is harmless
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(order).toEqual(['b', 'c']);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses an address with maxPerAddress in flight, and lets it in again once one ends', async () => {
    const gate = new RenderGate(4, 4, 2);
    const one = await (gate.enter('a') as Promise<ReleaseSlot>);
    await (gate.enter('a') as Promise<ReleaseSlot>);
    expect(gate.enter('a')).toBe('address');
    expect(gate.enter('b')).not.toBe('address');
    one();
    expect(gate.enter('a')).toBeInstanceOf(Promise);
  });
});
