import { html } from 'lit';
import type { ReactionDetail } from '../events.js';
import { burstsIcon } from '../reaction-icons.js';
import '../podium-reaction-bar/podium-reaction-bar.js';

/**
 * The audience page's room row: the reaction bar (quiet until `cooldownUntil`, epoch ms) and
 * the switch for reactions floating over the slide (`bursts`).
 */
export function audienceRoomRow(
  room: { cooldownUntil: number; bursts: boolean },
  onReaction: (event: CustomEvent<ReactionDetail>) => void,
  onBurstsToggle: () => void,
) {
  return html`<div class="room-row">
    <podium-reaction-bar .cooldownUntil=${room.cooldownUntil} @podium-reaction=${onReaction}> </podium-reaction-bar>
    <button
      class="bursts-toggle"
      aria-label="Show reactions on screen"
      title="Show reactions on screen"
      aria-pressed=${room.bursts ? 'true' : 'false'}
      @click=${onBurstsToggle}
    >
      ${burstsIcon}
    </button>
  </div>`;
}
