/** Entry of `/d/:id`: the audience viewer for the deck in the path. */
import { deckIdFromPath } from './utils/deck-path.js';
import { keepOfflineCopy } from './utils/offline-copy.js';
import './components/podium-audience/podium-audience.js';

const deckId = deckIdFromPath(location.pathname) ?? '';
const viewer = document.querySelector('podium-audience');
if (viewer) {
  viewer.projector = new URLSearchParams(location.search).has('projector');
  viewer.deckId = deckId;
}
// Once the deck is kept for offline browsing, say so on the root element (tests and tools read it).
void keepOfflineCopy(deckId ? [`/api/decks/${encodeURIComponent(deckId)}`] : []).then((kept) => {
  if (kept) document.documentElement.dataset.offlineReady = 'true';
});
