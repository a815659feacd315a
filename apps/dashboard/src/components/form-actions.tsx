interface Props {
  /** A request is under way: the button is disabled and says so (`busyLabel`). */
  busy: boolean;
  label: string;
  busyLabel: string;
  /** Disabled for another reason too (e.g. a file still uploading). */
  disabled?: boolean;
  /** Spans the whole form grid. */
  wide?: boolean;
  /** A secondary action of its page (e.g. closing a round), not its main one. */
  secondary?: boolean;
  /** Offers "Cancelar" (forms opened from a list, which close without saving). */
  onCancel?: () => void;
}

/** A form's buttons: submit, whose label tells while the request is under way, and optionally Cancelar. */
export function FormActions({ busy, label, busyLabel, disabled, wide, secondary, onCancel }: Props) {
  return (
    <div className={wide ? 'form-actions field-wide' : 'form-actions'}>
      <button type="submit" className={secondary ? 'button button-secondary' : 'button'} disabled={busy || disabled}>
        {busy ? busyLabel : label}
      </button>
      {onCancel ? (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancelar
        </button>
      ) : null}
    </div>
  );
}
