/**
 * A set of ids kept in localStorage under one key (this viewer's questions, its votes), so
 * marks survive a reload. Storage off (private mode): the set lives for the page only.
 */
export class SavedIds {
  private readonly ids: Set<string>;

  constructor(private readonly key: string) {
    let saved: unknown = [];
    try {
      saved = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    } catch {
      saved = [];
    }
    this.ids = new Set(Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : []);
  }

  /** True when `id` is in the set. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Adds (`on`) or removes `id`, and saves. */
  set(id: string, on: boolean): void {
    if (on) this.ids.add(id);
    else this.ids.delete(id);
    try {
      localStorage.setItem(this.key, JSON.stringify([...this.ids].slice(-500)));
    } catch {
      // Without storage the mark lasts for this page.
    }
  }
}
