/** Entry of `/`: the start page. */
import './podium-start.js';
