import { useState, type FormEvent } from 'react';
import type { Activity, Finding, FindingType } from '../api/types';
import { useSession } from '../auth/session';
import { formatDate, formatDateTime, FINDING_TYPE_LABELS } from '../util/format';
import { CommentThread } from './comment-thread';
import { describeLoadError, EmptyState, ErrorNotice } from './feedback';
import { StateSelectField } from './state-select';
import { Field, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { reviseMessage, useApiForm } from './use-api-form';

/** The findings of a review round the reader may see (a state officer: its own state's), in order. */
export function FindingsList({ programCode, findings, stateName, activityName }: { programCode: string; findings: Finding[]; stateName: (code: string) => string; activityName: (code: string) => string | null }) {
  if (findings.length === 0) return <EmptyState title="No hay observaciones registradas." />;
  return (
    <ol className="card-list" data-testid="findings-list">
      {findings.map((f) => (
        <li key={f.id} className="card finding" data-finding={f.citation} data-state-code={f.stateCode}>
          <article aria-labelledby={`finding-${f.id}-title`}>
            <h4 id={`finding-${f.id}-title`} className="card-title">
              <span className="finding-citation">{f.citation}</span> · {stateName(f.stateCode)}{' '}
              <span className="tag tag-info" data-col="type">
                {FINDING_TYPE_LABELS[f.type] ?? f.type}
              </span>
            </h4>
            <dl className="facts">
              {f.activityCode ? (
                <div>
                  <dt>Actividad</dt>
                  <dd>
                    {f.activityCode}
                    {activityName(f.activityCode) ? ` ${activityName(f.activityCode)}` : ''}
                  </dd>
                </div>
              ) : null}
              <div>
                <dt>Atender a más tardar</dt>
                <dd data-col="due">{f.dueOn ? formatDate(f.dueOn) : 'Sin fecha'}</dd>
              </div>
              <div>
                <dt>Registrada</dt>
                <dd>
                  {formatDateTime(f.createdAt)}
                  {f.createdBy.name ? ` por ${f.createdBy.name}` : ''}
                </dd>
              </div>
            </dl>
            <p className="narrative" data-col="description">
              {f.description}
            </p>
            <CommentThread programCode={programCode} subjectType="finding" subjectId={f.id} stateCode={f.stateCode} dueOn={f.dueOn} label={`Observación ${f.citation}`} />
          </article>
        </li>
      ))}
    </ol>
  );
}

const FIELDS = ['type', 'stateCode', 'activityCode', 'description', 'dueOn'];

/** Adds a typed finding on a participating state (optionally one activity) to an open round. */
export function FindingForm({
  roundCode,
  base,
  states,
  activities,
  onAdded,
  onClosed,
}: {
  roundCode: string;
  base: string;
  states: { code: string; name: string }[];
  activities: Activity[];
  onAdded: (finding: Finding) => void;
  /** The round was closed meanwhile (409): the page reloads it. */
  onClosed: () => void;
}) {
  const { api } = useSession();
  const [type, setType] = useState<FindingType | ''>('');
  const [stateCode, setStateCode] = useState('');
  const [activityCode, setActivityCode] = useState('');
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState('');
  const form = useApiForm(FIELDS);
  const { errors } = form;

  function submit(e: FormEvent) {
    e.preventDefault();
    const own: FieldErrors = {};
    if (!type) own.type = ['Elija el tipo de observación.'];
    if (!stateCode) own.stateCode = ['Elija la entidad federativa.'];
    if (!description.trim()) own.description = ['Describa la observación.'];
    void form.attempt(
      own,
      async () => {
        const body: Record<string, string> = { type, stateCode, description: description.trim() };
        if (activityCode) body.activityCode = activityCode;
        if (dueOn) body.dueOn = dueOn;
        const finding = await api.post<Finding>(`${base}/review-rounds/${encodeURIComponent(roundCode)}/findings`, body);
        setType('');
        setStateCode('');
        setActivityCode('');
        setDescription('');
        setDueOn('');
        onAdded(finding);
      },
      (err, unplaced) => {
        if (err.status === 409) {
          onClosed();
          return 'La ronda ya está cerrada: no admite más observaciones.';
        }
        if (err.status === 400) return reviseMessage(unplaced);
        if (err.status === 403) return 'Solo la comisión revisora y la coordinación nacional registran observaciones.';
        return describeLoadError(err);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="finding-form-title" data-testid="finding-form">
      <h4 id="finding-form-title" className="field-wide small-heading">
        Nueva observación
      </h4>
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id="finding-type" label="Tipo" errors={errors.type} required>
        {(a11y) => (
          <select {...a11y} value={type} onChange={(e) => setType(e.target.value as FindingType)}>
            <option value="">Elija el tipo…</option>
            {(Object.keys(FINDING_TYPE_LABELS) as FindingType[]).map((t) => (
              <option key={t} value={t}>
                {FINDING_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <StateSelectField id="finding-state" states={states} value={stateCode} onChange={setStateCode} errors={errors.stateCode} />
      <Field id="finding-activity" label="Actividad (opcional)" errors={errors.activityCode}>
        {(a11y) => (
          <select {...a11y} value={activityCode} onChange={(e) => setActivityCode(e.target.value)}>
            <option value="">Ninguna en particular</option>
            {activities.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="finding-due" label="Atender a más tardar (opcional)" errors={errors.dueOn}>
        {(a11y) => <input {...a11y} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />}
      </Field>
      <Field id="finding-description" label="Descripción" errors={errors.description} required className="field-wide">
        {(a11y) => <textarea {...a11y} rows={3} maxLength={5000} value={description} onChange={(e) => setDescription(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Agregar observación" busyLabel="Registrando…" />
    </form>
  );
}
