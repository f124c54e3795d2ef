import { asApiError, currentAfterConflict, labelOf, type ApiError } from './api';
import type { Tag } from './directory.svelte';

export interface RecordStateOptions<T, Patch, Saved> {
  /** The record's id, from the address: a new id reads the record again. */
  id: () => string;
  read: (id: string, signal: AbortSignal) => Promise<T>;
  /**
   * Sends a change with `If-Match: ifMatch` (the version it was made on); answers the saved
   * record (as `T`, unless `keep` completes it).
   */
  write: (id: string, patch: Patch, ifMatch: string) => Promise<Saved>;
  /** What of the shown record to keep over the saved one (figures a PATCH does not answer). */
  keep?: (saved: Saved, before: T) => T;
  /** Deletes the record with `If-Match: ifMatch` (the version shown). */
  remove?: (id: string, ifMatch: string) => Promise<unknown>;
  /** What follows a delete that went through (say so, leave the page). */
  removed?: (record: T) => unknown;
}

/**
 * A change the API refused because someone else changed the record first: what they changed
 * (by field), and the change that was not saved (or the delete not done), to apply again on
 * top of theirs.
 */
export type EditConflict<Patch> = { fields: string[] } & (
  { patch: Patch; deleting?: never } | { patch?: never; deleting: true }
);

/** Fields that say nothing a person changed. */
const BOOKKEEPING = new Set(['version', 'updated_at']);

/** The fields whose values differ between what was shown and what the record holds now. */
function changedFields(before: object, now: object): string[] {
  const shown = before as Record<string, unknown>;
  return Object.entries(now)
    .filter(([field]) => !BOOKKEEPING.has(field) && field in shown)
    .filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(shown[field]))
    .map(([field]) => field);
}

/**
 * A delete of an item shown in a list (a task, a note) refused because someone else changed it
 * since it was shown: the item as it is now, and what to ask before deleting it anyway. Null
 * for any other failure.
 */
export function deleteConflict<T extends object>(
  error: ApiError,
  shown: T,
  one: string,
): { current: T; message: string } | null {
  const current = currentAfterConflict<T>(error);
  if (!current) return null;
  const fields = changedFields(shown, current).map(labelOf).join(', ');
  return {
    current,
    message:
      `Someone else changed this ${one} since it was shown${fields ? ` (${fields})` : ''}, ` +
      `so it was not deleted; it is shown as it is now. Delete it anyway?`,
  };
}

/**
 * The state of a record's page: the record read for the id in the address (a failure, such as
 * another organization's record, kept as `problem`), and changes shown at once, sent, and
 * rolled back when the API refuses them. Create it while a component initialises.
 */
export class RecordState<
  T extends { id: string; version: string },
  Patch extends object,
  Saved = T,
> {
  record = $state<T | null>(null);
  problem = $state<ApiError | null>(null);
  /** Set when a change met someone else's newer one; cleared by `reapply` or `dismiss`. */
  conflict = $state<EditConflict<Patch> | null>(null);
  #options: RecordStateOptions<T, Patch, Saved>;
  /** The change on its way to the API, which the next one waits for (`update`). */
  #sending: Promise<void> = Promise.resolve();

  constructor(options: RecordStateOptions<T, Patch, Saved>) {
    this.#options = options;
    $effect(() => {
      const id = options.id();
      const controller = new AbortController();
      this.record = null;
      this.problem = null;
      this.conflict = null;
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
    // One change at a time, each on the version the one before it saved: a second edit made
    // while the first is on its way would otherwise carry the version both were made on, and
    // be refused as a conflict with the person's own first edit.
    const earlier = this.#sending;
    let sent!: () => void;
    this.#sending = new Promise<void>((resolve) => (sent = resolve));
    try {
      await earlier;
      // The earlier change's answer replaced the record: this one is shown again on top of it.
      if (this.record?.id === before.id) Object.assign(this.record, fields, preview);
      const version = this.record?.id === before.id ? this.record.version : before.version;
      const saved = await this.#options.write(before.id, patch, `"${version}"`);
      if (this.record?.id === before.id) this.record = this.#shown(saved as Saved, before);
      return null;
    } catch (caught) {
      const error = asApiError(caught);
      const current = currentAfterConflict<Saved & object>(error);
      if (this.record?.id !== before.id) return error;
      if (current) {
        // Someone else's change wins the page; ours waits to be applied again on top of it.
        this.record = this.#shown(current, before);
        this.conflict = { fields: changedFields(before, current), patch };
        return null;
      }
      this.record = before;
      return error;
    } finally {
      sent();
    }
  }

  #shown(saved: Saved, before: T): T {
    return this.#options.keep?.(saved, before) ?? (saved as unknown as T);
  }

  /**
   * Deletes the record at the version shown: when someone else changed it since, nothing is
   * deleted, the page shows their change and the delete waits to be asked for again. Answers
   * any other failure.
   */
  async remove(): Promise<ApiError | null> {
    const shown = this.record;
    const { remove, removed } = this.#options;
    if (!shown || !remove) return null;
    const before = $state.snapshot(shown) as T;
    try {
      await remove(before.id, `"${before.version}"`);
    } catch (caught) {
      const error = asApiError(caught);
      const current = currentAfterConflict<Saved & object>(error);
      if (!current) return error;
      if (this.record?.id === before.id) {
        this.record = this.#shown(current, before);
        this.conflict = { fields: changedFields(before, current), deleting: true };
      }
      return null;
    }
    await removed?.(before);
    return null;
  }

  /** Applies the change (or the delete) that met a conflict again, on the record as it is now. */
  reapply = (): Promise<ApiError | null> => {
    const conflict = this.conflict;
    this.conflict = null;
    if (conflict?.deleting) return this.remove();
    return conflict ? this.update(conflict.patch) : Promise.resolve(null);
  };

  /** Keeps the other person's change and drops ours. */
  dismiss = (): void => {
    this.conflict = null;
  };

  /** Replaces the record's tags, shown at once. */
  saveTags = (tags: Tag[]): Promise<ApiError | null> =>
    this.update(
      { tag_ids: tags.map((tag) => tag.id) } as Patch,
      {
        tags: tags.map(({ id, name, color }) => ({ id, name, color })),
      } as unknown as Partial<T>,
    );
}
