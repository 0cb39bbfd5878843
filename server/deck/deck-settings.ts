import type { DeckSettings } from './deck-types.js';

function minutes(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 && value <= 24 * 60 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const clock = /^(\d+):(\d{2})$/.exec(value.trim());
  if (clock) return minutes(Number(clock[1]) * 60 + Number(clock[2]));
  const match = /^(\d+(?:\.\d+)?)\s*(h|hours?|m|min|mins|minutes?)?$/i.exec(value.trim());
  if (!match) return undefined;
  return minutes(Number(match[1]) * (match[2]?.toLowerCase().startsWith('h') ? 60 : 1));
}

/**
 * Podium's settings from head matter, at the top level or under `podium:`: `browse` (`free` or
 * `behind`) and `duration` / `durationMinutes` (minutes, or "20 min", "1h", "1:30"). Absent by default.
 */
export function readSettings(head: Record<string, unknown>): DeckSettings {
  const nested = head.podium;
  const source = { ...head, ...(nested && typeof nested === 'object' && !Array.isArray(nested) ? nested : {}) };
  const settings: DeckSettings = {};
  const browse = (source as Record<string, unknown>).browse;
  if (browse === 'free' || browse === 'behind') settings.browse = browse;
  const record = source as Record<string, unknown>;
  const duration = minutes(record.durationMinutes ?? record.duration);
  if (duration !== undefined) settings.durationMinutes = duration;
  return settings;
}
