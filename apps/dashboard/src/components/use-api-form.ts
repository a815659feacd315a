import { useState } from 'react';
import { ApiError } from '../api/client';
import { groupFieldErrors, type FieldErrors } from './field';

/**
 * How a form words an API refusal at its top: from the error and the (translated) messages of the fields it
 * shows no control for. It may also act (e.g. reload a round that was closed meanwhile); null shows nothing.
 */
export type DescribeRefusal = (err: ApiError, unplaced: string[]) => string | null;

/** A 400's message at the top of a form: the general request, then what no field of the form can show. */
export function reviseMessage(unplaced: string[]): string {
  return ['Revise los datos marcados.', ...unplaced].join(' ');
}

/** Whether a form shows a field's messages next to a control; a name ending in `.` covers every field under it. */
function isPlaced(placed: readonly string[], field: string): boolean {
  return placed.some((p) => (p.endsWith('.') ? field.startsWith(p) : field === p));
}

/**
 * A form that writes through the API: its messages by field (the client's check, then the API's
 * `errors: [{ field, message }]`), its form-level message, and whether a request is under way. `placed` names
 * the fields the form shows next to their controls; the messages of any other field go to the top.
 */
export function useApiForm(placed: readonly string[]) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /**
   * One submit attempt. The client's `check` comes first: while it finds anything, nothing is sent. Then
   * `send` runs; if the API refuses, each field's messages go next to it and `describe` words the rest. Any
   * other failure is a bug and is thrown.
   */
  async function attempt(check: FieldErrors, send: () => Promise<void>, describe: DescribeRefusal): Promise<void> {
    setFormError(null);
    setErrors(check);
    if (Object.keys(check).length) return;
    setBusy(true);
    try {
      await send();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(groupFieldErrors(err.errors));
      const unplaced = err.errors.filter((x) => !isPlaced(placed, x.field)).map((x) => x.message);
      setFormError(describe(err, unplaced));
    } finally {
      setBusy(false);
    }
  }

  return { errors, setErrors, formError, setFormError, busy, attempt };
}
