import { asApiError, type ApiError } from './api';
import type { Tag } from './directory.svelte';

export interface RecordStateOptions<T, Patch, Saved> {
  /** The record's id, from the address: a new id reads the record again. */
  id: () => string;
  read: (id: string, signal: AbortSignal) => Promise<T>;
  /** Sends a change; answers the saved record (as `T`, unless `keep` completes it). */
  write: (id: string, patch: Patch) => Promise<Saved>;
  /** What of the shown record to keep over the saved one (figures a PATCH does not answer). */
  keep?: (saved: Saved, before: T) => T;
}

/**
 * The state of a record's page: the record read for the id in the address (a failure, such as
 * another organization's record, kept as `problem`), and changes shown at once, sent, and
 * rolled back when the API refuses them. Create it while a component initialises.
 */
export class RecordState<T extends { id: string }, Patch extends object, Saved = T> {
  record = $state<T | null>(null);
  problem = $state<ApiError | null>(null);
  #options: RecordStateOptions<T, Patch, Saved>;

  constructor(options: RecordStateOptions<T, Patch, Saved>) {
    this.#options = options;
    $effect(() => {
      const id = options.id();
      const controller = new AbortController();
      this.record = null;
      this.problem = null;
      options
        .read(id, controller.signal)
        .then((record) => (this.record = record))
        .catch((caught: unknown) => {
          if (!controller.signal.aborted) this.problem = asApiError(caught);
        });
      return () => controller.abort();
    });
  }

  /**
   * Shows the change at once and sends it; on failure the record goes back to what the server
   * has and the error is returned for the field, whose editor reopens with what was typed.
   * `preview` is what the change looks like when the patch's own fields do not say it.
   */
  async update(patch: Patch, preview: Partial<T> = {}): Promise<ApiError | null> {
    const shown = this.record;
    if (!shown) return null;
    const before = $state.snapshot(shown) as T;
    const { tag_ids: _tagIds, ...fields } = patch as Patch & { tag_ids?: unknown };
    Object.assign(shown, fields, preview);
    try {
      const saved = await this.#options.write(before.id, patch);
      if (this.record?.id === before.id)
        this.record = this.#options.keep?.(saved, before) ?? (saved as unknown as T);
      return null;
    } catch (caught) {
      if (this.record?.id === before.id) this.record = before;
      return asApiError(caught);
    }
  }

  /** Replaces the record's tags, shown at once. */
  saveTags = (tags: Tag[]): Promise<ApiError | null> =>
    this.update(
      { tag_ids: tags.map((tag) => tag.id) } as Patch,
      {
        tags: tags.map(({ id, name, color }) => ({ id, name, color })),
      } as unknown as Partial<T>,
    );
}
