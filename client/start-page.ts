/** Entry of `/`: the start page. */
import './components/podium-start/podium-start.js';
