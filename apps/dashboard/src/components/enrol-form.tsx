import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Participation, StateInfo } from '../api/types';
import { useSession } from '../auth/session';
import { knownSpanish } from '../util/format';
import { describeLoadError, ErrorNotice } from './feedback';
import { Field, groupFieldErrors, type FieldErrors } from './field';

interface Props {
  programCode: string;
  states: StateInfo[];
  participating: Set<string>;
  onEnrolled: (p: Participation) => void;
  onSubmit?: () => void;
}

/** Coordinator: opens a state's participation (the API creates its plan from the join date). */
export function EnrolForm({ programCode, states, participating, onEnrolled, onSubmit }: Props) {
  const { api } = useSession();
  const [stateCode, setStateCode] = useState('');
  const [joinedOn, setJoinedOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const available = [...states].filter((s) => !participating.has(s.code)).sort((a, b) => a.name.localeCompare(b.name, 'es'));

  async function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit?.();
    const check: FieldErrors = {};
    if (!stateCode) check.stateCode = ['Elija la entidad federativa.'];
    if (!joinedOn) check.joinedOn = ['Escriba la fecha de adhesión.'];
    setErrors(check);
    setFormError(null);
    if (Object.keys(check).length) return;
    setBusy(true);
    try {
      const created = await api.post<Participation>(`/programs/${encodeURIComponent(programCode)}/states`, { stateCode, joinedOn });
      setStateCode('');
      setJoinedOn('');
      onEnrolled({ ...created, stateCode: created?.stateCode ?? stateCode, joinedOn: created?.joinedOn ?? joinedOn });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.errors.length) setErrors(groupFieldErrors(err.errors));
      if (err.status === 409) setFormError(knownSpanish(err.message) ?? 'Esa entidad ya participa en el programa, o el programa está cerrado.');
      else if (err.status === 403) setFormError('Solo la coordinación nacional puede adherir entidades.');
      else if (!err.errors.length || err.status !== 400) setFormError(describeLoadError(err));
      else setFormError('Revise los datos marcados.');
    } finally {
      setBusy(false);
    }
  }

  if (available.length === 0) return <p>Todas las entidades federativas ya participan en el programa.</p>;

  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="enrol-title">
      {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
      <Field id="enrol-state" label="Entidad federativa" errors={errors.stateCode} required>
        {(a11y) => (
          <select {...a11y} value={stateCode} onChange={(e) => setStateCode(e.target.value)}>
            <option value="">Elija una entidad…</option>
            {available.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="enrol-joined-on" label="Fecha de adhesión" hint="El calendario de la entidad se calcula a partir de esta fecha." errors={errors.joinedOn} required>
        {(a11y) => <input {...a11y} type="date" value={joinedOn} onChange={(e) => setJoinedOn(e.target.value)} />}
      </Field>
      {Object.entries(errors)
        .filter(([f]) => f !== 'stateCode' && f !== 'joinedOn')
        .map(([f, msgs]) => (
          <ErrorNotice key={f}>{msgs.join(' ')}</ErrorNotice>
        ))}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Adhiriendo…' : 'Adherir entidad'}
        </button>
      </div>
    </form>
  );
}
