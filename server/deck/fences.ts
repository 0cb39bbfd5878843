const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Tracks fenced code blocks line by line: `inside(line)` says whether a line is code (fence lines included). */
export class FenceTracker {
  private fence: string | null = null;

  /** Feeds one line; true when it is a fence line or inside fenced code, so must not be interpreted. */
  inside(line: string): boolean {
    const marker = FENCE.exec(line)?.[1];
    if (this.fence === null) {
      if (marker === undefined) return false;
      this.fence = marker;
      return true;
    }
    if (marker !== undefined && marker[0] === this.fence[0] && marker.length >= this.fence.length) {
      if (line.trim() === marker) this.fence = null;
    }
    return true;
  }
}

/** The lines of `lines` that are outside fenced code. */
export function linesOutsideCode(lines: string[]): string[] {
  const tracker = new FenceTracker();
  return lines.filter((line) => !tracker.inside(line));
}
