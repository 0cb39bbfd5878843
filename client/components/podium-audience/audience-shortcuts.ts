import type { Shortcut } from '../podium-shortcuts/podium-shortcuts.js';

/** The audience viewer's keys, as its shortcut list shows them. */
export const AUDIENCE_SHORTCUTS: Shortcut[] = [
  { keys: '→ Space PageDown N', action: 'Next slide' },
  { keys: '← Shift+Space PageUp P', action: 'Previous slide' },
  { keys: 'Home End', action: 'First, last slide' },
  { keys: 'L', action: 'Back to the live slide' },
  { keys: 'R', action: 'Reader mode on or off' },
  { keys: 'F', action: 'Full screen' },
];
