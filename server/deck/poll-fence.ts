import { escapeHtml } from '../html-escape.js';
/** A poll as written in a deck: a fenced block with info string `poll`. */
export interface DeckPoll {
  /** Stable within the deck: `s<slide index>p<n>`, n counting the slide's polls from 1. */
  id: string;
  question: string;
  options: string[];
}

/** Poll ids as the renderer mints them (also the URL's `:pollId`). */
export const POLL_ID_PATTERN = /^s\d{1,4}p\d{1,3}$/;

/** Most options a poll keeps; more lines are ignored. */
export const MAX_POLL_OPTIONS = 20;

function unescapeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Reads a `poll` fence's content: the first non-empty line is the question, each `- ` line an option. */
export function parsePollFence(content: string, id: string): DeckPoll {
  const lines = content.split('\n').map((line) => line.trim());
  const question = lines.find((line) => line !== '' && !line.startsWith('- ')) ?? '';
  const options = lines
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2).trim())
    .filter((option) => option !== '')
    .slice(0, MAX_POLL_OPTIONS);
  return { id, question, options };
}

/** The voting card of `poll`, as text only: `data-poll` on the card, `data-option` (0-based) on each option. */
export function pollCardHtml(poll: DeckPoll): string {
  const options = poll.options.map((option, i) => `<li data-option="${i}">${escapeHtml(option)}</li>`).join('');
  return (
    `<div class="podium-poll" data-poll="${poll.id}">` +
    `<p class="podium-poll-question">${escapeHtml(poll.question)}</p>` +
    `<ol class="podium-poll-options">${options}</ol></div>\n`
  );
}

const CARD = /<div class="podium-poll" data-poll="(s\d{1,4}p\d{1,3})">([\s\S]*?)<\/ol><\/div>/g;
const QUESTION = /<p class="podium-poll-question">([\s\S]*?)<\/p>/;
const OPTION = /<li data-option="\d+">([\s\S]*?)<\/li>/g;

/** The polls in rendered slide HTML (as pollCardHtml wrote them, after the sanitizer), in order. */
export function pollsInHtml(html: string): DeckPoll[] {
  const polls: DeckPoll[] = [];
  for (const card of html.matchAll(CARD)) {
    const [, id = '', inner = ''] = card;
    const question = unescapeHtml(QUESTION.exec(inner)?.[1] ?? '');
    const options = [...inner.matchAll(OPTION)].map((option) => unescapeHtml(option[1] ?? ''));
    polls.push({ id, question, options });
  }
  return polls;
}
