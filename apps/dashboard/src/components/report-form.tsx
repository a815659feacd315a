import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Activity, EvidenceInput, EvidenceKind, Institution, NewReport, PlanItem, Report, ReportStatus, StoredFile } from '../api/types';
import { useSession } from '../auth/session';
import { formatBytes, formatDate, formatPercent, metricLabel, REPORT_STATUS_LABELS } from '../util/format';
import { EVIDENCE_KIND_LABELS } from './evidence-list';
import { FileDownload } from './file-download';
import { describeLoadError, ErrorNotice } from './feedback';
import { Field, FieldErrorList, type FieldErrors } from './field';
import { FormActions } from './form-actions';
import { reviseMessage, useApiForm } from './use-api-form';

interface Props {
  /** `/programs/:p/states/:s` */
  statePath: string;
  item: PlanItem;
  activity: Activity | undefined;
  institutions: Institution[];
  /** Today in the program's time zone, as the API counts it. */
  today: string;
  /** The returned report this one answers (its values are the starting point). */
  answering?: Report | null;
  onSubmitted: (report: Report) => void;
  onCancel: () => void;
}

interface EvidenceRow {
  key: number;
  kind: EvidenceKind;
  title: string;
  url: string;
  highValue: boolean;
  format: string;
  licence: string;
  /** For a document: the activity format it is the filled copy of ('' for none). */
  formatCode: string;
  fileId: string | null;
  fileName: string | null;
  fileSize: number | null;
  uploading: boolean;
}

const STATUSES: ReportStatus[] = ['not_started', 'in_progress', 'completed', 'blocked'];
/**
 * API fields shown next to their own control (`evidence.` and `metrics.`: every field under them); anything else
 * is listed at the top of the form.
 */
const PLACED_FIELDS = ['status', 'percent', 'reportedOn', 'narrative', 'institutionId', 'metrics', 'evidence', 'evidence.', 'metrics.'];

let nextKey = 1;

/** A fresh Idempotency-Key; `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    try {
      return crypto.randomUUID();
    } catch {
      // fall through
    }
  }
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function emptyRow(kind: EvidenceKind): EvidenceRow {
  return { key: nextKey++, kind, title: '', url: '', highValue: false, format: '', licence: '', formatCode: '', fileId: null, fileName: null, fileSize: null, uploading: false };
}

const activeOn = (i: Institution, day: string) => i.joinedOn <= day && (!i.exitedOn || i.exitedOn > day);

/**
 * The state officer's (or coordinator's) progress report on one plan item: status and percent (completed
 * means 100 and not started 0, here as in the API), the date it describes, narrative, the activity's
 * declared metrics, and evidence (links, datasets, documents uploaded first and then referenced by id).
 * The API's field messages appear next to their fields, evidence ones next to their row. Each submit attempt
 * carries a fresh Idempotency-Key, reused only when the same attempt is retried after a lost answer, so a
 * retry never creates a second report.
 */
export function ReportForm({ statePath, item, activity, institutions, today, answering, onSubmitted, onCancel }: Props) {
  const { api } = useSession();
  const metrics = activity?.metrics ?? [];
  const formats = activity?.formats ?? [];
  const isInstitutionLevel = item.level === 'institution';
  const [institutionId, setInstitutionId] = useState(answering?.institutionId ?? '');
  const [status, setStatus] = useState<ReportStatus | ''>(answering?.status ?? '');
  const [percent, setPercent] = useState(answering ? String(answering.percent) : '');
  const [reportedOn, setReportedOn] = useState(today);
  const [narrative, setNarrative] = useState(answering?.narrative ?? '');
  const [metricValues, setMetricValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(metrics.map((m) => [m, answering?.metrics?.[m] !== undefined ? String(answering.metrics[m]) : ''])),
  );
  const [rows, setRows] = useState<EvidenceRow[]>(() =>
    (answering?.evidence ?? []).map((e) => ({
      ...emptyRow(e.kind),
      title: e.title,
      url: e.url ?? '',
      highValue: e.highValue,
      format: e.format ?? '',
      licence: e.licence ?? '',
      formatCode: e.formatCode ?? '',
      fileId: e.fileId,
      fileName: e.fileName,
    })),
  );
  const form = useApiForm(PLACED_FIELDS);
  const { errors, setErrors } = form;
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** The last attempt whose answer never arrived: same body → same key. */
  const pending = useRef<{ body: string; key: string } | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [item.activityCode, answering?.id]);

  const fixedPercent = status === 'completed' ? '100' : status === 'not_started' ? '0' : null;
  const shownPercent = fixedPercent ?? percent;
  const activeInstitutions = institutions.filter((i) => activeOn(i, reportedOn || today) || i.id === institutionId);

  const setRow = (key: number, change: Partial<EvidenceRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  /** A field the user changes loses its old messages (they described the previous value). */
  const clear = (...fields: string[]) =>
    setErrors((e) => {
      if (!fields.some((f) => e[f])) return e;
      const next = { ...e };
      for (const f of fields) delete next[f];
      return next;
    });
  const errs = (field: string) => errors[field];
  const rowErr = (i: number, f: string) => errors[`evidence.${i}.${f}`];

  async function upload(row: EvidenceRow, file: File | undefined) {
    if (!file) return;
    const index = rows.findIndex((r) => r.key === row.key);
    setErrors((e) => ({ ...e, [`evidence.${index}.fileId`]: [] }));
    setRow(row.key, { uploading: true, fileId: null, fileName: null, fileSize: null });
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const stored = await api.upload<StoredFile>(`${statePath}/files`, form);
      setRows((rs) => rs.map((r) => (r.key === row.key ? { ...r, uploading: false, fileId: stored.id, fileName: stored.name, fileSize: stored.size, title: r.title || stored.name } : r)));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setRow(row.key, { uploading: false });
      const messages = e.fieldMessages('file');
      const i = rows.findIndex((r) => r.key === row.key);
      setErrors((prev) => ({
        ...prev,
        [`evidence.${i}.fileId`]: messages.length ? messages : [e.status === 413 ? 'El archivo es demasiado grande.' : e.status === 403 ? 'No tiene permiso para cargar archivos en esta entidad.' : describeLoadError(e)],
      }));
    }
  }

  function buildBody(): { body: NewReport | null; check: FieldErrors } {
    const check: FieldErrors = {};
    if (!status) check.status = ['Elija el estado de la actividad.'];
    const pct = shownPercent.trim() === '' ? NaN : Number(shownPercent);
    if (shownPercent.trim() === '') check.percent = ['Escriba el porcentaje de avance (0 a 100).'];
    else if (!Number.isFinite(pct)) check.percent = ['Escriba un número de 0 a 100.'];
    if (!reportedOn) check.reportedOn = ['Escriba la fecha que describe el reporte.'];
    if (isInstitutionLevel && !institutionId) check.institutionId = ['Elija la institución que reporta.'];
    const metricsOut: Record<string, number> = {};
    for (const m of metrics) {
      const raw = (metricValues[m] ?? '').trim();
      if (raw === '') continue;
      const v = Number(raw);
      if (!Number.isFinite(v)) check[`metrics.${m}`] = ['Escriba un número.'];
      else metricsOut[m] = v;
    }
    const evidence: EvidenceInput[] = rows.map((r, i) => {
      if (!r.title.trim()) check[`evidence.${i}.title`] = ['Escriba un título para la evidencia.'];
      if (r.kind === 'document') {
        if (r.uploading) check[`evidence.${i}.fileId`] = ['Espere a que termine de cargarse el archivo.'];
        else if (!r.fileId) check[`evidence.${i}.fileId`] = ['Elija el archivo del documento.'];
        return { kind: r.kind, title: r.title.trim(), ...(r.fileId ? { fileId: r.fileId } : {}), ...(r.formatCode ? { formatCode: r.formatCode } : {}) };
      }
      if (!r.url.trim()) check[`evidence.${i}.url`] = ['Escriba la dirección web.'];
      const out: EvidenceInput = { kind: r.kind, title: r.title.trim(), url: r.url.trim() };
      if (r.kind === 'dataset') {
        out.highValue = r.highValue;
        if (r.format.trim()) out.format = r.format.trim();
        if (r.licence.trim()) out.licence = r.licence.trim();
      }
      return out;
    });
    if (Object.keys(check).length) return { body: null, check };
    const body: NewReport = { activityCode: item.activityCode, status: status as ReportStatus, percent: pct, reportedOn };
    if (isInstitutionLevel) body.institutionId = institutionId;
    if (narrative.trim()) body.narrative = narrative.trim();
    if (Object.keys(metricsOut).length) body.metrics = metricsOut;
    if (evidence.length) body.evidence = evidence;
    return { body, check };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const { body, check } = buildBody();
    if (!body) {
      setErrors(check);
      form.setFormError('Revise los datos marcados.');
      return;
    }
    const json = JSON.stringify(body);
    const key = pending.current?.body === json ? pending.current.key : newIdempotencyKey();
    pending.current = { body: json, key };
    void form.attempt(
      check,
      async () => {
        let report: Report;
        try {
          report = await api.post<Report>(`${statePath}/reports`, body, { headers: { 'Idempotency-Key': key } });
        } catch (err) {
          // The answer was lost (network, gateway): the same attempt once more, with the same key.
          if (err instanceof ApiError && (err.status === 0 || err.status === 502 || err.status === 504)) {
            report = await api.post<Report>(`${statePath}/reports`, body, { headers: { 'Idempotency-Key': key } });
          } else throw err;
        }
        pending.current = null;
        onSubmitted(report);
      },
      (err, unplaced) => {
        // Only an attempt whose outcome is unknown keeps its key; a refusal means nothing was written.
        if (!(err.status === 0 || err.status >= 500)) pending.current = null;
        if (err.status === 400) return reviseMessage(unplaced);
        if (err.status === 403) return 'No tiene permiso para reportar en esta entidad.';
        if (err.status === 409) return err.errors[0]?.message ?? err.message;
        if (err.status === 0 || err.status >= 500) return `${describeLoadError(err)} Puede volver a enviar: el reporte no se duplicará.`;
        return describeLoadError(err);
      },
    );
  }

  const title = `${answering ? 'Responder a la devolución' : 'Reportar avance'}: ${item.activityCode} · ${item.activityName}`;
  return (
    <section className="panel form-panel" aria-labelledby="report-form-title" data-testid="report-form">
      <h3 id="report-form-title" tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      {answering ? (
        <div className="notice notice-warning">
          <p>
            Responde al reporte del {formatDate(answering.reportedOn)} ({REPORT_STATUS_LABELS[answering.status]}, {formatPercent(answering.percent)}), devuelto por la
            coordinación. <strong>Motivo:</strong> {answering.reviewReason ?? '—'}
          </p>
        </div>
      ) : null}
      <p className="hint">
        Ventana planificada: {formatDate(item.plannedStart)} a {formatDate(item.plannedDue)}. El reporte no se modifica después de enviarlo: un reporte nuevo
        sustituye al anterior.
      </p>
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <form onSubmit={submit} noValidate className="form-grid" aria-labelledby="report-form-title">
        {isInstitutionLevel ? (
          <Field id="report-institution" label="Institución" errors={errs('institutionId')} required className="field-wide">
            {(a11y) => (
              <select {...a11y} value={institutionId} onChange={(e) => { setInstitutionId(e.target.value); clear('institutionId'); }}>
                <option value="">Elija la institución…</option>
                {activeInstitutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                    {i.acronym ? ` (${i.acronym})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field id="report-status" label="Estado de la actividad" errors={errs('status')} required>
          {(a11y) => (
            <select {...a11y} value={status} onChange={(e) => { setStatus(e.target.value as ReportStatus | ''); clear('status', 'percent'); }}>
              <option value="">Elija…</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {REPORT_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="report-percent"
          label="Porcentaje de avance"
          hint={fixedPercent !== null ? `Una actividad ${status === 'completed' ? 'concluida lleva 100 %' : 'no iniciada lleva 0 %'}.` : 'De 0 a 100, hasta dos decimales.'}
          errors={errs('percent')}
          required
        >
          {(a11y) => (
            <input {...a11y} type="number" inputMode="decimal" min={0} max={100} step={0.01} value={shownPercent} readOnly={fixedPercent !== null} onChange={(e) => { setPercent(e.target.value); clear('percent'); }} />
          )}
        </Field>
        <Field id="report-date" label="Fecha del reporte" hint="El día que describe el reporte; no puede ser posterior a hoy." errors={errs('reportedOn')} required>
          {(a11y) => <input {...a11y} type="date" max={today} value={reportedOn} onChange={(e) => { setReportedOn(e.target.value); clear('reportedOn', 'institutionId'); }} />}
        </Field>
        <Field id="report-narrative" label="Descripción del avance" errors={errs('narrative')} className="field-wide">
          {(a11y) => <textarea {...a11y} rows={4} maxLength={10000} value={narrative} onChange={(e) => { setNarrative(e.target.value); clear('narrative'); }} />}
        </Field>

        {metrics.length ? (
          <fieldset className="field-wide fieldset">
            <legend>Métricas de la actividad</legend>
            {errs('metrics') ? <FieldErrorList id="report-metrics-error" field="report-metrics-error" messages={errs('metrics')!} /> : null}
            <div className="form-grid">
              {metrics.map((m) => (
                <Field key={m} id={`report-metric-${m}`} label={metricLabel(m)} hint={`Total acumulado a la fecha (${m}).`} errors={errs(`metrics.${m}`)}>
                  {(a11y) => (
                    <input {...a11y} type="number" inputMode="numeric" min={0} step="any" value={metricValues[m] ?? ''} onChange={(e) => { setMetricValues((v) => ({ ...v, [m]: e.target.value })); clear(`metrics.${m}`); }} />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>
        ) : null}

        <fieldset className="field-wide fieldset" data-testid="evidence-fieldset">
          <legend>Evidencia</legend>
          {activity?.evidenceKinds?.length ? (
            <p className="hint" data-testid="expected-evidence">
              Evidencia esperada para esta actividad: {activity.evidenceKinds.map((k) => EVIDENCE_KIND_LABELS[k] ?? k).join(', ').toLowerCase()}.
              {activity.completionNeedsEvidence ? ' Para reportarla como concluida, el reporte debe traer evidencia de cada uno de estos tipos.' : null}
            </p>
          ) : null}
          {formats.length ? (
            <div className="formats" data-testid="activity-formats">
              <p className="hint">
                Formatos de esta actividad: descargue la plantilla, llénela y agréguela como documento marcado con su formato.
                {activity?.completionNeedsEvidence ? ' Para reportarla como concluida, el reporte debe traer un documento de cada formato.' : null}
              </p>
              <ul className="plain-list">
                {formats.map((f) => (
                  <li key={f.code} data-format={f.code}>
                    <strong>
                      {f.code} · {f.name}
                    </strong>
                    {f.description ? <span className="hint"> {f.description}</span> : null}{' '}
                    {f.templateFileId ? <FileDownload fileId={f.templateFileId} label="Descargar plantilla" ariaLabel={`Descargar plantilla del formato ${f.code}`} saveAs={`plantilla-${f.code}`} className="button button-secondary button-small" /> : <span className="hint">(sin plantilla)</span>}{' '}
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => { setRows((rs) => [...rs, { ...emptyRow('document'), formatCode: f.code, title: `${f.code} · ${f.name}` }]); clear('evidence'); }}
                    >
                      Agregar formato {f.code} llenado
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {errs('evidence') ? <FieldErrorList id="report-evidence-error" field="report-evidence-error" messages={errs('evidence')!} /> : null}
          {rows.length === 0 ? <p className="hint">Aún no agrega evidencia.</p> : null}
          <ol className="evidence-rows">
            {rows.map((r, i) => {
              const n = i + 1;
              const id = (f: string) => `ev-${r.key}-${f}`;
              const rowLevel = Object.entries(errors)
                .filter(([f]) => f.startsWith(`evidence.${i}.`) && !['title', 'url', 'fileId', 'highValue', 'format', 'licence', 'formatCode'].includes(f.slice(`evidence.${i}.`.length)))
                .flatMap(([, m]) => m);
              return (
                <li key={r.key} className="evidence-row" data-testid={`evidence-row-${i}`} data-kind={r.kind}>
                  <fieldset className="fieldset-plain">
                    <legend>
                      Evidencia {n}: {EVIDENCE_KIND_LABELS[r.kind]}
                    </legend>
                    {rowLevel.length ? <FieldErrorList id={id('errors')} field={id('errors')} messages={rowLevel} /> : null}
                    <div className="form-grid">
                      <Field id={id('title')} label={`Título de la evidencia ${n}`} errors={rowErr(i, 'title')} required>
                        {(a11y) => <input {...a11y} type="text" maxLength={300} value={r.title} onChange={(e) => { setRow(r.key, { title: e.target.value }); clear(`evidence.${i}.title`); }} />}
                      </Field>
                      {r.kind === 'document' && formats.length ? (
                        <Field id={id('format-code')} label={`Formato de la evidencia ${n}`} hint="Si el documento es un formato llenado, elija cuál." errors={rowErr(i, 'formatCode')}>
                          {(a11y) => (
                            <select {...a11y} value={r.formatCode} onChange={(e) => { setRow(r.key, { formatCode: e.target.value }); clear(`evidence.${i}.formatCode`, 'evidence'); }}>
                              <option value="">Ninguno (otro documento)</option>
                              {formats.map((f) => (
                                <option key={f.code} value={f.code}>
                                  Formato: {f.code} · {f.name}
                                </option>
                              ))}
                            </select>
                          )}
                        </Field>
                      ) : null}
                      {r.kind === 'document' ? (
                        <Field
                          id={id('file')}
                          label={`Archivo de la evidencia ${n}`}
                          hint="PDF, imagen, documento de Office u OpenDocument, o texto (CSV, TXT). Se carga al elegirlo."
                          errors={rowErr(i, 'fileId')}
                          required
                        >
                          {(a11y) => (
                            <>
                              <input {...a11y} type="file" onChange={(e) => upload(r, e.target.files?.[0])} />
                              <p className="upload-state" role="status" data-testid={`evidence-upload-${i}`}>
                                {r.uploading ? 'Cargando archivo…' : r.fileId ? `Archivo cargado: ${r.fileName ?? 'documento'}${r.fileSize !== null ? ` (${formatBytes(r.fileSize)})` : ''}` : ''}
                              </p>
                            </>
                          )}
                        </Field>
                      ) : (
                        <Field id={id('url')} label={`Dirección web de la evidencia ${n}`} hint="Completa, con http:// o https://" errors={rowErr(i, 'url')} required>
                          {(a11y) => <input {...a11y} type="url" inputMode="url" maxLength={2000} value={r.url} onChange={(e) => { setRow(r.key, { url: e.target.value }); clear(`evidence.${i}.url`); }} />}
                        </Field>
                      )}
                      {r.kind === 'dataset' ? (
                        <>
                          <Field id={id('format')} label={`Formato de la evidencia ${n}`} hint="Por ejemplo CSV, JSON, XLSX." errors={rowErr(i, 'format')}>
                            {(a11y) => <input {...a11y} type="text" maxLength={60} value={r.format} onChange={(e) => { setRow(r.key, { format: e.target.value }); clear(`evidence.${i}.format`); }} />}
                          </Field>
                          <Field id={id('licence')} label={`Licencia de la evidencia ${n}`} hint="Por ejemplo CC-BY-4.0." errors={rowErr(i, 'licence')}>
                            {(a11y) => <input {...a11y} type="text" maxLength={120} value={r.licence} onChange={(e) => { setRow(r.key, { licence: e.target.value }); clear(`evidence.${i}.licence`); }} />}
                          </Field>
                          <div className={`field field-checkbox${rowErr(i, 'highValue') ? ' field-invalid' : ''}`}>
                            <input id={id('high')} type="checkbox" checked={r.highValue} onChange={(e) => { setRow(r.key, { highValue: e.target.checked }); clear(`evidence.${i}.highValue`); }} />
                            <label htmlFor={id('high')}>Datos de alto valor (evidencia {n})</label>
                            {rowErr(i, 'highValue') ? <FieldErrorList id={id('high-error')} field={id('high-error')} messages={rowErr(i, 'highValue')!} /> : null}
                          </div>
                        </>
                      ) : null}
                    </div>
                    <button type="button" className="button button-secondary button-small" onClick={() => { setRows((rs) => rs.filter((x) => x.key !== r.key)); setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !f.startsWith('evidence.')))); }}>
                      Quitar evidencia {n}
                    </button>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <div className="form-actions">
            <button type="button" className="button button-secondary button-small" onClick={() => setRows((rs) => [...rs, emptyRow('url')])}>
              + Agregar liga
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setRows((rs) => [...rs, emptyRow('dataset')])}>
              + Agregar conjunto de datos
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setRows((rs) => [...rs, emptyRow('document')])}>
              + Agregar documento
            </button>
          </div>
        </fieldset>

        <FormActions busy={form.busy} label="Enviar reporte" busyLabel="Enviando…" disabled={rows.some((r) => r.uploading)} wide onCancel={onCancel} />
      </form>
    </section>
  );
}
