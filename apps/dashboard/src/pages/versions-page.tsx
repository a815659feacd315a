import { useState, type FormEvent } from 'react';
import { asList } from '../api/client';
import type { ConsultationRound, ProgramVersion } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { ConsultationRoundPanel } from '../components/consultation-round-panel';
import { describeLoadError, EmptyState, ErrorNotice, SuccessNotice } from '../components/feedback';
import { Field, type FieldErrors } from '../components/field';
import { FormActions } from '../components/form-actions';
import { Loaded } from '../components/loaded';
import { ScrollTable } from '../components/scroll-table';
import { useApiForm } from '../components/use-api-form';
import { VersionDiffView } from '../components/version-diff-view';
import { usePrograms } from '../programs/programs';
import { formatDate } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';

/**
 * The program's versions (e.g. the draft put to consultation and the approved text), what changed between two of
 * them, and the consultation rounds held on a version with their figures and comments. Everyone reads; the
 * coordination keeps versions, opens rounds and records comments.
 */
export function VersionsPage({ params, user }: PageProps) {
  const { programCode } = params;
  const { byCode } = usePrograms();
  const base = `/programs/${encodeURIComponent(programCode)}`;
  const versions = useResource<ProgramVersion[]>(`${base}/versions`, (raw) => asList<ProgramVersion>(raw));
  const rounds = useResource<ConsultationRound[]>(`${base}/consultation-rounds`, (raw) => asList<ConsultationRound>(raw));
  const [notice, setNotice] = useState<string | null>(null);
  const coordinator = user.role === 'coordinator';
  useDocumentTitle('Versiones y consulta');
  const reload = () => {
    versions.reload();
    rounds.reload();
  };

  return (
    <>
      <div className="page-heading">
        <h1>Versiones y consulta</h1>
        <p className="lead">{byCode(programCode)?.name ?? 'Versiones del programa y rondas de consulta'}</p>
      </div>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <section aria-labelledby="versions-title" className="panel">
        <h2 id="versions-title">Versiones del programa</h2>
        <Loaded resource={versions} loadingLabel="Cargando versiones…" notFound="No se encontró este programa.">
          {(list) =>
            list.length === 0 ? (
              <EmptyState title="Aún no se ha guardado ninguna versión del programa." />
            ) : (
              <ScrollTable labelledBy="versions-title" testId="versions-table" columns={['Versión', 'Fecha', 'Fases', 'Actividades', 'Rondas de consulta', 'Nota']}>
                {list.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">{v.label}</th>
                    <td data-label="Fecha">
                      <time dateTime={v.issuedOn}>{formatDate(v.issuedOn)}</time>
                    </td>
                    <td data-label="Fases">{v.phases}</td>
                    <td data-label="Actividades">{v.activities}</td>
                    <td data-label="Rondas de consulta">{v.rounds}</td>
                    <td data-label="Nota">{v.note ?? '—'}</td>
                  </tr>
                ))}
              </ScrollTable>
            )
          }
        </Loaded>
        {coordinator ? <VersionForm base={base} onSaved={(v) => { setNotice(`Se guardó la versión «${v.label}».`); reload(); }} /> : null}
      </section>

      {versions.data && versions.data.length >= 2 ? <VersionDiffView programCode={programCode} versions={versions.data} /> : null}

      <Loaded resource={rounds} loadingLabel="Cargando rondas de consulta…" notFound="No se encontró este programa.">
        {(list) => (
          <>
            {list.length === 0 ? (
              <section className="panel">
                <EmptyState title="Aún no hay rondas de consulta." />
              </section>
            ) : (
              list.map((r) => <ConsultationRoundPanel key={r.id} programCode={programCode} round={r} canRecord={coordinator} onChanged={rounds.reload} />)
            )}
          </>
        )}
      </Loaded>
      {coordinator && versions.data?.length ? <RoundForm base={base} versions={versions.data} onSaved={(r) => { setNotice(`Se abrió la ronda «${r.title}».`); reload(); }} /> : null}
    </>
  );
}

function VersionForm({ base, onSaved }: { base: string; onSaved: (v: ProgramVersion) => void }) {
  const { api } = useSession();
  const [label, setLabel] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [note, setNote] = useState('');
  const form = useApiForm(['label', 'issuedOn', 'note']);
  const { errors } = form;
  function submit(e: FormEvent) {
    e.preventDefault();
    const check: FieldErrors = {};
    if (!label.trim()) check.label = ['Escriba el nombre de la versión.'];
    if (!issuedOn) check.issuedOn = ['Escriba la fecha de la versión.'];
    void form.attempt(
      check,
      async () => {
        const v = await api.post<ProgramVersion>(`${base}/versions`, { label, issuedOn, ...(note.trim() ? { note } : {}) });
        setLabel('');
        setNote('');
        onSaved(v);
      },
      (err) => (err.status === 409 ? err.message : err.status === 400 ? 'Revise los datos marcados.' : describeLoadError(err)),
    );
  }
  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="version-form-title">
      <h3 id="version-form-title" className="field-wide">
        Guardar el programa actual como versión
      </h3>
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id="version-label" label="Nombre de la versión" errors={errors.label} required>
        {(a11y) => <input {...a11y} type="text" maxLength={200} value={label} onChange={(e) => setLabel(e.target.value)} />}
      </Field>
      <Field id="version-issued-on" label="Fecha" errors={errors.issuedOn} required>
        {(a11y) => <input {...a11y} type="date" value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} />}
      </Field>
      <Field id="version-note" label="Nota" errors={errors.note} className="field-wide">
        {(a11y) => <input {...a11y} type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Guardar versión" busyLabel="Guardando…" />
    </form>
  );
}

function RoundForm({ base, versions, onSaved }: { base: string; versions: ProgramVersion[]; onSaved: (r: ConsultationRound) => void }) {
  const { api } = useSession();
  const [versionId, setVersionId] = useState(versions[versions.length - 1].id);
  const [title, setTitle] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const form = useApiForm(['title', 'opensOn', 'closesOn']);
  const { errors } = form;
  function submit(e: FormEvent) {
    e.preventDefault();
    const check: FieldErrors = {};
    if (!title.trim()) check.title = ['Escriba el nombre de la ronda.'];
    void form.attempt(
      check,
      async () => {
        const r = await api.post<ConsultationRound>(`${base}/versions/${versionId}/consultation-rounds`, { title, ...(opensOn ? { opensOn } : {}), ...(closesOn ? { closesOn } : {}) });
        setTitle('');
        onSaved(r);
      },
      (err) => (err.status === 400 ? 'Revise los datos marcados.' : describeLoadError(err)),
    );
  }
  return (
    <section aria-labelledby="round-form-title" className="panel">
      <h2 id="round-form-title">Abrir una ronda de consulta</h2>
      <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="round-form-title">
        {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
        <div className="field">
          <label htmlFor="round-version">Versión consultada</label>
          <select id="round-version" value={versionId} onChange={(e) => setVersionId(e.target.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        <Field id="round-title" label="Nombre de la ronda" errors={errors.title} required>
          {(a11y) => <input {...a11y} type="text" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="round-opens-on" label="Abre" errors={errors.opensOn}>
          {(a11y) => <input {...a11y} type="date" value={opensOn} onChange={(e) => setOpensOn(e.target.value)} />}
        </Field>
        <Field id="round-closes-on" label="Cierra" errors={errors.closesOn}>
          {(a11y) => <input {...a11y} type="date" value={closesOn} onChange={(e) => setClosesOn(e.target.value)} />}
        </Field>
        <FormActions busy={form.busy} label="Abrir ronda" busyLabel="Abriendo…" />
      </form>
    </section>
  );
}
