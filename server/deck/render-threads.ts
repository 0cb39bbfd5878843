import { availableParallelism } from 'node:os';

/** Worker threads that render decks: one fewer than the cores, 1 to 4 (the main thread keeps one core). */
export const RENDER_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
