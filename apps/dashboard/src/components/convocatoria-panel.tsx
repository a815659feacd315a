import { useMemo, useState, type FormEvent } from 'react';
import { asList } from '../api/client';
import type { PipelineEntry, PipelineFunnel, PipelineStage, ProgramDetail, SessionUser, StateInfo } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { formatDate, PIPELINE_STAGE_LABELS } from '../util/format';
import { FileDownload } from './file-download';
import { describeLoadError, EmptyState, ErrorNotice, SuccessNotice } from './feedback';
import { Field, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { Loaded } from './loaded';
import { PipelineSessions } from './pipeline-sessions';
import { PipelineStepForm } from './pipeline-step-form';
import { ScrollTable } from './scroll-table';
import { StateSelectField } from './state-select';
import { useApiForm } from './use-api-form';

const STAGE_TAGS: Record<PipelineStage, string> = {
  candidate: 'tag tag-muted',
  interested: 'tag tag-info',
  convened: 'tag tag-warning',
  joined: 'tag tag-ok',
  declined: 'tag tag-danger',
};

interface Props {
  programCode: string;
  user: SessionUser;
  states: StateInfo[];
  /** A state joined: the participations and figures above change. */
  onJoined: () => void;
}

/**
 * The national convocatoria (phase 3 of the minutes): the funnel of states by stage, in all and per cohort, and
 * each state's way in, with its manifiesto de interés, its steps and the accompaniment sessions. The coordination
 * adds states and records every step; a state officer sees only its own state and records its manifiesto.
 */
export function ConvocatoriaPanel({ programCode, user, states, onJoined }: Props) {
  const base = `/programs/${encodeURIComponent(programCode)}/pipeline`;
  // Steps default to "today" as the API counts it (its clock, the program's time zone), not the browser's.
  const program = useResource<ProgramDetail>(`/programs/${encodeURIComponent(programCode)}`);
  const funnel = useResource<PipelineFunnel>(`${base}/funnel`);
  const entries = useResource<PipelineEntry[]>(base, (raw) => asList<PipelineEntry>(raw));
  const [notice, setNotice] = useState<string | null>(null);
  const coordinator = user.role === 'coordinator';

  function changed(entry: PipelineEntry, message: string) {
    setNotice(message);
    funnel.reload();
    entries.reload();
    if (entry.stage === 'joined') onJoined();
  }

  return (
    <section aria-labelledby="convocatoria-title" className="panel" data-testid="convocatoria-panel">
      <h2 id="convocatoria-title">Convocatoria nacional</h2>
      <p className="lead">Cada entidad pasa de candidata a manifestar su interés (con su manifiesto), a ser convocada y a adherirse, o declina. Adherirse aquí crea su participación.</p>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <Loaded resource={program} loadingLabel="Cargando la convocatoria…" notFound="No se encontró este programa.">
        {(p) => (
          <>
            <Loaded resource={funnel} loadingLabel="Cargando la convocatoria…" notFound="No se encontró este programa.">
              {(f) => (f.total === 0 ? <EmptyState title="Aún no hay entidades en la convocatoria." /> : <Funnel funnel={f} />)}
            </Loaded>
            <Loaded resource={entries} loadingLabel="Cargando entidades…" notFound="No se encontró este programa.">
              {(list) => (list.length === 0 ? null : <EntryTable programCode={programCode} entries={list} user={user} today={p.today} onChanged={changed} />)}
            </Loaded>
            {coordinator && entries.data ? <AddCandidateForm programCode={programCode} states={states} entries={entries.data} today={p.today} onAdded={(e) => changed(e, `${e.stateName} se agregó a la convocatoria.`)} /> : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** The stages as bars, widest for the most states, then the same counts per cohort. */
function Funnel({ funnel }: { funnel: PipelineFunnel }) {
  const max = Math.max(1, ...funnel.stages.map((s) => s.count));
  return (
    <>
      <ol className="funnel" data-testid="pipeline-funnel" aria-label={`Embudo de la convocatoria: ${funnel.total} entidades`}>
        {funnel.stages.map((s) => (
          <li key={s.stage} data-stage={s.stage}>
            <span className="funnel-label">{PIPELINE_STAGE_LABELS[s.stage]}</span>
            <span className={`funnel-bar funnel-${s.stage}`} style={{ width: `${(100 * s.count) / max}%` }} aria-hidden="true" />
            <span className="funnel-count">{s.count}</span>
          </li>
        ))}
      </ol>
      <ScrollTable labelledBy="convocatoria-title" testId="pipeline-cohorts" columns={['Grupo', ...funnel.stages.map((s) => PIPELINE_STAGE_LABELS[s.stage]), 'Total']}>
        {funnel.cohorts.map((c) => (
          <tr key={c.cohort ?? '-'}>
            <th scope="row">{c.cohort ?? 'Sin grupo'}</th>
            {c.stages.map((s) => (
              <td key={s.stage} data-label={PIPELINE_STAGE_LABELS[s.stage]}>
                {s.count}
              </td>
            ))}
            <td data-label="Total">{c.total}</td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}

function EntryTable({ programCode, entries, user, today, onChanged }: { programCode: string; entries: PipelineEntry[]; user: SessionUser; today: string; onChanged: (e: PipelineEntry, message: string) => void }) {
  const officer = user.role === 'state_officer';
  return (
    <>
      <h3 id="pipeline-entries-title">{officer ? 'Su entidad en la convocatoria' : 'Entidades en la convocatoria'}</h3>
      <ScrollTable labelledBy="pipeline-entries-title" testId="pipeline-entries" columns={['Entidad federativa', 'Grupo', 'Etapa', 'Manifiesto de interés', 'Convocada', 'Resultado', 'Seguimiento']}>
        {entries.map((e) => (
          <tr key={e.stateCode} data-state-code={e.stateCode}>
            <th scope="row">{e.stateName}</th>
            <td data-label="Grupo">{e.cohort ?? 'Sin grupo'}</td>
            <td data-label="Etapa">
              <span className={STAGE_TAGS[e.stage]}>{PIPELINE_STAGE_LABELS[e.stage]}</span>
            </td>
            <td data-label="Manifiesto de interés">
              {e.interestOn ? <time dateTime={e.interestOn}>{formatDate(e.interestOn)}</time> : '—'}
              {e.interestFileId ? (
                <>
                  {' '}
                  <FileDownload fileId={e.interestFileId} label="Descargar" ariaLabel={`Descargar el manifiesto de interés de ${e.stateName}`} saveAs="manifiesto-de-interes" />
                </>
              ) : null}
            </td>
            <td data-label="Convocada">{e.convenedOn ? <time dateTime={e.convenedOn}>{formatDate(e.convenedOn)}</time> : '—'}</td>
            <td data-label="Resultado">
              {e.stage === 'joined' && e.joinedOn ? `Adhesión el ${formatDate(e.joinedOn)}` : e.stage === 'declined' ? `Declinó el ${formatDate(e.declinedOn)}: ${e.declinedReason ?? ''}` : '—'}
            </td>
            <td data-label="Seguimiento">
              <EntryFollowUp programCode={programCode} entry={e} user={user} today={today} onChanged={onChanged} />
            </td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}

function EntryFollowUp({ programCode, entry, user, today, onChanged }: { programCode: string; entry: PipelineEntry; user: SessionUser; today: string; onChanged: (e: PipelineEntry, message: string) => void }) {
  const [sessionsOpen, setSessionsOpen] = useState(false);
  const officer = user.role === 'state_officer';
  const canStep = user.role === 'coordinator' || (officer && user.stateCode === entry.stateCode && entry.stage === 'candidate');
  const open = entry.stage !== 'joined' && entry.stage !== 'declined';
  return (
    <>
      <details className="pipeline-history">
        <summary>Historial ({entry.history.length})</summary>
        <ol>
          {entry.history.map((h, i) => (
            <li key={i}>
              <time dateTime={h.on}>{formatDate(h.on)}</time>: {PIPELINE_STAGE_LABELS[h.to]}
              {h.reason ? ` — ${h.reason}` : ''}
              {h.actorName ? <span className="evidence-meta"> ({h.actorName})</span> : null}
            </li>
          ))}
        </ol>
      </details>
      {canStep && open ? (
        // Keyed by stage: after a step the form starts again, closed, for the next one.
        <details key={entry.stage} className="pipeline-next">
          <summary>{officer ? 'Registrar manifiesto de interés' : 'Siguiente paso'}</summary>
          <PipelineStepForm programCode={programCode} entry={entry} officer={officer} today={today} onDone={(e) => onChanged(e, `${e.stateName}: ${PIPELINE_STAGE_LABELS[e.stage].toLowerCase()}.`)} />
        </details>
      ) : null}
      <details className="pipeline-sessions-box" onToggle={(ev) => setSessionsOpen((ev.target as HTMLDetailsElement).open)}>
        <summary>Sesiones de acompañamiento</summary>
        {sessionsOpen ? <PipelineSessions programCode={programCode} stateCode={entry.stateCode} stateName={entry.stateName} canRecord={user.role === 'coordinator'} today={today} /> : null}
      </details>
    </>
  );
}

const ADD_FIELDS = ['stateCode', 'cohort', 'on'];

/** Coordinator: a state enters the convocatoria as candidate, in a cohort (an existing one, or a new name). */
function AddCandidateForm({ programCode, states, entries, today, onAdded }: { programCode: string; states: StateInfo[]; entries: PipelineEntry[]; today: string; onAdded: (e: PipelineEntry) => void }) {
  const { api } = useSession();
  const [stateCode, setStateCode] = useState('');
  const [cohort, setCohort] = useState('');
  const [on, setOn] = useState(today);
  const form = useApiForm(ADD_FIELDS);
  const { errors } = form;
  const inPipeline = useMemo(() => new Set(entries.map((e) => e.stateCode)), [entries]);
  const cohorts = useMemo(() => [...new Set(entries.map((e) => e.cohort).filter((c): c is string => c !== null))].sort((a, b) => a.localeCompare(b, 'es')), [entries]);
  const available = states.filter((s) => !inPipeline.has(s.code)).sort((a, b) => a.name.localeCompare(b.name, 'es'));

  function submit(e: FormEvent) {
    e.preventDefault();
    const check: FieldErrors = {};
    if (!stateCode) check.stateCode = ['Elija la entidad federativa.'];
    void form.attempt(
      check,
      async () => {
        const added = await api.put<PipelineEntry>(`/programs/${encodeURIComponent(programCode)}/pipeline`, { stateCode, on, ...(cohort.trim() ? { cohort } : {}) });
        setStateCode('');
        onAdded(added);
      },
      (err) => (err.status === 409 ? err.message : err.status === 400 ? 'Revise los datos marcados.' : describeLoadError(err)),
    );
  }

  if (!available.length) return null;
  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="add-candidate-title">
      <h3 id="add-candidate-title" className="field-wide">
        Agregar una entidad a la convocatoria
      </h3>
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <StateSelectField id="candidate-state" states={available} value={stateCode} onChange={setStateCode} errors={errors.stateCode} />
      <Field id="candidate-cohort" label="Grupo" hint="Por ejemplo, «Manifestaron interés» o «Iniciativas relacionadas»." errors={errors.cohort}>
        {(a11y) => (
          <>
            <input {...a11y} type="text" list="candidate-cohorts" maxLength={120} value={cohort} onChange={(e) => setCohort(e.target.value)} />
            <datalist id="candidate-cohorts">
              {cohorts.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id="candidate-on" label="Desde" errors={errors.on}>
        {(a11y) => <input {...a11y} type="date" value={on} onChange={(e) => setOn(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Agregar a la convocatoria" busyLabel="Agregando…" />
    </form>
  );
}
