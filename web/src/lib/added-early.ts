/**
 * What a page added to a list while the list was still on its way. The list's answer may have
 * been read before those were added; shown alone, it would take them off the page until a
 * reload. `add` puts an item where the page puts what it adds (in front of the list, newest
 * first, or after it) and, until the answer came, keeps it; `take` gives the answer with them.
 */
export class AddedEarly<T extends { id: string }> {
  #items: T[] = [];
  #answered = false;
  readonly #at: 'start' | 'end';

  constructor(at: 'start' | 'end' = 'start') {
    this.#at = at;
  }

  #placed(list: T[], item: T): T[] {
    return this.#at === 'start' ? [item, ...list] : [...list, item];
  }

  /** The list shown (null before its answer) with `item` added in its place. */
  add(shown: T[] | null, item: T): T[] {
    if (!this.#answered) this.#items = this.#placed(this.#items, item);
    return this.#placed(shown ?? [], item);
  }

  /** The list's answer, with what was added before it and it does not hold. */
  take(answer: T[]): T[] {
    const read = new Set(answer.map((item) => item.id));
    const early = this.#items.filter((item) => !read.has(item.id));
    this.#items = [];
    this.#answered = true;
    return this.#at === 'start' ? [...early, ...answer] : [...answer, ...early];
  }

  /** Forgets what was added, when the list is read again, for this record or another. */
  clear(): void {
    this.#items = [];
    this.#answered = false;
  }
}
