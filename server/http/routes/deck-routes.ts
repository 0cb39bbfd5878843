import type Router from '@koa/router';
import type { Context } from 'koa';
import type { SetSlideResponse } from '../../../shared/protocol.js';
import { MAX_DECK_BYTES } from '../../../shared/deck-rules.js';
import { isIndex } from '../../../shared/validate.js';
import { renderDeckWithAssets } from '../../assets/deck-with-assets.js';
import { MAX_SLIDES } from '../../deck/parse-deck.js';
import type { DeckStore, SetSlideResult } from '../../store/deck-store.js';
import type { AppDeps } from '../app-deps.js';
import { deckNotFound, HttpError } from '../http-error.js';
import { withRenderErrors } from '../render-errors.js';
import { answerCreatedDeck } from '../answer-created-deck.js';
import { requirePresenter } from '../presenter-auth.js';
import { spend, type Guards } from '../rate-limit.js';
import { readJson } from '../read-json.js';
import { createDeckBody, ifMatchHeader, parseBody, setSlideBody } from '../schemas.js';
import { deckIdFrom } from '../deck-id.js';
import { requireAdmin } from '../admin-auth.js';
import { readDeckUpload, type DeckSource } from './deck-upload.js';
import type { DeckAdmission } from '../deck-admission.js';
import { addressKey } from '../../security/client-address.js';

/** Largest Markdown deck accepted: 1 MiB of JSON (MAX_DECK_BYTES). */
const CREATE_DECK_LIMIT = MAX_DECK_BYTES;
/** Largest slide-change body: `{"index":n,"step":k}` needs a few bytes. */
const SET_SLIDE_LIMIT = 1024;

/** `If-Match: "<version>"` as a number; undefined when absent or `*`. */
export function parseIfMatch(header: string): number | undefined {
  const parsed = ifMatchHeader.safeParse(header.trim());
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_if_match', 'If-Match must be the deck version in quotes, like "7".');
  }
  return parsed.data;
}

/** The answer for an index past any deck's end: the deck's slide count, or not found. */
async function outOfRange(store: DeckStore, id: string): Promise<SetSlideResult> {
  const state = await store.getSlideState(id);
  return state ? { kind: 'out_of_range', count: state.count ?? 0 } : { kind: 'not_found' };
}

/** Largest step sent to Postgres: past it no slide has that many builds (and integer overflows). */
const MAX_STEP_QUERIED = 1_000_000;

/** The 422 for a step past the slide's builds, in words a presenter understands. */
function stepOutOfRange(index: number, steps: number): HttpError {
  const message =
    steps === 0
      ? `step must be 0: slide ${index + 1} has no build steps.`
      : `step must be between 0 and ${steps}: slide ${index + 1} has ${steps} build steps.`;
  return new HttpError(422, 'invalid_step', message);
}

/** Reads `POST /api/decks` with a JSON body `{"markdown", "title"?}`. */
async function readJsonDeck(ctx: Context): Promise<DeckSource> {
  const body = parseBody(createDeckBody, await readJson(ctx, CREATE_DECK_LIMIT));
  return {
    bytes: Buffer.byteLength(body.markdown, 'utf8'),
    render: () => renderDeckWithAssets(body.markdown, body.title, []),
  };
}

/** Create (admitted by `admission`), read, presenter read and slide change. */
export function registerDeckRoutes(router: Router, deps: AppDeps, guards: Guards, admission: DeckAdmission): void {
  const { store, metrics } = deps;

  router.post('/api/decks', async (ctx) => {
    requireAdmin(ctx, deps.config.adminToken);
    // Cost-based admission: quotas and the storage budget before the body is read, a render slot to render in.
    const address = addressKey(ctx.ip);
    await admission.admit(address);
    const source = ctx.is('multipart/form-data') ? await readDeckUpload(ctx) : await readJsonDeck(ctx);
    await admission.checkUpload(address, source.bytes);
    const rendered = await admission.render(address, () => withRenderErrors(() => source.render()));
    await answerCreatedDeck(ctx, deps, rendered);
    await admission.created(address, source.bytes);
  });

  router.get('/api/decks/:id', async (ctx) => {
    const deck = await store.getDeck(deckIdFrom(ctx));
    if (!deck) throw deckNotFound();
    ctx.set('ETag', `"${deck.version}"`);
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = deck;
  });

  router.get('/api/decks/:id/presenter', async (ctx) => {
    const id = deckIdFrom(ctx);
    await requirePresenter(ctx, store, id);
    const deck = await store.getPresenterDeck(id);
    if (!deck) throw deckNotFound();
    ctx.set('Cache-Control', 'no-store');
    ctx.set('ETag', `"${deck.version}"`);
    ctx.body = deck;
  });

  router.put('/api/decks/:id/slide', async (ctx) => {
    const id = deckIdFrom(ctx);
    spend(guards.putPerKey, await requirePresenter(ctx, store, id));
    const body = parseBody(setSlideBody, await readJson(ctx, SET_SLIDE_LIMIT));
    const expected = parseIfMatch(ctx.get('If-Match'));
    if (!isIndex(body.index)) {
      throw new HttpError(422, 'invalid_index', 'index must be a whole number, 0 for the first slide.');
    }
    const step = body.step === undefined ? 0 : body.step;
    if (!isIndex(step)) {
      throw new HttpError(422, 'invalid_step', 'step must be a whole number, 0 for none of the builds shown.');
    }
    // No deck has MAX_SLIDES slides; answering here also keeps huge numbers away from Postgres's integer.
    const result: SetSlideResult =
      body.index < MAX_SLIDES
        ? await store.setSlide(id, body.index, expected, Math.min(step, MAX_STEP_QUERIED))
        : await outOfRange(store, id);
    switch (result.kind) {
      case 'not_found':
        throw deckNotFound();
      case 'version_mismatch':
        throw new HttpError(
          412,
          'version_mismatch',
          `The deck moved on (it is at version ${result.current.version}); reload its state and try again.`,
          { ETag: `"${result.current.version}"` },
          { index: result.current.index, step: result.current.step, version: result.current.version },
        );
      case 'out_of_range':
        throw new HttpError(
          422,
          'invalid_index',
          `index must be between 0 and ${result.count - 1}: this deck has ${result.count} slides.`,
        );
      case 'step_out_of_range':
        throw stepOutOfRange(result.index, result.steps);
      case 'changed':
      case 'unchanged': {
        if (result.kind === 'changed') {
          metrics.slideChanges.inc();
          // Read-after-write: a stream opened after this answer starts on this state.
          deps.states.remember?.(id, result.state);
        }
        const { index, step, version } = result.state;
        const response: SetSlideResponse = { index, step, version };
        ctx.set('ETag', `"${response.version}"`);
        ctx.body = response;
      }
    }
  });
}
