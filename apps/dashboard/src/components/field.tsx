import type { ReactNode } from 'react';

export interface FieldA11y {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  className?: string;
  children: (a11y: FieldA11y) => ReactNode;
}

/** Label, control, hint and the field's error messages, tied together for assistive technology. */
export function Field({ id, label, hint, errors = [], required, className, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required"> (obligatorio)</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': errors.length ? true : undefined, 'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined })}
      {errorId ? <FieldErrorList id={errorId} field={id} messages={errors} /> : null}
    </div>
  );
}

/**
 * A field's messages (the client's check or the API's), in Spanish. `id` is what the control's
 * aria-describedby points at; `field`, when given, marks the list as that field's (`data-field-error`).
 */
export function FieldErrorList({ id, field, messages }: { id: string; field?: string; messages: string[] }) {
  return (
    <ul className="field-errors" id={id} data-field-error={field}>
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

/** Field errors by field name, from the client check and from the API's `errors: [{ field, message }]`. */
export type FieldErrors = Record<string, string[]>;

export function groupFieldErrors(errors: { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) (out[e.field] ??= []).push(e.message);
  return out;
}
