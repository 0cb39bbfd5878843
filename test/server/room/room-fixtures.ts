/** A deck with one poll of three options on its second slide (`s1p1`). */
export const POLL_DECK = '# Hello\n---\n## Vote\n\n```poll\nBest fruit?\n- Apple\n- Pear\n- Plum\n```\n';
