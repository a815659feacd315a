import { useState, type FormEvent } from 'react';
import type { GovernmentOrder, Institution, InstitutionProgress, NewInstitution } from '../api/types';
import { useSession } from '../auth/session';
import type { Resource } from '../api/use-resource';
import { formatDate, ORDER_LABELS } from '../util/format';
import { describeLoadError, EmptyState, ErrorNotice, LoadError, Loading, SuccessNotice } from './feedback';
import { Field, type FieldErrors } from './field';
import { ExportButtons } from './export-buttons';
import { FormActions } from './form-actions';
import { FileImport, type ImportWords } from './file-import';
import { ProgressCell } from './progress-bits';
import { ScrollTable } from './scroll-table';
import { reviseMessage, useApiForm } from './use-api-form';

interface Props {
  institutionsPath: string;
  institutions: Resource<Institution[]>;
  canEdit: boolean;
  today: string;
  /** Each active institution's progress over the institution-level items (state progress API). */
  progressById?: Map<string, InstitutionProgress>;
}

/** The implementing institutions registered in the state, and (for its editors) the registration form. */
export function InstitutionsPanel({ institutionsPath, institutions, canEdit, today, progressById }: Props) {
  const [registered, setRegistered] = useState<string | null>(null);
  const list = [...(institutions.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'es'));
  return (
    <section aria-labelledby="institutions-title" className="panel">
      <h2 id="institutions-title">Instituciones implementadoras</h2>
      <ExportButtons path={`${institutionsPath}/export`} formats={['xlsx', 'csv']} what="instituciones" testId="export-institutions" />
      {institutions.error ? (
        <LoadError error={institutions.error} onRetry={institutions.reload} />
      ) : institutions.loading && !institutions.data ? (
        <Loading label="Cargando instituciones…" />
      ) : list.length === 0 ? (
        <EmptyState title="Aún no hay instituciones registradas en esta entidad." />
      ) : (
        <ScrollTable labelledBy="institutions-title" testId="institutions-table" columns={['Institución', 'Siglas', 'Orden de gobierno', 'Incorporación', 'Situación', progressById && 'Avance']}>
          {list.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.name}</th>
              <td data-label="Siglas">{i.acronym ?? '—'}</td>
              <td data-label="Orden de gobierno">{ORDER_LABELS[i.order] ?? i.order}</td>
              <td data-label="Incorporación">
                <time dateTime={i.joinedOn}>{formatDate(i.joinedOn)}</time>
              </td>
              <td data-label="Situación">{i.exitedOn && i.exitedOn <= today ? <span className="tag tag-muted">Baja desde {formatDate(i.exitedOn)}</span> : <span className="tag tag-ok">Activa</span>}</td>
              {progressById ? (
                <td data-label="Avance" data-col="progress">
                  {progressById.get(i.id) ? (
                    <>
                      <ProgressCell progress={progressById.get(i.id)!.progress} />
                      <span className="hint">
                        {' '}
                        {progressById.get(i.id)!.completedItems} de {progressById.get(i.id)!.items} {progressById.get(i.id)!.items === 1 ? 'actividad concluida' : 'actividades concluidas'}
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </ScrollTable>
      )}
      {canEdit ? (
        <>
          <h3 id="institution-form-title">Registrar una institución</h3>
          {registered ? <SuccessNotice>{registered}</SuccessNotice> : null}
          <InstitutionForm
            path={institutionsPath}
            onSubmit={() => setRegistered(null)}
            onRegistered={(inst) => {
              setRegistered(`Se registró ${inst.name}.`);
              institutions.reload();
            }}
          />
          <FileImport path={`${institutionsPath}/import`} words={IMPORT_WORDS} testId="institutions-import" onImported={institutions.reload} />
        </>
      ) : null}
    </section>
  );
}

const FORM_FIELDS = ['name', 'acronym', 'order', 'joinedOn'];

const IMPORT_WORDS: ImportWords = {
  title: 'Importar instituciones desde un archivo (CSV o XLSX)',
  hint: 'Use las columnas de «Descargar XLSX/CSV»: Nombre, Siglas, Orden de gobierno, Alta y Baja (Folio para modificar una registrada).',
  fileLabel: 'Archivo de instituciones',
  recordColumn: 'Institución',
  actions: { create: 'Alta nueva', update: 'Cambio', unchanged: 'Sin cambios' },
  fields: { name: 'Nombre', acronym: 'Siglas', exitedOn: 'Baja' },
  changes: (n) => (n === 1 ? '1 cambio' : `${n} cambios`),
  counts: (r) => `${r.created} altas nuevas, ${r.updated} cambios, ${r.unchanged} sin cambios`,
  done: (r) => `Se importó el archivo: ${r.created} altas, ${r.updated} cambios, ${r.unchanged} sin cambios.`,
};

function InstitutionForm({ path, onSubmit, onRegistered }: { path: string; onSubmit: () => void; onRegistered: (i: Institution) => void }) {
  const { api } = useSession();
  const [name, setName] = useState('');
  const [acronym, setAcronym] = useState('');
  const [order, setOrder] = useState<GovernmentOrder | ''>('');
  const [joinedOn, setJoinedOn] = useState('');
  const form = useApiForm(FORM_FIELDS);
  const { errors } = form;

  function submit(e: FormEvent) {
    e.preventDefault();
    onSubmit();
    const check: FieldErrors = {};
    if (!name.trim()) check.name = ['Escriba el nombre de la institución.'];
    if (!order) check.order = ['Elija el orden de gobierno.'];
    const body: NewInstitution = { name: name.trim(), order: order as GovernmentOrder };
    if (acronym.trim()) body.acronym = acronym.trim();
    if (joinedOn) body.joinedOn = joinedOn;
    void form.attempt(
      check,
      async () => {
        const created = await api.post<Institution>(path, body);
        setName('');
        setAcronym('');
        setOrder('');
        setJoinedOn('');
        onRegistered(created ?? { ...body, id: '', acronym: body.acronym ?? null, joinedOn: body.joinedOn ?? '', exitedOn: null });
      },
      (err, unplaced) => {
        if (err.status === 403) return 'No tiene permiso para registrar instituciones en esta entidad.';
        if (err.status === 409 && !err.errors.length) return err.message;
        if (err.status === 400 || err.status === 409) return reviseMessage(unplaced);
        return describeLoadError(err);
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="institution-form-title" data-testid="institution-form">
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id="institution-name" label="Nombre" errors={errors.name} required className="field-wide">
        {(a11y) => <input {...a11y} type="text" value={name} maxLength={300} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="institution-acronym" label="Siglas" errors={errors.acronym}>
        {(a11y) => <input {...a11y} type="text" value={acronym} maxLength={40} onChange={(e) => setAcronym(e.target.value)} />}
      </Field>
      <Field id="institution-order" label="Orden de gobierno" errors={errors.order} required>
        {(a11y) => (
          <select {...a11y} value={order} onChange={(e) => setOrder(e.target.value as GovernmentOrder | '')}>
            <option value="">Elija…</option>
            {(Object.keys(ORDER_LABELS) as GovernmentOrder[]).map((o) => (
              <option key={o} value={o}>
                {ORDER_LABELS[o]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="institution-joined-on" label="Fecha de incorporación" hint="Si la deja vacía, se usa la fecha de hoy." errors={errors.joinedOn}>
        {(a11y) => <input {...a11y} type="date" value={joinedOn} onChange={(e) => setJoinedOn(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Registrar institución" busyLabel="Registrando…" wide />
    </form>
  );
}
