import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { StateRound, StateRoundStatus, StateRounds } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { formatDate, formatPercent, knownSpanish, translateFieldMessage } from '../util/format';
import { describeLoadError, EmptyState, ErrorNotice, LoadError, Loading, SuccessNotice } from './feedback';
import { Field } from './field';

const ROUND_STATUS: Record<StateRoundStatus, { label: string; tag: string }> = {
  not_expected: { label: 'No le corresponde', tag: 'tag-muted' },
  pending: { label: 'Pendiente', tag: 'tag-info' },
  submitted: { label: 'Entregada a tiempo', tag: 'tag-ok' },
  late: { label: 'Entregada con retraso', tag: 'tag-warning' },
  overdue: { label: 'Vencida sin entregar', tag: 'tag-danger' },
};

/** The state's quarterly reporting rounds: status of each and, for its editors, the form to submit one. */
export function StateRoundsPanel({ programCode, stateCode, canSubmit, asOf }: { programCode: string; stateCode: string; canSubmit: boolean; asOf: string | null }) {
  const path = `/programs/${encodeURIComponent(programCode)}/states/${encodeURIComponent(stateCode)}/reporting-rounds${asOf ? `?asOf=${asOf}` : ''}`;
  const rounds = useResource<StateRounds>(path);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const today = rounds.data?.asOf ?? null;
  const list = rounds.data?.rounds ?? [];
  const submittable = (r: StateRound) => canSubmit && r.expected && !r.submittedOn && today !== null && r.periodStart <= today;
  const t = rounds.data?.totals;

  return (
    <section className="panel" aria-labelledby="rounds-title" data-testid="state-rounds">
      <h2 id="rounds-title">Rondas de reporte trimestral</h2>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {rounds.error ? (
        <LoadError error={rounds.error} onRetry={rounds.reload} />
      ) : !rounds.data ? (
        <Loading label="Cargando rondas…" />
      ) : list.length === 0 ? (
        <EmptyState title="La coordinación aún no define rondas de reporte." />
      ) : (
        <>
          {t ? (
            <p className="summary" data-testid="rounds-totals">
              Rondas vencidas al {formatDate(rounds.data.asOf)}: {t.expected} esperadas, {t.submitted} entregadas ({formatPercent(t.completeness)}), {t.onTime} a
              tiempo ({formatPercent(t.timeliness)}).
            </p>
          ) : null}
          <div className="table-scroll" role="region" aria-labelledby="rounds-title" tabIndex={0}>
            <table className="data-table stack-on-phone" data-testid="state-rounds-table">
              <thead>
                <tr>
                  <th scope="col">Ronda</th>
                  <th scope="col">Periodo</th>
                  <th scope="col">Vence</th>
                  <th scope="col">Situación</th>
                  <th scope="col">Entrega</th>
                  {canSubmit ? (
                    <th scope="col">
                      <span className="visually-hidden">Acciones</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.code} data-round={r.code}>
                    <th scope="row">
                      {r.code}
                      {r.name ? <span className="card-sub"> · {r.name}</span> : null}
                    </th>
                    <td data-label="Periodo">
                      {formatDate(r.periodStart)} – {formatDate(r.periodEnd)}
                    </td>
                    <td data-label="Vence">{formatDate(r.dueOn)}</td>
                    <td data-label="Situación">
                      <span className={`tag ${ROUND_STATUS[r.status]?.tag ?? 'tag-muted'}`}>{ROUND_STATUS[r.status]?.label ?? r.status}</span>
                    </td>
                    <td data-label="Entrega">
                      {r.submittedOn ? (
                        <>
                          <time dateTime={r.submittedOn}>{formatDate(r.submittedOn)}</time>
                          {r.submittedBy ? <span className="hint"> · {r.submittedBy.name}</span> : null}
                          {r.summary ? <p className="narrative">{r.summary}</p> : null}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    {canSubmit ? (
                      <td className="cell-action">
                        {submittable(r) ? (
                          <button type="button" className="button button-secondary button-small" onClick={() => { setDone(null); setOpen(r.code); }} aria-label={`Entregar la ronda ${r.code}`}>
                            Entregar
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {open ? (
            <RoundSubmitForm
              key={open}
              programCode={programCode}
              stateCode={stateCode}
              roundCode={open}
              onCancel={() => setOpen(null)}
              onSubmitted={(msg) => {
                setOpen(null);
                setDone(msg);
                rounds.reload();
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

function RoundSubmitForm({ programCode, stateCode, roundCode, onCancel, onSubmitted }: { programCode: string; stateCode: string; roundCode: string; onCancel: () => void; onSubmitted: (message: string) => void }) {
  const { api, user } = useSession();
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    if (!summary.trim()) {
      setErrors(['Escriba el resumen de lo realizado en el periodo.']);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const body: { summary: string; stateCode?: string } = { summary: summary.trim() };
      if (user?.role !== 'state_officer') body.stateCode = stateCode;
      const res = await api.post<{ submittedOn: string; onTime: boolean }>(`/programs/${encodeURIComponent(programCode)}/reporting-rounds/${encodeURIComponent(roundCode)}/submissions`, body);
      onSubmitted(`Se entregó la ronda ${roundCode} el ${formatDate(res.submittedOn)}${res.onTime ? ', a tiempo' : ', con retraso'}.`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      const own = err.fieldMessages('summary');
      setErrors(own);
      const other = err.errors.filter((x) => x.field !== 'summary').map((x) => translateFieldMessage(x.message));
      if (err.status === 409) setFormError(knownSpanish(err.message) ?? 'Esta ronda ya se entregó o no le corresponde a la entidad.');
      else if (err.status === 400) setFormError(['Revise los datos marcados.', ...other].join(' '));
      else setFormError(describeLoadError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid round-form" aria-label={`Entregar la ronda ${roundCode}`} data-testid="round-form">
      {formError ? <ErrorNotice>{formError}</ErrorNotice> : null}
      <Field id="round-summary" label={`Resumen de la ronda ${roundCode}`} hint="Lo realizado en el periodo; la entrega no se puede modificar." errors={errors} required className="field-wide">
        {(a11y) => <textarea {...a11y} rows={3} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Entregando…' : 'Entregar ronda'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancelar
        </button>
      </div>
    </form>
  );
}
