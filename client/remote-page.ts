/** Entry of `/d/:id/remote`: the presenter remote for the deck in the path. */
import { deckIdFromPath } from './utils/deck-path.js';
import './components/podium-remote/podium-remote.js';

const remote = document.querySelector('podium-remote');
if (remote) remote.deckId = deckIdFromPath(location.pathname) ?? '';
