import { useState, type FormEvent } from 'react';
import type { ConsultationComment, ConsultationCommentPage, ConsultationCommentType, ConsultationRound } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { formatDate, formatNumber } from '../util/format';
import { ExportButtons } from './export-buttons';
import { describeLoadError, EmptyState, ErrorNotice } from './feedback';
import { FileImport, type ImportWords } from './file-import';
import { Field, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { Loaded } from './loaded';
import { Figure } from './progress-bits';
import { ScrollTable } from './scroll-table';
import { useApiForm } from './use-api-form';

export const COMMENT_TYPE_LABELS: Record<ConsultationCommentType, string> = { form: 'Forma', substance: 'Fondo' };
const PAGE = 20;

const comments = (n: number) => (n === 1 ? '1 comentario nuevo' : `${n} comentarios nuevos`);
const IMPORT_WORDS: ImportWords = {
  title: 'Importar comentarios desde un archivo (CSV o XLSX)',
  hint: 'Use las columnas de «Descargar XLSX/CSV»: Origen, Tipo (Forma o Fondo), Comentario, Actividad, Atendido (Sí o No) y Respuesta (obligatoria si no se atendió). Una fila sin Folio es un comentario nuevo.',
  fileLabel: 'Archivo de comentarios',
  recordColumn: 'Comentario',
  actions: { create: 'Comentario nuevo', update: 'Cambio', unchanged: 'Ya registrado' },
  changes: comments,
  counts: (r) => `${comments(r.created)}, ${r.unchanged === 1 ? '1 ya registrado' : `${r.unchanged} ya registrados`}`,
  done: (r) => `Se importó el archivo: ${comments(r.created)}.`,
};

/** One consultation round: its figures (as the API counts them), its comments filtered, and for the coordination a form to record one. */
export function ConsultationRoundPanel({ programCode, round, canRecord, onChanged }: { programCode: string; round: ConsultationRound; canRecord: boolean; onChanged: () => void }) {
  const f = round.figures;
  const [type, setType] = useState<'' | ConsultationCommentType>('');
  const [attended, setAttended] = useState<'' | 'true' | 'false'>('');
  const [limit, setLimit] = useState(PAGE);
  const base = `/programs/${encodeURIComponent(programCode)}/consultation-rounds/${round.id}/comments`;
  const query = new URLSearchParams({ limit: String(limit), ...(type ? { type } : {}), ...(attended ? { attended } : {}) });
  const comments = useResource<ConsultationCommentPage>(`${base}?${query}`);
  const id = `round-${round.id}`;
  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="consultation-round">
      <h2 id={`${id}-title`}>{round.title}</h2>
      <p className="lead">
        Sobre «{round.versionLabel}»{round.opensOn ? `, del ${formatDate(round.opensOn)}` : ''}
        {round.closesOn ? ` al ${formatDate(round.closesOn)}` : ''}.
      </p>
      <dl className="figures">
        <Figure testId="consultation-comments" label="Comentarios recibidos" value={formatNumber(f.comments, 'integer')} />
        <Figure testId="consultation-form" label="De forma" value={formatNumber(f.form, 'integer')} />
        <Figure testId="consultation-substance" label="De fondo" value={formatNumber(f.substance, 'integer')} />
        <Figure testId="consultation-attended" label="Atendidos" value={f.attendedPercent === null ? '—' : `${formatNumber(f.attendedPercent)} %`} detail={`${formatNumber(f.attended, 'integer')} atendidos, ${formatNumber(f.notAttended, 'integer')} no atendidos`} />
      </dl>
      <details className="import-box">
        <summary>Comentarios</summary>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-type`}>Tipo</label>
            <select id={`${id}-type`} value={type} onChange={(e) => { setType(e.target.value as typeof type); setLimit(PAGE); }}>
              <option value="">Todos</option>
              <option value="form">Forma</option>
              <option value="substance">Fondo</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-attended`}>Atención</label>
            <select id={`${id}-attended`} value={attended} onChange={(e) => { setAttended(e.target.value as typeof attended); setLimit(PAGE); }}>
              <option value="">Todos</option>
              <option value="true">Atendidos</option>
              <option value="false">No atendidos</option>
            </select>
          </div>
        </div>
        <Loaded resource={comments} loadingLabel="Cargando comentarios…" notFound="No se encontró la ronda.">
          {(page) =>
            page.total === 0 ? (
              <EmptyState title="No hay comentarios con estos filtros." />
            ) : (
              <>
                <p className="summary">
                  {page.items.length} de {page.total} comentarios.
                </p>
                <ExportButtons path={`${base}/export`} formats={['xlsx', 'csv']} what="comentarios-de-la-consulta" testId="consultation-comments-export" />
                <CommentTable id={id} items={page.items} />
                {page.items.length < page.total ? (
                  <button type="button" className="button button-secondary" onClick={() => setLimit((n) => Math.min(200, n + PAGE * 5))} disabled={limit >= 200}>
                    Mostrar más
                  </button>
                ) : null}
              </>
            )
          }
        </Loaded>
        {canRecord ? (
          <FileImport
            path={`${base}/import`}
            words={IMPORT_WORDS}
            testId="consultation-comments-import"
            onImported={() => {
              comments.reload();
              onChanged();
            }}
          />
        ) : null}
        {canRecord ? (
          <CommentForm
            path={base}
            id={id}
            onSaved={() => {
              comments.reload();
              onChanged();
            }}
          />
        ) : null}
      </details>
    </section>
  );
}

function CommentTable({ id, items }: { id: string; items: ConsultationComment[] }) {
  return (
    <ScrollTable labelledBy={`${id}-title`} testId="consultation-comments-table" columns={['Origen', 'Tipo', 'Comentario', 'Actividad', 'Atendido', 'Respuesta']}>
      {items.map((c) => (
        <tr key={c.id}>
          <th scope="row">{c.originBody}</th>
          <td data-label="Tipo">{COMMENT_TYPE_LABELS[c.type]}</td>
          <td data-label="Comentario">{c.text}</td>
          <td data-label="Actividad">{c.activityCode ?? '—'}</td>
          <td data-label="Atendido">{c.attended ? <span className="tag tag-ok">Sí</span> : <span className="tag tag-muted">No</span>}</td>
          <td data-label="Respuesta">{c.response ?? '—'}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

const FIELDS = ['originBody', 'type', 'text', 'activityCode', 'attended', 'response'];

function CommentForm({ path, id, onSaved }: { path: string; id: string; onSaved: () => void }) {
  const { api } = useSession();
  const [originBody, setOriginBody] = useState('');
  const [type, setType] = useState<'' | ConsultationCommentType>('');
  const [text, setText] = useState('');
  const [activityCode, setActivityCode] = useState('');
  const [attended, setAttended] = useState<'' | 'true' | 'false'>('');
  const [response, setResponse] = useState('');
  const form = useApiForm(FIELDS);
  const { errors } = form;
  const fid = (name: string) => `${id}-new-${name}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    const check: FieldErrors = {};
    if (!originBody.trim()) check.originBody = ['Escriba quién envió el comentario.'];
    if (!type) check.type = ['Elija si es de forma o de fondo.'];
    if (!text.trim()) check.text = ['Escriba el comentario.'];
    if (!attended) check.attended = ['Indique si se atendió.'];
    void form.attempt(
      check,
      async () => {
        await api.post(path, { originBody, type, text, attended: attended === 'true', ...(activityCode.trim() ? { activityCode: activityCode.trim() } : {}), ...(response.trim() ? { response } : {}) });
        setOriginBody('');
        setText('');
        setActivityCode('');
        setResponse('');
        onSaved();
      },
      (err) => (err.status === 400 ? 'Revise los datos marcados.' : describeLoadError(err)),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="form-grid" aria-label="Registrar un comentario">
      <h3 className="field-wide">Registrar un comentario</h3>
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id={fid('origin')} label="Origen" hint="El organismo, la institución o la persona que lo envió." errors={errors.originBody} required>
        {(a11y) => <input {...a11y} type="text" maxLength={300} value={originBody} onChange={(e) => setOriginBody(e.target.value)} />}
      </Field>
      <Field id={fid('type')} label="Tipo" errors={errors.type} required>
        {(a11y) => (
          <select {...a11y} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="">Elija…</option>
            <option value="form">Forma</option>
            <option value="substance">Fondo</option>
          </select>
        )}
      </Field>
      <Field id={fid('activity')} label="Actividad" hint="Clave de la actividad a la que se refiere, si aplica (p. ej., 4.4)." errors={errors.activityCode}>
        {(a11y) => <input {...a11y} type="text" maxLength={20} value={activityCode} onChange={(e) => setActivityCode(e.target.value)} />}
      </Field>
      <Field id={fid('text')} label="Comentario" errors={errors.text} required className="field-wide">
        {(a11y) => <textarea {...a11y} rows={3} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field id={fid('attended')} label="¿Se atendió?" errors={errors.attended} required>
        {(a11y) => (
          <select {...a11y} value={attended} onChange={(e) => setAttended(e.target.value as typeof attended)}>
            <option value="">Elija…</option>
            <option value="true">Sí</option>
            <option value="false">No</option>
          </select>
        )}
      </Field>
      <Field id={fid('response')} label="Respuesta" hint="Obligatoria si no se atendió: por qué (p. ej., «ya considerado»)." errors={errors.response} className="field-wide">
        {(a11y) => <textarea {...a11y} rows={2} value={response} onChange={(e) => setResponse(e.target.value)} />}
      </Field>
      <FormActions busy={form.busy} label="Registrar comentario" busyLabel="Registrando…" wide />
    </form>
  );
}
