import { watch, type FSWatcher } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import type { DeckStore } from './store/deck-store.js';
import { importReport, loadDeckFile } from './serve-deck.js';

/** Quiet time after the last file event before the deck is read again, in ms: editors write in bursts. */
const SETTLE_MS = 150;

/** A change worth a reload: anything in the deck's folder but hidden files, editor swap files and node_modules. */
function interesting(name: string): boolean {
  const parts = name.split(sep);
  if (parts.some((part) => part.startsWith('.') || part === 'node_modules')) return false;
  return !/(~|\.swp|\.swx|\.tmp|#)$/.test(name);
}

/**
 * Rehearsal mode for `npm start -- talk.md`: watches the deck's folder (the file, its images,
 * its imported Markdown) and, a moment after an edit, loads the deck again: every open screen
 * gets a `deck` event and fetches the new content; the position is kept, clamped to the new
 * length; the terminal prints the new warnings. A deck that no longer parses keeps the last
 * good version and says why. Returns a function that stops watching.
 */
export function watchDeckFile(store: DeckStore, path: string, id: string, print = console.log): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const reload = () => {
    running = running.then(async () => {
      try {
        const { deck, warnings } = await loadDeckFile(store, path, id);
        const when = new Date().toLocaleTimeString();
        print(
          [`[${when}] Reloaded "${deck.title}" (${deck.slides.length} slides).`, ...importReport(warnings)].join('\n'),
        );
      } catch (err) {
        print(`Could not reload ${path}; screens keep the last good version. ${(err as Error).message}`);
      }
    });
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(path), { recursive: true }, (_event, name) => {
      if (name !== null && !interesting(name.toString())) return;
      clearTimeout(timer);
      timer = setTimeout(reload, SETTLE_MS);
    });
  } catch (err) {
    print(`Not watching ${relative(process.cwd(), path)} for edits: ${(err as Error).message}`);
    return () => undefined;
  }
  watcher.on('error', () => undefined);
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
