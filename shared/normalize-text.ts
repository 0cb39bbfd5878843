/**
 * Control characters (C0 and C1, tab and newline included) and the bidirectional embedding,
 * override and isolate characters that can make a label read backwards (U+202A to U+202E,
 * U+2066 to U+2069).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * A short text (title, key label, question) as people will see it: Unicode NFC, unsafe characters
 * (see UNSAFE) replaced by a space, runs of whitespace collapsed to one space, trimmed.
 */
export function normalizeShortText(text: string): string {
  return text.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/gu, ' ').trim();
}
