import type { Deck, RoomSettings, SlideEventData } from '../../shared/protocol.js';
import { totalSlides } from './revealed-deck.js';

/** The room settings a deck was sent with (browse behind and bursts off are marked; free and on are not). */
export function deckSettings(deck: Deck): RoomSettings {
  return { browse: deck.browse === 'behind' ? 'behind' : 'free', bursts: deck.bursts !== false };
}

/** The room settings a slide event carries: `reached` only while behind, `bursts: false` only while off. */
export function eventSettings(event: SlideEventData): RoomSettings {
  return { browse: event.reached ? 'behind' : 'free', bursts: event.bursts !== false };
}

/**
 * The audience's deck after the room settings of a slide event (one older than the deck is
 * ignored): turned behind, the slides past `reached` are dropped at once; bursts follow the
 * event. `'fetch'` when browsing turned free (the deck lacks the slides it may now show).
 */
export function withSettings(deck: Deck, event: SlideEventData): Deck | 'fetch' {
  if (event.version < deck.version) return deck;
  const settings = eventSettings(event);
  const before = deckSettings(deck);
  if (settings.browse === 'free' && before.browse === 'behind') return 'fetch';
  let next = deck;
  if (settings.browse === 'behind' && before.browse === 'free' && event.reached) {
    const reached = event.reached;
    next = {
      ...deck,
      browse: 'behind',
      reached: { index: reached.index, step: reached.step },
      count: totalSlides(deck),
      slides: deck.slides.slice(0, reached.index + 1),
    };
  }
  if (settings.bursts !== before.bursts) {
    next = { ...next };
    if (settings.bursts) delete next.bursts;
    else next.bursts = false;
  }
  return next;
}
