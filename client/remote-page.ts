/** Entry of `/d/:id/remote`: the presenter remote for the deck in the path. */
import { deckIdFromPath } from './utils/deck-path.js';
import './components/podium-remote/podium-remote.js';

const remote = document.querySelector('podium-remote');
if (remote) remote.deckId = deckIdFromPath(location.pathname) ?? '';
// A pairing link opened in this very tab only changes the fragment: start over to pair with it.
window.addEventListener('hashchange', () => {
  if (new URLSearchParams(location.hash.slice(1)).has('key')) location.reload();
});
