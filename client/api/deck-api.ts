import type { CreateDeckRequest, CreateDeckResponse, Deck, PresenterDeck, SlideState } from '../../shared/protocol.js';
import { isRecord, isSlide, isSlideState } from '../../shared/validate.js';
import type { SlidePosition } from '../state/step-walk.js';
import { narrow, request } from './request.js';

function isDeck(value: unknown): value is Deck {
  return (
    isRecord(value) &&
    isSlideState(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    Array.isArray(value.slides) &&
    value.slides.every(isSlide)
  );
}

function isPresenterDeck(value: unknown): value is PresenterDeck {
  if (!isDeck(value)) return false;
  const notes: unknown = (value as unknown as Record<string, unknown>).notes;
  return Array.isArray(notes) && notes.every((note) => typeof note === 'string');
}

function isCreateDeckResponse(value: unknown): value is CreateDeckResponse {
  return (
    isRecord(value) &&
    isDeck(value.deck) &&
    typeof value.presenterKey === 'string' &&
    isRecord(value.links) &&
    typeof value.links.audience === 'string' &&
    typeof value.links.remote === 'string'
  );
}

const deckUrl = (id: string): string => `/api/decks/${encodeURIComponent(id)}`;

/** `GET /api/decks/:id`: the public deck. */
export async function fetchDeck(id: string): Promise<Deck> {
  return narrow(await request(deckUrl(id)), isDeck);
}

/** `GET /api/decks/:id/presenter`: the deck with speaker notes; 401 for a wrong key. */
export async function fetchPresenterDeck(id: string, key: string): Promise<PresenterDeck> {
  const body = await request(`${deckUrl(id)}/presenter`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  return narrow(body, isPresenterDeck);
}

/** `PUT /api/decks/:id/slide` to slide and step `target`, a compare-and-set on `version` (412 carries `current`). */
export async function putSlide(id: string, key: string, target: SlidePosition, version: number): Promise<SlideState> {
  const body = await request(`${deckUrl(id)}/slide`, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${key}`,
      'Content-Type': 'application/json',
      'If-Match': `"${version}"`,
    },
    body: JSON.stringify({ index: target.index, step: target.step }),
  });
  return narrow(body, isSlideState);
}

/** `POST /api/decks`; `adminToken` only where the server requires one. */
export async function createDeck(deck: CreateDeckRequest, adminToken?: string): Promise<CreateDeckResponse> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (adminToken) headers.Authorization = `Bearer ${adminToken}`;
  const body = await request('/api/decks', {
    method: 'POST',
    headers,
    body: JSON.stringify(deck),
  });
  return narrow(body, isCreateDeckResponse);
}

/** The events URL of a deck (SSE). */
export function eventsUrl(id: string): string {
  return `${deckUrl(id)}/events`;
}
