import { unwatchFile, watch, watchFile, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { referencedAssetPath } from './assets/asset-path.js';
import { deckReferences } from './assets/deck-references.js';
import type { DeckStore } from './store/deck-store.js';
import { importReport, loadDeckFile } from './serve-deck.js';

/** Quiet time after the last file event before the deck is read again, in ms: editors write in bursts. */
const SETTLE_MS = 150;

/** How often the deck file is polled when the system refuses a watcher, in ms. */
const POLL_MS = 300;

/** A change worth a reload: not a hidden file nor an editor's swap or backup file. */
function interesting(name: string): boolean {
  return !name.startsWith('.') && !/(~|\.swp|\.swx|\.tmp|#)$/.test(name);
}

/** The folders to watch: the deck's own and those of the files it references (never a whole tree). */
async function foldersOf(path: string): Promise<string[]> {
  const folder = dirname(path);
  const markdown = await readFile(path, 'utf8').catch(() => '');
  const folders = new Set([folder]);
  for (const ref of deckReferences(markdown)) {
    const file = referencedAssetPath(ref);
    if (file !== null) folders.add(dirname(join(folder, file)));
  }
  return [...folders];
}

/**
 * Rehearsal mode for `npm start -- talk.md`: watches the deck's folder and the folders of the
 * files it references (its images, its imported Markdown; never a whole tree) and, a moment
 * after an edit, loads the deck again: every open screen gets a `deck` event and fetches the
 * new content; the position is kept, clamped to the new length; the terminal prints the new
 * warnings. A deck that no longer parses keeps the last
 * good version and says why. Where the system refuses a watcher (inotify limits), or with
 * `how: 'poll'`, the deck file itself is polled instead. Returns a function that stops watching.
 */
export function watchDeckFile(
  store: DeckStore,
  path: string,
  id: string,
  print = console.log,
  how: 'watch' | 'poll' = 'watch',
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const reload = () => {
    running = running.then(async () => {
      try {
        const { deck, warnings } = await loadDeckFile(store, path, id);
        // The edit may reference files in other folders now.
        if (how === 'watch') await follow();
        const when = new Date().toLocaleTimeString();
        print(
          [`[${when}] Reloaded "${deck.title}" (${deck.slides.length} slides).`, ...importReport(warnings)].join('\n'),
        );
      } catch (err) {
        print(`Could not reload ${path}; screens keep the last good version. ${(err as Error).message}`);
      }
    });
  };
  const watchers = new Map<string, FSWatcher>();
  let stopped = false;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(reload, SETTLE_MS);
  };
  let polling = false;
  /** When the system refuses a watcher (inotify limits), the deck file itself is polled instead. */
  const poll = (why: string) => {
    if (polling || stopped) return;
    polling = true;
    print(`Watching ${path} by polling (${why}); edits show within a second.`);
    watchFile(path, { interval: POLL_MS }, (now, before) => {
      if (now.mtimeMs !== before.mtimeMs || now.size !== before.size) changed();
    });
  };
  const watchFolder = (folder: string) => {
    if (watchers.has(folder)) return;
    const own = folder === dirname(path);
    try {
      const watcher = watch(folder, (_event, name) => {
        if (name !== null && !interesting(name.toString())) return;
        changed();
      });
      watcher.on('error', (err) => {
        watchers.delete(folder);
        if (own) poll(err.message);
      });
      watchers.set(folder, watcher);
    } catch (err) {
      // A referenced folder that does not exist (yet): its images are reported missing.
      if (own) poll((err as Error).message);
    }
  };
  const follow = async () => {
    const wanted = new Set(await foldersOf(path));
    if (stopped) return;
    for (const [folder, watcher] of watchers) {
      if (!wanted.has(folder)) {
        watcher.close();
        watchers.delete(folder);
      }
    }
    for (const folder of wanted) watchFolder(folder);
  };
  // The deck's own folder is watched before this returns, so no edit made after it is missed;
  // the folders of referenced files follow once the deck has been read.
  if (how === 'poll') poll('asked for');
  else watchFolder(dirname(path));
  if (how === 'watch') void follow();
  return () => {
    stopped = true;
    clearTimeout(timer);
    if (polling) unwatchFile(path);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
}
