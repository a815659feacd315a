import { useState, type FormEvent } from 'react';
import type { StateRound, StateRoundStatus, StateRounds } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { formatDate, formatPercent } from '../util/format';
import { DELIVERY_TONES } from './delivery-tag';
import { describeLoadError, EmptyState, ErrorNotice, SuccessNotice } from './feedback';
import { Field } from './field';
import { FormActions } from './form-actions';
import { Loaded } from './loaded';
import { RoundCells } from './round-cells';
import { ACTIONS_COLUMN, ScrollTable } from './scroll-table';
import { reviseMessage, useApiForm } from './use-api-form';

/** Each round's status in the state's own words (the national matrix words it about the state). */
const ROUND_STATUS_LABELS: Record<StateRoundStatus, string> = {
  not_expected: 'No le corresponde',
  pending: 'Pendiente',
  submitted: 'Entregada a tiempo',
  late: 'Entregada con retraso',
  overdue: 'Vencida sin entregar',
};

/** The state's quarterly reporting rounds: status of each and, for its editors, the form to submit one. */
export function StateRoundsPanel({ programCode, stateCode, canSubmit, asOf }: { programCode: string; stateCode: string; canSubmit: boolean; asOf: string | null }) {
  const path = `/programs/${encodeURIComponent(programCode)}/states/${encodeURIComponent(stateCode)}/reporting-rounds${asOf ? `?asOf=${asOf}` : ''}`;
  const rounds = useResource<StateRounds>(path);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const today = rounds.data?.asOf ?? null;
  const submittable = (r: StateRound) => canSubmit && r.expected && !r.submittedOn && today !== null && r.periodStart <= today;

  return (
    <section className="panel" aria-labelledby="rounds-title" data-testid="state-rounds">
      <h2 id="rounds-title">Rondas de reporte trimestral</h2>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      <Loaded resource={rounds} loadingLabel="Cargando rondas…">
        {({ asOf: roundsAsOf, totals: t, rounds: list = [] }) =>
          list.length === 0 ? (
            <EmptyState title="La coordinación aún no define rondas de reporte." />
          ) : (
            <>
              {t ? (
                <p className="summary" data-testid="rounds-totals">
                  Rondas vencidas al {formatDate(roundsAsOf)}: {t.expected} esperadas, {t.submitted} entregadas ({formatPercent(t.completeness)}), {t.onTime} a
                  tiempo ({formatPercent(t.timeliness)}).
                </p>
              ) : null}
              <ScrollTable labelledBy="rounds-title" testId="state-rounds-table" columns={['Ronda', 'Periodo', 'Vence', 'Situación', 'Entrega', canSubmit && ACTIONS_COLUMN]}>
                {list.map((r) => (
                  <tr key={r.code} data-round={r.code}>
                    <RoundCells round={r} />
                    <td data-label="Situación">
                      <span className={`tag ${DELIVERY_TONES[r.status] ?? 'tag-muted'}`}>{ROUND_STATUS_LABELS[r.status] ?? r.status}</span>
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
              </ScrollTable>
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
          )
        }
      </Loaded>
    </section>
  );
}

function RoundSubmitForm({ programCode, stateCode, roundCode, onCancel, onSubmitted }: { programCode: string; stateCode: string; roundCode: string; onCancel: () => void; onSubmitted: (message: string) => void }) {
  const { api, user } = useSession();
  const [summary, setSummary] = useState('');
  const form = useApiForm(['summary']);

  function submit(e: FormEvent) {
    e.preventDefault();
    void form.attempt(
      summary.trim() ? {} : { summary: ['Escriba el resumen de lo realizado en el periodo.'] },
      async () => {
        const body: { summary: string; stateCode?: string } = { summary: summary.trim() };
        if (user?.role !== 'state_officer') body.stateCode = stateCode;
        const res = await api.post<{ submittedOn: string; onTime: boolean }>(`/programs/${encodeURIComponent(programCode)}/reporting-rounds/${encodeURIComponent(roundCode)}/submissions`, body);
        onSubmitted(`Se entregó la ronda ${roundCode} el ${formatDate(res.submittedOn)}${res.onTime ? ', a tiempo' : ', con retraso'}.`);
      },
      (err, unplaced) => {
        if (err.status === 409) return err.message;
        if (err.status === 400) return reviseMessage(unplaced);
        return describeLoadError(err);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid round-form" aria-label={`Entregar la ronda ${roundCode}`} data-testid="round-form">
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id="round-summary" label={`Resumen de la ronda ${roundCode}`} hint="Lo realizado en el periodo; la entrega no se puede modificar." errors={form.errors.summary} required className="field-wide">
        {(a11y) => <textarea {...a11y} rows={3} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Entregar ronda" busyLabel="Entregando…" onCancel={onCancel} />
    </form>
  );
}
