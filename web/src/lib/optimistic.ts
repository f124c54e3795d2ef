import { asApiError, type ApiError } from './api';
import { toasts } from './toast.svelte';

/**
 * Shows a change before the server confirms it: `apply` makes the change and returns how to
 * undo it; when `request` fails the change is undone and the failure said in a message.
 * Resolves to the request's answer, or undefined after a rollback.
 */
export async function optimistic<T>(
  apply: () => () => void,
  request: () => Promise<T>,
  failure = 'Could not save the change',
): Promise<T | undefined> {
  const rollback = apply();
  try {
    return await request();
  } catch (caught) {
    rollback();
    const error: ApiError = asApiError(caught);
    toasts.show(`${failure}: ${error.formMessage([]) ?? error.message}`, 'error');
    return undefined;
  }
}
