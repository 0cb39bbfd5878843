import { FenceTracker } from './fences.js';

/** Lines of prose (at ~80 characters a line) past which a slide is unlikely to fit. Default 25. */
export const MAX_TEXT_LINES = 25;
/** Lines of one code block past which a slide is unlikely to fit. Default 30. */
export const MAX_CODE_LINES = 30;

/** A rough guess whether a slide's Markdown holds far more than a 16:9 stage shows at a readable size. */
export function estimateOverflow(body: string, longestCode: number): boolean {
  if (longestCode > MAX_CODE_LINES) return true;
  const fences = new FenceTracker();
  let lines = 0;
  for (const line of body.split('\n')) {
    const code = fences.inside(line);
    if (line.trim() === '' || /^\s*<!--.*-->\s*$/.test(line)) continue;
    lines += code ? 0.8 : Math.max(1, Math.ceil(line.trim().length / 80));
  }
  return lines > MAX_TEXT_LINES;
}
