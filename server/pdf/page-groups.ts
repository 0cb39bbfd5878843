/**
 * Groups 0-based page indexes into slides: consecutive pages that share a page label (as
 * Beamer's `\pause` and overlays export: pages labelled 3, 3, 3) form one slide whose later
 * pages are build steps. Without labels (null), every page is its own slide.
 */
export function groupPagesByLabel(pageCount: number, labels: readonly string[] | null): number[][] {
  const groups: number[][] = [];
  for (let page = 0; page < pageCount; page++) {
    const label = labels?.[page];
    const previous = groups.at(-1);
    // An empty label says nothing about belonging together, so it never joins pages.
    if (previous && label && labels?.[page - 1] === label) previous.push(page);
    else groups.push([page]);
  }
  return groups;
}
