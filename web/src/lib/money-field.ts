import { ApiError, asApiError } from './api';
import { parseMoney } from './money';

/**
 * The amount typed in a form's field, or a field error (an ApiError, as the API's own are)
 * that the form shows at that field: never a silent 0 or empty value.
 */
export function moneyField(text: string, field: string, required = false): number | null {
  const reading = parseMoney(text);
  const error =
    'error' in reading
      ? reading.error
      : required && reading.value === null
        ? 'Enter an amount (0 is allowed)'
        : null;
  if (error) throw new ApiError(422, 'validation_error', error, [{ field, message: error }]);
  return 'value' in reading ? reading.value : null;
}

/** For an inline field: saves the amount typed, or answers with the field's error unsaved. */
export function saveMoney(
  text: string,
  field: string,
  save: (value: number | null) => Promise<ApiError | null>,
  required = false,
): Promise<ApiError | null> {
  try {
    return save(moneyField(text, field, required));
  } catch (caught) {
    return Promise.resolve(asApiError(caught));
  }
}
