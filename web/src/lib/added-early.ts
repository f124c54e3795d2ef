/**
 * What a page added to a list while the list was still on its way. The list's answer may have
 * been read before those were added; shown alone, it would take them off the page until a
 * reload. `take` gives the answer with them in front of it.
 */
export class AddedEarly<T extends { id: string }> {
  #items: T[] = [];

  /** Keeps `item`, added while the list had not answered yet. */
  add(item: T): void {
    this.#items = [item, ...this.#items];
  }

  /** The list's answer, after what was added before it and it does not hold. */
  take(answer: T[]): T[] {
    const read = new Set(answer.map((item) => item.id));
    const shown = [...this.#items.filter((item) => !read.has(item.id)), ...answer];
    this.#items = [];
    return shown;
  }

  /** Forgets what was added, when the list is read for another record. */
  clear(): void {
    this.#items = [];
  }
}
