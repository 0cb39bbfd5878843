import './podium-poll.js';

/**
 * Puts a live `<podium-poll>` into every poll card of rendered slide HTML under `root` (the
 * cards the server wrote: `.podium-poll[data-poll]` with `li[data-option]` options), in place
 * of the static option list. Previews (thumbnails) keep the static card.
 */
export function mountPolls(root: ParentNode, preview: boolean): void {
  if (preview) return;
  for (const card of root.querySelectorAll<HTMLElement>('.podium-poll[data-poll]')) {
    if (card.querySelector('podium-poll')) continue;
    const poll = document.createElement('podium-poll');
    poll.pollId = card.dataset.poll ?? '';
    poll.question = card.querySelector('.podium-poll-question')?.textContent ?? '';
    poll.options = [...card.querySelectorAll('li[data-option]')].map((option) => option.textContent ?? '');
    const list = card.querySelector('ol');
    if (list) list.hidden = true;
    card.append(poll);
  }
}
