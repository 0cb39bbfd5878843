import type { ClockResponse, CreateDeckResponse, RoomSettingsResponse } from '../../shared/protocol.js';
import type { ReactionName } from '../../shared/room-protocol.js';
import type { DeckBundle } from '../utils/deck-bundle.js';

/** Detail of `podium-slide-change`: the slide a person moved to (0-based). */
export interface SlideChangeDetail {
  index: number;
  /** True when this is the presenter's live slide (remote), or the viewer is back on it. */
  live: boolean;
}

/** Detail of `podium-slide-select`: a slide picked in the grid (0-based). */
export interface SlideSelectDetail {
  index: number;
}

/** Detail of `podium-follow-live`: the live slide the viewer returned to (0-based). */
export interface FollowLiveDetail {
  index: number;
}

/** Detail of `podium-files-change`: the upload the presenter chose, or null once removed or refused. */
export interface FilesChangeDetail {
  bundle: DeckBundle | null;
}

/** Detail of `podium-markdown-file`: the text of a single Markdown file chosen or dropped alone. */
export interface MarkdownFileDetail {
  text: string;
}

/** Detail of `podium-reaction`: the reaction a viewer sent. */
export interface ReactionDetail {
  reaction: ReactionName;
}

/** Detail of `podium-bursts-toggle`: whether reactions now show as bursts on this screen. */
export interface BurstsToggleDetail {
  on: boolean;
}

/** Every `podium-*` event and its detail. */
export interface PodiumEventDetails {
  'podium-slide-change': SlideChangeDetail;
  'podium-slide-select': SlideSelectDetail;
  'podium-follow-live': FollowLiveDetail;
  'podium-clock-change': ClockResponse;
  'podium-deck-created': CreateDeckResponse;
  'podium-files-change': FilesChangeDetail;
  'podium-markdown-file': MarkdownFileDetail;
  'podium-reaction': ReactionDetail;
  'podium-bursts-toggle': BurstsToggleDetail;
  'podium-settings-change': RoomSettingsResponse;
}

/** A typed `podium-*` event that bubbles out of shadow roots. Dispatch on user action only. */
export function podiumEvent<K extends keyof PodiumEventDetails>(
  type: K,
  detail: PodiumEventDetails[K],
): CustomEvent<PodiumEventDetails[K]> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'podium-slide-change': CustomEvent<SlideChangeDetail>;
    'podium-slide-select': CustomEvent<SlideSelectDetail>;
    'podium-follow-live': CustomEvent<FollowLiveDetail>;
    'podium-clock-change': CustomEvent<ClockResponse>;
    'podium-deck-created': CustomEvent<CreateDeckResponse>;
    'podium-files-change': CustomEvent<FilesChangeDetail>;
    'podium-markdown-file': CustomEvent<MarkdownFileDetail>;
    'podium-reaction': CustomEvent<ReactionDetail>;
    'podium-bursts-toggle': CustomEvent<BurstsToggleDetail>;
    'podium-settings-change': CustomEvent<RoomSettingsResponse>;
  }
}
