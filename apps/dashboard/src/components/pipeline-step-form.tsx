import { useState, type FormEvent } from 'react';
import type { PipelineEntry, PipelineStage, StoredFile } from '../api/types';
import { useSession } from '../auth/session';
import { PIPELINE_STAGE_LABELS } from '../util/format';
import { describeLoadError, ErrorNotice } from './feedback';
import { Field, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { useApiForm } from './use-api-form';

/**
 * Where a stage may go next, to offer only those steps. The API holds the rule (`pipeline-rules.ts`) and refuses
 * any other step with a field message; this copy only keeps the form from offering what would be refused.
 */
const NEXT: Record<PipelineStage, PipelineStage[]> = { candidate: ['interested', 'declined'], interested: ['convened', 'declined'], convened: ['joined', 'declined'], joined: [], declined: [] };

const FIELDS = ['to', 'on', 'fileId', 'file', 'reason', 'joinedOn'];

interface Props {
  programCode: string;
  entry: PipelineEntry;
  /** A state officer may only record its own manifiesto de interés; the coordination every step. */
  officer: boolean;
  today: string;
  onDone: (entry: PipelineEntry) => void;
}

/** The next step of a state in the convocatoria; the manifiesto de interés is uploaded with it. */
export function PipelineStepForm({ programCode, entry, officer, today, onDone }: Props) {
  const { api } = useSession();
  const options = NEXT[entry.stage].filter((s) => !officer || s === 'interested');
  const [to, setTo] = useState<PipelineStage | ''>(options.length === 1 ? options[0] : '');
  const [on, setOn] = useState(today);
  const [file, setFile] = useState<File | null>(null);
  const [reason, setReason] = useState('');
  const [joinedOn, setJoinedOn] = useState('');
  const form = useApiForm(FIELDS);
  const { errors } = form;
  const id = (name: string) => `step-${entry.stateCode}-${name}`;
  const base = `/programs/${encodeURIComponent(programCode)}/pipeline/${entry.stateCode}`;

  if (!options.length) return null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const check: FieldErrors = {};
    if (!to) check.to = ['Elija el paso.'];
    if (!on) check.on = ['Escriba la fecha del paso.'];
    if (to === 'interested' && !file) check.file = ['Adjunte el manifiesto de interés.'];
    if (to === 'declined' && !reason.trim()) check.reason = ['Escriba por qué declinó.'];
    if (to === 'joined' && !joinedOn) check.joinedOn = ['Escriba la fecha de adhesión.'];
    void form.attempt(
      check,
      async () => {
        let fileId: string | undefined;
        if (to === 'interested' && file) {
          const body = new FormData();
          body.append('file', file);
          fileId = (await api.upload<StoredFile>(`${base}/files`, body)).id;
        }
        const next = await api.post<PipelineEntry>(`${base}/transitions`, { to, on, ...(fileId ? { fileId } : {}), ...(to === 'declined' ? { reason } : {}), ...(to === 'joined' ? { joinedOn } : {}) });
        onDone(next);
      },
      (err) => {
        if (err.status === 403) return 'No puede registrar este paso para esta entidad.';
        if (err.status === 400) return 'Revise los datos marcados.';
        return err.status === 409 ? err.message : describeLoadError(err);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid pipeline-step" aria-label={`Siguiente paso de ${entry.stateName}`}>
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id={id('to')} label="Paso" errors={errors.to} required>
        {(a11y) => (
          <select {...a11y} value={to} onChange={(e) => setTo(e.target.value as PipelineStage)}>
            {options.length > 1 ? <option value="">Elija el paso…</option> : null}
            {options.map((s) => (
              <option key={s} value={s}>
                {PIPELINE_STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('on')} label="Fecha" errors={errors.on} required>
        {(a11y) => <input {...a11y} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}
      </Field>
      {to === 'interested' ? (
        <Field id={id('file')} label="Manifiesto de interés (PDF u otro documento)" errors={[...(errors.file ?? []), ...(errors.fileId ?? [])]} required>
          {(a11y) => <input {...a11y} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
      ) : null}
      {to === 'declined' ? (
        <Field id={id('reason')} label="Motivo" errors={errors.reason} required className="field-wide">
          {(a11y) => <textarea {...a11y} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      ) : null}
      {to === 'joined' ? (
        <Field id={id('joinedOn')} label="Fecha de adhesión" hint="Crea la participación; su calendario se calcula desde esta fecha." errors={errors.joinedOn} required>
          {(a11y) => <input {...a11y} type="date" value={joinedOn} onChange={(e) => setJoinedOn(e.target.value)} />}
        </Field>
      ) : null}
      <FormActions busy={form.busy} label="Registrar paso" busyLabel="Registrando…" />
    </form>
  );
}
