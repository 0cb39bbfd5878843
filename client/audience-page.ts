/** Entry of `/d/:id`: the audience viewer for the deck in the path. */
import { deckIdFromPath } from './utils/deck-path.js';
import './components/podium-audience/podium-audience.js';

const viewer = document.querySelector('podium-audience');
if (viewer) {
  viewer.projector = new URLSearchParams(location.search).has('projector');
  viewer.deckId = deckIdFromPath(location.pathname) ?? '';
}
