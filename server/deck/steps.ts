import type { Element } from 'domhandler';

/** A build element found in a slide, in document order. */
export interface Build {
  element: Element;
  /** An explicit position (reveal's `data-fragment-index`, Slidev's `v-click="3"`). */
  explicit?: number;
  /** Appears with the build before it (Slidev's `v-after`). */
  withPrevious?: boolean;
}

/**
 * Numbers builds into steps and marks each with `data-step="k"` (1-based). As reveal.js does,
 * explicitly indexed builds come first, grouped by index in ascending order; the others follow
 * in document order, one step each (or with the previous one). Returns the number of steps.
 */
export function assignSteps(builds: Build[]): number {
  const keys: string[] = [];
  let previous = '1:0';
  builds.forEach((build, order) => {
    const key =
      build.explicit !== undefined
        ? `0:${String(build.explicit).padStart(8, '0')}`
        : build.withPrevious
          ? previous
          : `1:${String(order).padStart(8, '0')}`;
    keys.push(key);
    previous = key;
  });
  const ordered = [...new Set(keys)].sort();
  builds.forEach((build, i) => {
    build.element.attribs['data-step'] = String(ordered.indexOf(keys[i] ?? '') + 1);
  });
  return ordered.length;
}
