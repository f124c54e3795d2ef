import { asApiError, type ApiError } from './api';
import { warnBeforeLeaving } from './unsaved';

/** A text box's value as the API takes it: trimmed, null for an empty box. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * A create form's state: the draft (kept until the record is created, so a failed request or a
 * closed dialog loses nothing), whether it differs from a blank one, the API's errors by field,
 * and the submit in flight. Create it while a component initialises.
 */
export class FormState<Draft extends Record<string, string>> {
  draft: Draft;
  busy = $state(false);
  error = $state<ApiError | null>(null);
  readonly dirty: boolean;

  #blank: () => Draft;

  /** `open` says when leaving the page would lose the draft (the dialog is open). */
  constructor(blank: () => Draft, open: () => boolean) {
    this.#blank = blank;
    this.draft = $state(blank());
    this.dirty = $derived(
      Object.entries(this.draft).some(([key, value]) => value !== blank()[key]),
    );
    warnBeforeLeaving(() => open() && this.dirty);
  }

  /** The API's message for one field, shown at its input. */
  field(name: string): string | undefined {
    return this.error?.fields[name];
  }

  /**
   * Sends the draft; on success starts a blank one and hands over the answer, on failure keeps
   * what was typed and shows the errors at their fields.
   */
  async submit<Result>(
    send: (draft: Draft) => Promise<Result>,
    done: (result: Result) => void,
  ): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const result = await send(this.draft);
      this.draft = this.#blank();
      done(result);
    } catch (caught) {
      this.error = asApiError(caught);
    } finally {
      this.busy = false;
    }
  }
}
