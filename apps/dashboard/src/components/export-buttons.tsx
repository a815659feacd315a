import { useState } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { saveDownload } from '../util/save-download';
import { describeLoadError } from './feedback';

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

const FORMAT_NAMES: Record<ExportFormat, string> = { xlsx: 'XLSX', csv: 'CSV', pdf: 'PDF' };

/**
 * "Descargar XLSX / CSV / PDF" for the table next to it: the API builds the file from the same figures the table
 * shows (`path` + `?format=…`, with the table's own query such as `asOf`). While the file is being made the
 * button waits and says so; a failure is said next to the buttons.
 */
export function ExportButtons({ path, query = {}, formats, what, testId }: { path: string; query?: Record<string, string | undefined>; formats: ExportFormat[]; what: string; testId: string }) {
  const { api } = useSession();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: ExportFormat) {
    setBusy(format);
    setError(null);
    const params = new URLSearchParams({ format });
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    try {
      saveDownload(await api.download(`${path}?${params}`), `${what}.${format}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.status === 400 ? e.errors.map((x) => x.message).join(' ') || e.message : describeLoadError(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="export-buttons" data-testid={testId}>
      {formats.map((f) => (
        <button key={f} type="button" className="button button-secondary button-small" onClick={() => download(f)} disabled={busy !== null} aria-label={`Descargar ${what} en ${FORMAT_NAMES[f]}`}>
          Descargar {FORMAT_NAMES[f]}
        </button>
      ))}
      <span role="status" className="hint">
        {busy ? `Generando ${FORMAT_NAMES[busy]}…` : ''}
      </span>
      {error ? (
        <span role="alert" className="field-errors">
          {error}
        </span>
      ) : null}
    </div>
  );
}
