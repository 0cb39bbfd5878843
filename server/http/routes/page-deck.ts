import type { Context } from 'koa';
import { DECK_ID_PATTERN } from '../../../shared/deck-rules.js';
import { escapeHtml } from '../../html-escape.js';
import type { AppDeps } from '../app-deps.js';
import { deckNotFound } from '../http-error.js';

/** Longest code echoed back on the "no such talk" page. */
const MAX_CODE_SHOWN = 64;

/** True when the client (a browser) asked for a page rather than JSON. */
function wantsHtml(ctx: Context): boolean {
  return ctx.accepts('json', 'html') === 'html';
}

/** The 404 page of a talk code nobody has: what happened and a way back to the start page. */
function noSuchTalkPage(code: string): string {
  const shown = escapeHtml(code.slice(0, MAX_CODE_SHOWN));
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>No such talk · Podium</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
  </head>
  <body>
    <main>
      <h1>No talk has the code “${shown}”</h1>
      <p>Check the code with the presenter: it may be mistyped, or the talk may have ended and been removed.</p>
      <p><a href="/">Start or join another talk</a></p>
    </main>
  </body>
</html>
`;
}

/**
 * The deck id of a page route (`/d/:id...`), or null once answered: a code typed in capitals
 * is redirected to its lowercase page (codes are case-insensitive); a code no deck has gets a
 * 404, as an HTML page with a way back for browsers and in the error shape for everyone else.
 */
export async function pageDeckId(ctx: Context, deps: AppDeps): Promise<string | null> {
  const raw = String(ctx.params.id ?? '');
  if (!DECK_ID_PATTERN.test(raw) && DECK_ID_PATTERN.test(raw.toLowerCase())) {
    const after = ctx.path.indexOf('/', '/d/'.length);
    const suffix = after > 0 ? ctx.path.slice(after) : '';
    ctx.status = 308;
    ctx.redirect(`/d/${encodeURIComponent(raw.toLowerCase())}${suffix}${ctx.search}`);
    return null;
  }
  const known = DECK_ID_PATTERN.test(raw) && (!wantsHtml(ctx) || (await deps.states.load(raw)) !== null);
  if (known) return raw;
  if (!wantsHtml(ctx)) throw deckNotFound();
  ctx.status = 404;
  ctx.type = 'text/html; charset=utf-8';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = noSuchTalkPage(raw);
  return null;
}
