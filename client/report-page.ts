/** Entry of `/d/:id/report`: the talk's report for the presenter of the deck in the path. */
import { deckIdFromPath } from './utils/deck-path.js';
import './components/podium-report/podium-report.js';

const report = document.querySelector('podium-report');
if (report) report.deckId = deckIdFromPath(location.pathname) ?? '';
