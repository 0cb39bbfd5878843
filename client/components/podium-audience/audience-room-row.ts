import { html } from 'lit';
import type { ReactionDetail } from '../events.js';
import { burstsIcon } from '../reaction-icons.js';
import '../podium-reaction-bar/podium-reaction-bar.js';

/**
 * The audience page's room row: the reaction bar (quiet until `cooldownUntil`, epoch ms) and
 * this device's switch for reactions floating over the slide (`bursts`), which waits while the
 * presenter has them off for the whole room (`roomBursts` false).
 */
export function audienceRoomRow(
  room: { cooldownUntil: number; bursts: boolean },
  roomBursts: boolean,
  onReaction: (event: CustomEvent<ReactionDetail>) => void,
  onBurstsToggle: () => void,
) {
  const label = roomBursts ? 'Show reactions on screen' : 'The presenter turned reactions off on screens';
  return html`<div class="room-row">
    <podium-reaction-bar .cooldownUntil=${room.cooldownUntil} @podium-reaction=${onReaction}> </podium-reaction-bar>
    <button
      class="bursts-toggle"
      aria-label=${label}
      title=${label}
      aria-pressed=${room.bursts && roomBursts ? 'true' : 'false'}
      aria-disabled=${roomBursts ? 'false' : 'true'}
      @click=${onBurstsToggle}
    >
      ${burstsIcon}
    </button>
  </div>`;
}
