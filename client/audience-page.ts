/** Entry of `/d/:id`: the audience viewer for the deck in the path. */
import { deckIdFromPath } from './deck-path.js';
import './podium-audience.js';

const viewer = document.querySelector('podium-audience');
if (viewer) viewer.deckId = deckIdFromPath(location.pathname) ?? '';
