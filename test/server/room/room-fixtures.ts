/** A deck with one poll of three options on its second slide (`s1p1`). */
export const POLL_DECK = '# Hello\n---\n## Vote\n\n```poll\nBest fruit?\n- Apple\n- Pear\n- Plum\n```\n';

/** Four slides, each with a word found nowhere else, so a leak of a slide is a leak of its word. */
export const BEHIND_DECK = [
  '---',
  'title: No spoilers',
  'browse: behind',
  '---',
  '# Opening',
  '',
  'Welcome',
  '---',
  '## Riddle',
  '',
  'Word zanzibar',
  '---',
  '## Answer',
  '',
  'Word quetzal',
  '---',
  '## Finale',
  '',
  'Word xylophone',
].join('\n');

/** A deck without front matter: free to browse until the presenter says otherwise. */
export const SPOILER_DECK = [
  '# Opening',
  '---',
  '## Riddle',
  '',
  'Word zanzibar',
  '---',
  '## Answer',
  '',
  'Word quetzal',
  '---',
  '## Finale',
  '',
  'Word xylophone',
].join('\n');
