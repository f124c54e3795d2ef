/**
 * What a page added to a list while the list was still on its way. The list's answer may have
 * been read before those were added; shown alone, it would take them off the page until a
 * reload. `take` gives the answer with them, where the page puts what it adds: in front of the
 * list (newest first) or after it.
 */
export class AddedEarly<T extends { id: string }> {
  #items: T[] = [];
  readonly #at: 'start' | 'end';

  constructor(at: 'start' | 'end' = 'start') {
    this.#at = at;
  }

  /** Keeps `item`, added while the list had not answered yet. */
  add(item: T): void {
    this.#items = this.#at === 'start' ? [item, ...this.#items] : [...this.#items, item];
  }

  /** The list's answer, with what was added before it and it does not hold. */
  take(answer: T[]): T[] {
    const read = new Set(answer.map((item) => item.id));
    const early = this.#items.filter((item) => !read.has(item.id));
    this.#items = [];
    return this.#at === 'start' ? [...early, ...answer] : [...answer, ...early];
  }

  /** Forgets what was added, when the list is read for another record. */
  clear(): void {
    this.#items = [];
  }
}
