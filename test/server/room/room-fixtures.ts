/** A deck with one poll of three options on its second slide (`s1p1`). */
export const POLL_DECK = '# Hello\n---\n## Vote\n\n```poll\nBest fruit?\n- Apple\n- Pear\n- Plum\n```\n';

/** A deck without front matter: free to browse until the presenter says otherwise. Each slide after the first has a word found nowhere else, so a leak of a slide is a leak of its word. */
export const SPOILER_DECK = [
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

/** The same four slides, with front matter that turns reading ahead off. */
export const BEHIND_DECK = ['---', 'title: No spoilers', 'browse: behind', '---', SPOILER_DECK].join('\n');
