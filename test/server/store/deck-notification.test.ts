import { describe, expect, it } from 'vitest';
import { parseDeckNotification } from '../../../server/store/deck-notification.js';

describe('parseDeckNotification', () => {
  it('reads a slide change from the slide trigger', () => {
    expect(parseDeckNotification('{"deck" : "abc", "index" : 2, "step" : 1, "version" : 7, "count" : 5}')).toEqual({
      kind: 'slide',
      deckId: 'abc',
      state: { index: 2, step: 1, version: 7, count: 5 },
    });
  });

  it('reads a key change from the key trigger', () => {
    expect(parseDeckNotification('{"keys" : "abc"}')).toEqual({ kind: 'keys', deckId: 'abc' });
  });

  it('reads a questions change and a poll tally', () => {
    expect(parseDeckNotification('{"questions" : "abc", "version" : 12}')).toEqual({
      kind: 'questions',
      deckId: 'abc',
      version: 12,
    });
    expect(parseDeckNotification('{"poll":"abc","id":"s1p1","counts":[2,0,1],"total":3,"version":4}')).toEqual({
      kind: 'poll',
      deckId: 'abc',
      tally: { id: 's1p1', counts: [2, 0, 1], total: 3, version: 4, open: true, revealed: false },
    });
    const controlled = '{"poll":"abc","id":"s1p1","counts":[1],"total":1,"version":5,"open":false,"revealed":true}';
    expect(parseDeckNotification(controlled)).toMatchObject({ tally: { open: false, revealed: true } });
  });

  it('reads a reactions flush, keeping only known names with whole counts', () => {
    const payload = '{"reactions":"abc","counts":{"heart":12,"boo":3,"wow":1.5},"added":{"heart":2}}';
    expect(parseDeckNotification(payload)).toEqual({
      kind: 'reactions',
      deckId: 'abc',
      counts: { heart: 12 },
      added: { heart: 2 },
    });
  });

  it('refuses anything else', () => {
    for (const payload of [
      '',
      'not json',
      'null',
      '[]',
      '{"deck":"a","index":-1,"step":0,"version":1}',
      '{"deck":"a","index":0,"step":-1,"version":1,"count":1}',
      '{"deck":"a","index":0,"step":"1","version":1,"count":1}',
      '{"deck":1,"index":0,"version":1}',
      '{"deck":"a","index":0,"version":1,"count":1.5}',
      '{"keys":3}',
      '{"questions":"a"}',
      '{"questions":"a","version":-1}',
      '{"poll":"a","id":"s1p1","counts":[1,"2"],"total":3,"version":1}',
      '{"poll":"a","counts":[1],"total":1,"version":1}',
      '{"deck":"a","index":0,"step":0,"version":1}',
      '{"deck":"a","index":0,"version":1,"count":1}',
      '{"reactions":"a","counts":{"heart":1}}',
      '{"reactions":"a","counts":null,"added":{}}',
    ]) {
      expect(parseDeckNotification(payload), payload).toBeNull();
    }
  });
});
