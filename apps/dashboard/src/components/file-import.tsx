import { useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { ImportResult } from '../api/types';
import { useSession } from '../auth/session';
import { describeLoadError, SuccessNotice } from './feedback';
import { ScrollTable } from './scroll-table';

/** What one import calls its rows and their outcomes (institutions and reports say it differently). */
export interface ImportWords {
  /** `<summary>` of the box. */
  title: string;
  /** What the file holds and how it is read. */
  hint: string;
  fileLabel: string;
  /** Header of the column that names each row's record. */
  recordColumn: string;
  actions: { create: string; update: string; unchanged: string };
  /** es-MX names of the fields an update may change. */
  fields?: Record<string, string>;
  /** The sentence after a confirmed import. */
  done: (r: ImportResult) => string;
  /** The confirm button's object: `n` changes (`1 cambio`, `3 cambios`). */
  changes: (n: number) => string;
  /** The counts of a dry run. */
  counts: (r: ImportResult) => string;
}

/**
 * Records from a CSV or XLSX (the export's columns): first a dry run, which lists what each row would do or every
 * error by line and column; only then "Importar", which writes it all at once (or nothing).
 */
export function FileImport({ path, words, testId, onImported }: { path: string; words: ImportWords; testId: string; onImported: () => void }) {
  const { api } = useSession();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function send(dryRun: boolean): Promise<ImportResult | null> {
    if (!file) return null;
    const form = new FormData();
    form.append('file', file);
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      return await api.upload<ImportResult>(`${path}?dryRun=${dryRun}`, form);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.status === 400 || e.status === 413 ? e.errors.map((x) => x.message).join(' ') || e.message : describeLoadError(e));
      return null;
    } finally {
      setBusy(null);
    }
  }

  async function check() {
    setDone(null);
    setPreview(await send(true));
  }

  async function confirm() {
    const result = await send(false);
    if (!result) return;
    setPreview(null);
    setFile(null);
    if (input.current) input.current.value = '';
    setDone(result.alreadyImported ? 'Este archivo ya se había importado: no se cambió nada.' : words.done(result));
    onImported();
  }

  const changes = preview ? preview.created + preview.updated : 0;
  return (
    <details className="import-box" data-testid={testId}>
      <summary>{words.title}</summary>
      <p className="hint">{words.hint} Primero se revisa el archivo; no se guarda nada hasta que confirme.</p>
      <div className="export-buttons">
        <label htmlFor={`${testId}-file`} className="visually-hidden">
          {words.fileLabel}
        </label>
        <input id={`${testId}-file`} ref={input} type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setError(null); }} />
        <button type="button" className="button button-secondary button-small" onClick={check} disabled={!file || busy !== null}>
          Revisar archivo
        </button>
        <span role="status" className="hint">
          {busy === 'check' ? 'Revisando el archivo…' : busy === 'import' ? 'Importando…' : ''}
        </span>
      </div>
      {error ? <p role="alert" className="field-errors">{error}</p> : null}
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {preview ? (
        preview.errors.length ? (
          <div data-testid="import-errors">
            <p role="alert" className="notice notice-warning">
              El archivo tiene {preview.errors.length === 1 ? '1 error' : `${preview.errors.length} errores`}; corríjalo y revíselo de nuevo. No se importó nada.
            </p>
            <ScrollTable label="Errores del archivo" testId="import-errors-table" columns={['Línea', 'Columna', 'Problema']}>
              {preview.errors.map((e, i) => (
                <tr key={i}>
                  <th scope="row">{e.line}</th>
                  <td data-label="Columna">{e.column ?? '—'}</td>
                  <td data-label="Problema">{e.message}</td>
                </tr>
              ))}
            </ScrollTable>
          </div>
        ) : (
          <div data-testid="import-preview">
            <p className="summary">
              {preview.rowCount} filas: {words.counts(preview)}.
              {preview.alreadyImported ? ' Este archivo ya se importó antes.' : ''}
            </p>
            <ScrollTable label="Lo que hará la importación" testId="import-preview-table" columns={['Línea', words.recordColumn, 'Resultado']}>
              {preview.rows.map((r) => (
                <tr key={r.line}>
                  <th scope="row">{r.line}</th>
                  <td data-label={words.recordColumn}>{r.label}</td>
                  <td data-label="Resultado">
                    {words.actions[r.action]}
                    {r.changes.length ? `: ${r.changes.map((c) => words.fields?.[c] ?? c).join(', ')}` : ''}
                  </td>
                </tr>
              ))}
            </ScrollTable>
            <button type="button" className="button" onClick={confirm} disabled={busy !== null || (changes === 0 && !preview.alreadyImported)}>
              {changes === 0 ? 'No hay cambios que importar' : `Importar ${words.changes(changes)}`}
            </button>
          </div>
        )
      ) : null}
    </details>
  );
}
