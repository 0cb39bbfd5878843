import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deck, PresenterDeck, SlideEventData } from '../../../shared/protocol.js';
import { DRIVERS } from '../../support/databases.js';
import { EventRecorder } from '../../support/room-client.js';
import { BEHIND_DECK } from './room-fixtures.js';
import { SAMPLE_DECK, startTestServer, type TestServer } from '../../support/server.js';
import { eventually } from '../../support/sse-client.js';

const SECRETS = ['zanzibar', 'quetzal', 'xylophone'];

describe.each(DRIVERS)('browse: behind (%s)', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ driver });
  });
  afterAll(async () => {
    await server.stop();
  });

  /** The text of every public answer about the deck: its JSON, its page and the start of its stream. */
  async function publicText(deckId: string): Promise<string> {
    const [deck, page] = await Promise.all([
      fetch(`${server.url}/api/decks/${deckId}`).then((res) => res.text()),
      fetch(`${server.url}/d/${deckId}`).then((res) => res.text()),
    ]);
    const stream = new EventRecorder(`${server.url}/api/decks/${deckId}/events`, ['slide']);
    try {
      await eventually(() => stream.data('slide').length > 0, 5000, 'the first slide event');
      return [deck, page, JSON.stringify(stream.events)].join('\n');
    } finally {
      stream.close();
    }
  }

  it('sends only the slides shown so far, and each later one with the change that reaches it', async () => {
    const created = await server.createDeck(BEHIND_DECK);
    const id = created.deck.id;
    expect(created.deck).toMatchObject({ browse: 'behind', count: 4, reached: { index: 0, step: 0 } });
    expect(created.deck.slides).toHaveLength(1);
    const before = await publicText(id);
    for (const secret of SECRETS) expect(before).not.toContain(secret);

    const viewer = new EventRecorder(`${server.url}/api/decks/${id}/events`, ['slide']);
    try {
      await eventually(() => viewer.data('slide').length > 0, 5000, 'the stream to open');
      expect((await server.putSlide(id, created.presenterKey, 2)).status).toBe(200);
      await eventually(() => viewer.data<SlideEventData>('slide').some((e) => e.index === 2), 5000, 'the move');
      const moved = viewer.data<SlideEventData>('slide').find((event) => event.index === 2);
      expect(moved?.reached).toEqual({ index: 2, step: 0 });
      expect(moved?.reveal?.first).toBe(1);
      expect(moved?.reveal?.slides.map((slide) => slide.html).join()).toMatch(/zanzibar[^]*quetzal/);
      expect(JSON.stringify(viewer.events)).not.toContain('xylophone');
    } finally {
      viewer.close();
    }

    // Going back keeps what was reached; what was never shown stays unsent.
    expect((await server.putSlide(id, created.presenterKey, 0)).status).toBe(200);
    const deck = (await (await fetch(`${server.url}/api/decks/${id}`)).json()) as Deck;
    expect(deck.slides).toHaveLength(3);
    expect(deck).toMatchObject({ index: 0, reached: { index: 2, step: 0 }, count: 4 });
    expect(await publicText(id)).not.toContain('xylophone');

    const presenter = await fetch(`${server.url}/api/decks/${id}/presenter`, {
      headers: { Authorization: `Bearer ${created.presenterKey}` },
    });
    const full = (await presenter.json()) as PresenterDeck;
    expect(full.slides).toHaveLength(4);
    expect(full.slides[3]?.html).toContain('xylophone');
  });

  it('leaves decks without the setting as they were: every slide, no new fields', async () => {
    const created = await server.createDeck(SAMPLE_DECK);
    const deck = (await (await fetch(`${server.url}/api/decks/${created.deck.id}`)).json()) as Deck;
    expect(deck.slides).toHaveLength(3);
    expect(Object.keys(deck).sort()).toEqual(['id', 'index', 'slides', 'step', 'title', 'version']);
  });
});
