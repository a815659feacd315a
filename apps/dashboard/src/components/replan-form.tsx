import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PlanChange, PlanItem } from '../api/types';
import { useSession } from '../auth/session';
import { formatDate } from '../util/format';
import { describeLoadError, ErrorNotice } from './feedback';
import { Field, FieldErrorList, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { reviseMessage, useApiForm } from './use-api-form';

interface Props {
  planPath: string;
  item: PlanItem;
  onSaved: (item: PlanItem, change: PlanChange) => void;
  onCancel: () => void;
  onReload: () => void;
}

const FORM_FIELDS = ['plannedStart', 'plannedDue', 'included', 'justification'];

/**
 * Changes one plan item's dates or scope. A justification is always required and the item's `version` is
 * sent, so a stale edit is refused (409) instead of overwriting someone else's change.
 */
export function ReplanForm({ planPath, item, onSaved, onCancel, onReload }: Props) {
  const { api } = useSession();
  const [plannedStart, setPlannedStart] = useState(item.plannedStart);
  const [plannedDue, setPlannedDue] = useState(item.plannedDue);
  const [included, setIncluded] = useState(item.included);
  const [justification, setJustification] = useState('');
  const form = useApiForm(FORM_FIELDS);
  const { errors } = form;
  const [conflict, setConflict] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [item.activityCode]);

  // After a reload (e.g. following a 409) the item comes back with a new version: take its current values,
  // keep the justification the user wrote.
  useEffect(() => {
    setPlannedStart(item.plannedStart);
    setPlannedDue(item.plannedDue);
    setIncluded(item.included);
    setConflict(false);
  }, [item.version, item.plannedStart, item.plannedDue, item.included]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setConflict(false);
    const check: FieldErrors = {};
    if (!justification.trim()) check.justification = ['Explique el motivo del cambio: la justificación es obligatoria.'];
    const change: PlanChange = { justification: justification.trim(), version: item.version };
    if (plannedStart !== item.plannedStart) change.plannedStart = plannedStart;
    if (plannedDue !== item.plannedDue) change.plannedDue = plannedDue;
    if (included !== item.included) change.included = included;
    const changed = change.plannedStart !== undefined || change.plannedDue !== undefined || change.included !== undefined;
    if (!changed) {
      form.setErrors(check);
      form.setFormError('No hay cambios que guardar: modifique las fechas o el alcance.');
      return;
    }
    void form.attempt(
      check,
      async () => {
        const saved = await api.patch<PlanItem>(`${planPath}/${encodeURIComponent(item.activityCode)}`, change);
        onSaved(saved, change);
      },
      (err, unplaced) => {
        // 409 with a `version` error: a stale edit. Any other 409 (e.g. the state withdrew) is said as the API says it.
        if (err.status === 409 && err.errors.some((x) => x.field === 'version')) {
          setConflict(true);
          return null;
        }
        if (err.status === 409) return err.message;
        if (err.status === 403) return 'No tiene permiso para modificar el programa de esta entidad.';
        if (err.status === 400 && err.errors.length) return reviseMessage(unplaced);
        return describeLoadError(err);
      },
    );
  }

  return (
    <section className="panel replan-panel" aria-labelledby="replan-title" data-testid="replan-form">
      <h3 id="replan-title" tabIndex={-1} ref={headingRef}>
        Re-planificar {item.activityCode} · {item.activityName}
      </h3>
      <p className="hint">
        Fechas originales: {formatDate(item.originalStart)} a {formatDate(item.originalDue)}. El cambio queda registrado con su justificación.
      </p>
      {conflict ? (
        <ErrorNotice
          action={
            <button type="button" className="button button-secondary" onClick={onReload}>
              Recargar
            </button>
          }
        >
          Alguien más modificó esta actividad; recargue para ver la versión actual antes de guardar.
        </ErrorNotice>
      ) : null}
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <form onSubmit={submit} noValidate className="form-grid">
        <Field id="replan-start" label="Inicio planificado" errors={errors.plannedStart}>
          {(a11y) => <input {...a11y} type="date" value={plannedStart} onChange={(e) => setPlannedStart(e.target.value)} />}
        </Field>
        <Field id="replan-due" label="Término planificado" errors={errors.plannedDue}>
          {(a11y) => <input {...a11y} type="date" value={plannedDue} onChange={(e) => setPlannedDue(e.target.value)} />}
        </Field>
        {item.optional ? (
          <div className={`field field-checkbox${errors.included ? ' field-invalid' : ''}`}>
            <input id="replan-included" type="checkbox" checked={included} onChange={(e) => setIncluded(e.target.checked)} aria-describedby={errors.included ? 'replan-included-error' : undefined} />
            <label htmlFor="replan-included">Incluir esta actividad en el programa estatal</label>
            {errors.included ? <FieldErrorList id="replan-included-error" messages={errors.included} /> : null}
          </div>
        ) : (
          <p className="hint field-wide">Actividad obligatoria: no puede excluirse del programa estatal.</p>
        )}
        <Field id="replan-justification" label="Justificación" errors={errors.justification} required className="field-wide">
          {(a11y) => <textarea {...a11y} rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} maxLength={2000} />}
        </Field>
        <FormActions busy={form.busy} label="Guardar cambio" busyLabel="Guardando…" wide onCancel={onCancel} />
      </form>
    </section>
  );
}
