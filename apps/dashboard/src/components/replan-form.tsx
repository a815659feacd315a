import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PlanChange, PlanItem, ReplanRequest } from '../api/types';
import { useSession } from '../auth/session';
import { formatDate } from '../util/format';
import { describeLoadError, ErrorNotice } from './feedback';
import { Field, FieldErrorList, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { reviseMessage, useApiForm } from './use-api-form';

interface Props {
  planPath: string;
  item: PlanItem;
  /** A state officer's later due date waits for the coordination (the API answers 202 with a request). */
  laterDueNeedsApproval: boolean;
  /** The item's request already waiting for the coordination, if any. */
  pendingRequest?: ReplanRequest;
  /** The updated item, or the request that now waits for approval. */
  onSaved: (result: PlanItem | ReplanRequest, change: PlanChange) => void;
  onCancel: () => void;
  onReload: () => void;
}

const FORM_FIELDS = ['plannedStart', 'plannedDue', 'included', 'justification'];

/** A 202 answer: the change became a re-plan request instead of changing the item. */
export function isReplanRequest(result: PlanItem | ReplanRequest): result is ReplanRequest {
  return 'requestedDue' in result;
}

/**
 * Changes one plan item's dates or scope. A justification is always required and the item's `version` is
 * sent, so a stale edit is refused (409) instead of overwriting someone else's change. A state officer who moves
 * the due date later is told, before saving, that the change will wait for the coordination's approval.
 */
export function ReplanForm({ planPath, item, laterDueNeedsApproval, pendingRequest, onSaved, onCancel, onReload }: Props) {
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
        const saved = await api.patch<PlanItem | ReplanRequest>(`${planPath}/${encodeURIComponent(item.activityCode)}`, change);
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

  const awaitsApproval = laterDueNeedsApproval && plannedDue !== '' && plannedDue > item.plannedDue;

  return (
    <section className="panel replan-panel" aria-labelledby="replan-title" data-testid="replan-form">
      <h3 id="replan-title" tabIndex={-1} ref={headingRef}>
        Re-planificar {item.activityCode} · {item.activityName}
      </h3>
      <p className="hint">
        Fechas originales: {formatDate(item.originalStart)} a {formatDate(item.originalDue)}. El cambio queda registrado con su justificación.
        {laterDueNeedsApproval ? ' Si mueve el término a una fecha posterior, el cambio queda pendiente de aprobación de la coordinación.' : ''}
      </p>
      {pendingRequest ? (
        <p className="notice notice-info" data-testid="replan-pending">
          Esta actividad ya tiene un cambio pendiente de aprobación de la coordinación (término solicitado: {formatDate(pendingRequest.requestedDue)}). Puede adelantar fechas mientras tanto; otra
          ampliación del plazo tendrá que esperar esa decisión.
        </p>
      ) : null}
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
        {awaitsApproval ? (
          <p className="notice notice-info field-wide" data-testid="replan-needs-approval" role="status">
            Pendiente de aprobación de la coordinación: un término posterior al actual ({formatDate(item.plannedDue)}) se envía como solicitud, y el programa estatal y
            su avance esperado no cambian hasta que la coordinación lo apruebe.
          </p>
        ) : null}
        <FormActions busy={form.busy} label={awaitsApproval ? 'Solicitar aprobación' : 'Guardar cambio'} busyLabel="Guardando…" wide onCancel={onCancel} />
      </form>
    </section>
  );
}
