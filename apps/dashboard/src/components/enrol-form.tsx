import { useState, type FormEvent } from 'react';
import type { Participation, StateInfo } from '../api/types';
import { useSession } from '../auth/session';
import { describeLoadError, ErrorNotice } from './feedback';
import { Field, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { StateSelectField } from './state-select';
import { useApiForm } from './use-api-form';

interface Props {
  programCode: string;
  states: StateInfo[];
  participating: Set<string>;
  onEnrolled: (p: Participation) => void;
  onSubmit?: () => void;
}

/** The fields with a control of their own; the API's messages on any other field are listed under them. */
const FIELDS = ['stateCode', 'joinedOn'];

/** Coordinator: opens a state's participation (the API creates its plan from the join date). */
export function EnrolForm({ programCode, states, participating, onEnrolled, onSubmit }: Props) {
  const { api } = useSession();
  const [stateCode, setStateCode] = useState('');
  const [joinedOn, setJoinedOn] = useState('');
  const form = useApiForm(FIELDS);
  const { errors } = form;
  const available = [...states].filter((s) => !participating.has(s.code)).sort((a, b) => a.name.localeCompare(b.name, 'es'));

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit?.();
    const check: FieldErrors = {};
    if (!stateCode) check.stateCode = ['Elija la entidad federativa.'];
    if (!joinedOn) check.joinedOn = ['Escriba la fecha de adhesión.'];
    void form.attempt(
      check,
      async () => {
        const created = await api.post<Participation>(`/programs/${encodeURIComponent(programCode)}/states`, { stateCode, joinedOn });
        setStateCode('');
        setJoinedOn('');
        onEnrolled({ ...created, stateCode: created?.stateCode ?? stateCode, joinedOn: created?.joinedOn ?? joinedOn });
      },
      (err) => {
        if (err.status === 409) return err.message;
        if (err.status === 403) return 'Solo la coordinación nacional puede adherir entidades.';
        if (!err.errors.length || err.status !== 400) return describeLoadError(err);
        // The messages of other fields are listed in the form itself (below the fields).
        return 'Revise los datos marcados.';
      },
    );
  }

  if (available.length === 0) return <p>Todas las entidades federativas ya participan en el programa.</p>;

  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="enrol-title">
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <StateSelectField id="enrol-state" states={available} value={stateCode} onChange={setStateCode} errors={errors.stateCode} />
      <Field id="enrol-joined-on" label="Fecha de adhesión" hint="El calendario de la entidad se calcula a partir de esta fecha." errors={errors.joinedOn} required>
        {(a11y) => <input {...a11y} type="date" value={joinedOn} onChange={(e) => setJoinedOn(e.target.value)} />}
      </Field>
      {Object.entries(errors)
        .filter(([f]) => !FIELDS.includes(f))
        .map(([f, msgs]) => (
          <ErrorNotice key={f}>{msgs.join(' ')}</ErrorNotice>
        ))}
      <FormActions busy={form.busy} label="Adherir entidad" busyLabel="Adhiriendo…" />
    </form>
  );
}
