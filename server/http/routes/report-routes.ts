import type Router from '@koa/router';
import type { Context } from 'koa';
import type { TalkReport } from '../../../shared/room-protocol.js';
import { reportCsv } from '../../room/report-csv.js';
import type { AppDeps } from '../app-deps.js';
import { deckIdFrom } from '../deck-id.js';
import { deckNotFound } from '../http-error.js';
import { requirePresenter } from '../presenter-auth.js';

/**
 * The talk's story for its presenter: `GET /api/decks/:id/report` (JSON) and `.../report.csv`,
 * both with the presenter key. Questions (hidden ones too), polls with their counts, reaction
 * totals and reactions per minute, seconds per slide and the audience over time; the history is kept PODIUM_HISTORY_DAYS.
 */
export function registerReportRoutes(router: Router, deps: AppDeps): void {
  const build = async (ctx: Context): Promise<TalkReport> => {
    const id = deckIdFrom(ctx);
    await requirePresenter(ctx, deps.store, id);
    const deck = await deps.store.getDeck(id);
    if (!deck) throw deckNotFound();
    const [questions, polls, reactions, reactionsPerMinute, slideTimes, audience] = await Promise.all([
      deps.store.questions.listAll([id], true),
      deps.store.polls.tallies([id]),
      deps.room.reactionStore.totals(id),
      deps.room.reactionStore.perMinute(id),
      deps.store.history.slideTimes(id),
      deps.store.history.audience(id),
    ]);
    ctx.set('Cache-Control', 'no-store');
    return {
      deck: { id, title: deck.title, slides: deck.slides.length },
      generatedAt: new Date().toISOString(),
      questions: questions.get(id) ?? [],
      polls: polls.get(id) ?? [],
      reactions,
      reactionsPerMinute,
      slideTimes,
      audience,
      sampleSeconds: deps.config.audienceSampleMs / 1000,
      historyDays: deps.config.historyDays,
    };
  };

  router.get('/api/decks/:id/report', async (ctx) => {
    ctx.body = await build(ctx);
  });

  router.get('/api/decks/:id/report.csv', async (ctx) => {
    const report = await build(ctx);
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Content-Disposition', `attachment; filename="podium-${report.deck.id}-report.csv"`);
    ctx.body = reportCsv(report);
  });
}
