import type { SlideEventData } from '../../shared/protocol.js';
import { guardConnection, type Database } from './database.js';
import { STATE_COLUMNS, toClock, toState, type StateRow } from './deck-rows.js';

/** Outcome of a slide change; the HTTP layer maps each kind to a status. */
export type SetSlideResult =
  | { kind: 'changed' | 'unchanged'; state: SlideEventData }
  | { kind: 'not_found' }
  | { kind: 'version_mismatch'; current: SlideEventData }
  | { kind: 'out_of_range'; count: number }
  /** `index` is a slide, but `step` is past its `steps`. */
  | { kind: 'step_out_of_range'; index: number; steps: number };

/** One waiting change of a deck. */
interface Request {
  index: number;
  step: number;
  expected: number | undefined;
  resolve: (result: SetSlideResult) => void;
  reject: (err: unknown) => void;
}

/** Most changes of one deck applied in one commit. */
const MAX_BATCH = 256;

/**
 * Slide changes, one deck's at a time from this process. A change of a deck with none in flight
 * is one statement (UPDATE ... version + 1, its trigger NOTIFYs in the same transaction). The
 * changes of that deck that arrive meanwhile wait and then go together: their outcomes are
 * worked out in order from the deck's current row, exactly as one after another would have
 * (each change is one version; an If-Match is compared with the version the change before it
 * left), and the last state is written in ONE commit, guarded by the version it was worked out
 * from (another process's change in between: read again, work out again). A deck's row admits
 * one commit at a time whatever happens, so without this a presenter's burst was bounded by
 * the commit latency; with it, by the batch. Streams get the last state (latest wins); each
 * answer has its own version, which the row has passed by the time it is sent. Commits wait
 * for the WAL flush: a change answered 200 survives a crash, and no version is handed out twice.
 */
export class SlideChanges {
  /** Decks with a change in flight, and the changes waiting behind it. */
  private readonly waiting = new Map<string, Request[]>();

  constructor(private readonly db: Database) {}

  /** Moves deck `id` to slide `index` at build `step`; with `expectedVersion` a compare-and-set. */
  set(id: string, index: number, expectedVersion: number | undefined, step: number): Promise<SetSlideResult> {
    return new Promise((resolve, reject) => {
      const request: Request = { index, step, expected: expectedVersion, resolve, reject };
      const queue = this.waiting.get(id);
      if (queue) return void queue.push(request);
      this.waiting.set(id, []);
      void this.run(id, [request]);
    });
  }

  /** Runs `batch`, then whatever queued behind it, until the deck has nothing waiting. */
  private async run(id: string, batch: Request[]): Promise<void> {
    for (;;) {
      try {
        const results = batch.length === 1 ? [await this.one(id, batch[0] as Request)] : await this.many(id, batch);
        batch.forEach((request, i) => request.resolve(results[i] as SetSlideResult));
      } catch (err) {
        for (const request of batch) request.reject(err);
      }
      const queue = this.waiting.get(id) ?? [];
      if (queue.length === 0) return void this.waiting.delete(id);
      batch = queue.splice(0, MAX_BATCH);
    }
  }

  /** One change alone: one statement when it applies, a read to say why when it does not. */
  private one(id: string, { index, step, expected }: Request): Promise<SetSlideResult> {
    return guardConnection(async () => {
      for (;;) {
        // The one statement whose lost answer leaves the outcome unknown (see Database.change).
        const changed = await this.db.change<StateRow>(
          `UPDATE decks SET current_index = $2, current_step = $3, version = version + 1, updated_at = now(),
             reached_index = CASE WHEN ($2, $3) > (reached_index, reached_step) THEN $2 ELSE reached_index END,
             reached_step = CASE WHEN ($2, $3) > (reached_index, reached_step) THEN $3 ELSE reached_step END,
             started_at = COALESCE(started_at, now())
           WHERE id = $1 AND (current_index <> $2 OR current_step <> $3) AND $2 < slide_count
             AND $3 <= slide_steps[$2 + 1] AND ($4::integer IS NULL OR version = $4)
           RETURNING ${STATE_COLUMNS}`,
          [id, index, step, expected ?? null],
        );
        if (changed[0]) return { kind: 'changed', state: toState(changed[0]) };
        const current = await this.db.query<StateRow & { steps: number | null }>(
          `SELECT ${STATE_COLUMNS}, slide_steps[$2 + 1] AS steps FROM decks WHERE id = $1`,
          [id, index],
        );
        const row = current[0];
        if (!row) return { kind: 'not_found' };
        if (expected !== undefined && row.version !== expected) {
          return { kind: 'version_mismatch', current: toState(row) };
        }
        if (index >= row.slide_count) return { kind: 'out_of_range', count: row.slide_count };
        if (step > (row.steps ?? 0)) return { kind: 'step_out_of_range', index, steps: row.steps ?? 0 };
        if (row.current_index === index && row.current_step === step) return { kind: 'unchanged', state: toState(row) };
        // Another change landed between the two statements; the update may now apply.
      }
    });
  }

  /** Several changes of one deck in order, written as one commit of the last state. */
  private many(id: string, batch: Request[]): Promise<SetSlideResult[]> {
    return guardConnection(async () => {
      for (;;) {
        const rows = await this.db.query<StateRow & { slide_steps: number[] }>(
          `SELECT ${STATE_COLUMNS}, slide_steps FROM decks WHERE id = $1`,
          [id],
        );
        const row = rows[0];
        if (!row) return batch.map((): SetSlideResult => ({ kind: 'not_found' }));
        const base = toState(row);
        let state = base;
        // The furthest position shown, over the row and every change of the batch (browse: behind).
        let reached = { index: row.reached_index, step: row.reached_step };
        const results = batch.map(({ index, step, expected }): SetSlideResult => {
          if (expected !== undefined && state.version !== expected) return { kind: 'version_mismatch', current: state };
          if (index >= row.slide_count) return { kind: 'out_of_range', count: row.slide_count };
          const steps = row.slide_steps[index] ?? 0;
          if (step > steps) return { kind: 'step_out_of_range', index, steps };
          if (state.index === index && state.step === step) return { kind: 'unchanged', state };
          if (index > reached.index || (index === reached.index && step > reached.step)) reached = { index, step };
          state = { index, step, version: state.version + 1, count: row.slide_count };
          if (base.reached) state.reached = reached;
          if (base.bursts === false) state.bursts = false;
          return { kind: 'changed', state };
        });
        if (state === base) return results;
        const written = await this.db.change<StateRow>(
          `UPDATE decks SET current_index = $2, current_step = $3, version = $4, updated_at = now(),
             reached_index = $6, reached_step = $7, started_at = COALESCE(started_at, now())
           WHERE id = $1 AND version = $5
           RETURNING ${STATE_COLUMNS}`,
          [id, state.index, state.step, state.version, base.version, reached.index, reached.step],
        );
        const after = written[0];
        if (after) {
          // Every answer of the batch carries the clock as the commit left it (started by it, or before).
          const clock = toClock(after);
          return results.map((result): SetSlideResult => {
            if (result.kind === 'changed' || result.kind === 'unchanged')
              return { ...result, state: { ...result.state, clock } };
            if (result.kind === 'version_mismatch') return { ...result, current: { ...result.current, clock } };
            return result;
          });
        }
        // Another process changed the deck since the read: work the batch out again from its new row.
      }
    });
  }
}
