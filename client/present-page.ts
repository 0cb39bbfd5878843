/** Entry of `/d/:id/present`: the presenter view (laptop) for the deck in the path. */
import { deckIdFromPath } from './utils/deck-path.js';
import './components/podium-presenter/podium-presenter.js';

const presenter = document.querySelector('podium-presenter');
if (presenter) presenter.deckId = deckIdFromPath(location.pathname) ?? '';
