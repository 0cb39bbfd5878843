/** Rules about decks that the server enforces and the client checks first. Imports nothing. */

/** Largest Markdown deck accepted, in bytes: 1 MiB (the server answers 413 past it). */
export const MAX_DECK_BYTES = 1024 * 1024;

/** Deck ids: generated codes and slugs of served files; lowercase letters, digits and dashes, at most 64. */
export const DECK_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
