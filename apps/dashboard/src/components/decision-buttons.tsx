import type { FormEvent } from 'react';
import { Field } from './field';

/** How one kind of decision speaks: a report's review (Aceptar / Devolver) or a re-plan's (Aprobar / Rechazar). */
export interface DecisionWords {
  accept: string;
  refuse: string;
  /** "de <what>" is added to these for assistive technology. */
  acceptAria: string;
  refuseAria: string;
  reasonLabel: string;
  reasonHint: string;
  confirm: string;
  confirming: string;
}

interface Props {
  id: string;
  what: string;
  words: DecisionWords;
  busy: boolean;
  /** The reason form is open (after "refuse"). */
  refusing: boolean;
  setRefusing: (open: boolean) => void;
  reason: string;
  setReason: (reason: string) => void;
  reasonErrors: string[];
  onAccept: () => void;
  onRefuse: () => void;
}

/** Accept at once, or refuse with a reason (a small form with its own field messages, Cancelar closes it). */
export function DecisionButtons({ id, what, words, busy, refusing, setRefusing, reason, setReason, reasonErrors, onAccept, onRefuse }: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRefuse();
  };
  if (refusing) {
    return (
      <form onSubmit={submit} noValidate className="review-return" aria-label={`${words.refuseAria} de ${what}`}>
        <Field id={`reason-${id}`} label={words.reasonLabel} hint={words.reasonHint} errors={reasonErrors} required>
          {(a11y) => <textarea {...a11y} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={busy}>
            {busy ? words.confirming : words.confirm}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setRefusing(false)}>
            Cancelar
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="form-actions">
      <button type="button" className="button" disabled={busy} onClick={onAccept} aria-label={`${words.acceptAria} de ${what}`}>
        {busy ? 'Guardando…' : words.accept}
      </button>
      <button type="button" className="button button-secondary" disabled={busy} onClick={() => setRefusing(true)} aria-label={`${words.refuseAria} de ${what}`}>
        {words.refuse}
      </button>
    </div>
  );
}
