import { useState, type FormEvent } from 'react';
import { asList } from '../api/client';
import type { AccompanimentSession } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { formatDate } from '../util/format';
import { describeLoadError, EmptyState, ErrorNotice } from './feedback';
import { Field, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { Loaded } from './loaded';
import { useApiForm } from './use-api-form';

interface Props {
  programCode: string;
  stateCode: string;
  stateName: string;
  /** The coordination records sessions; everyone who may read the state reads them. */
  canRecord: boolean;
  today: string;
}

/** The dated log of the coordination's accompaniment sessions with one state (loaded when opened). */
export function PipelineSessions({ programCode, stateCode, stateName, canRecord, today }: Props) {
  const path = `/programs/${encodeURIComponent(programCode)}/pipeline/${stateCode}/sessions`;
  const sessions = useResource<AccompanimentSession[]>(path, (raw) => asList<AccompanimentSession>(raw));
  return (
    <div className="pipeline-sessions" data-testid={`sessions-${stateCode}`}>
      <Loaded resource={sessions} loadingLabel="Cargando sesiones…" notFound="No se encontró la entidad en la convocatoria.">
        {(list) =>
          list.length === 0 ? (
            <EmptyState title="Aún no hay sesiones de acompañamiento registradas." />
          ) : (
            <ol className="session-list">
              {list.map((s) => (
                <li key={s.id}>
                  <time dateTime={s.heldOn}>{formatDate(s.heldOn)}</time> — <strong>{s.topic}</strong>
                  {s.notes ? <span className="hint"> {s.notes}</span> : null}
                  <span className="evidence-meta"> ({s.authorName})</span>
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
      {canRecord ? <SessionForm path={path} stateCode={stateCode} stateName={stateName} today={today} onSaved={sessions.reload} /> : null}
    </div>
  );
}

const FIELDS = ['heldOn', 'topic', 'notes'];

function SessionForm({ path, stateCode, stateName, today, onSaved }: { path: string; stateCode: string; stateName: string; today: string; onSaved: () => void }) {
  const { api } = useSession();
  const [heldOn, setHeldOn] = useState(today);
  const [topic, setTopic] = useState('');
  const [notes, setNotes] = useState('');
  const form = useApiForm(FIELDS);
  const { errors } = form;
  const id = (name: string) => `session-${stateCode}-${name}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    const check: FieldErrors = {};
    if (!heldOn) check.heldOn = ['Escriba la fecha de la sesión.'];
    if (!topic.trim()) check.topic = ['Escriba el tema de la sesión.'];
    void form.attempt(
      check,
      async () => {
        await api.post<AccompanimentSession>(path, { heldOn, topic, ...(notes.trim() ? { notes } : {}) });
        setTopic('');
        setNotes('');
        onSaved();
      },
      (err) => (err.status === 400 ? 'Revise los datos marcados.' : describeLoadError(err)),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-label={`Registrar sesión con ${stateName}`}>
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id={id('heldOn')} label="Fecha de la sesión" errors={errors.heldOn} required>
        {(a11y) => <input {...a11y} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />}
      </Field>
      <Field id={id('topic')} label="Tema" errors={errors.topic} required>
        {(a11y) => <input {...a11y} type="text" maxLength={200} value={topic} onChange={(e) => setTopic(e.target.value)} />}
      </Field>
      <Field id={id('notes')} label="Notas" errors={errors.notes} className="field-wide">
        {(a11y) => <textarea {...a11y} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Registrar sesión" busyLabel="Registrando…" />
    </form>
  );
}
