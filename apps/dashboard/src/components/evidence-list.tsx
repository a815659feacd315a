import { useState } from 'react';
import { ApiError } from '../api/client';
import type { Evidence, EvidenceKind } from '../api/types';
import { useSession } from '../auth/session';
import { describeLoadError } from './feedback';
import { saveDownload } from '../util/save-download';

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  url: 'Liga',
  dataset: 'Conjunto de datos',
  document: 'Documento',
};

/**
 * A report's evidence: links and datasets open in a new tab; documents are stored files behind sign-in, so
 * they are fetched with the session's token and handed to the browser as a download.
 */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return <p className="hint">Sin evidencia.</p>;
  return (
    <ul className="evidence-list" data-testid="evidence-list">
      {evidence.map((e, i) => (
        <li key={i} data-kind={e.kind}>
          <span className="tag tag-muted">{EVIDENCE_KIND_LABELS[e.kind] ?? e.kind}</span>{' '}
          {e.kind === 'document' && e.fileId ? (
            <FileDownload fileId={e.fileId} label={e.title} fileName={e.fileName} />
          ) : e.url ? (
            <a href={e.url} target="_blank" rel="noopener noreferrer">
              {e.title}
              <span className="visually-hidden"> (se abre en otra pestaña)</span>
            </a>
          ) : (
            e.title
          )}
          {e.highValue ? <span className="tag tag-info tag-inline">Alto valor</span> : null}
          {e.format || e.licence ? <span className="evidence-meta"> {[e.format, e.licence].filter(Boolean).join(' · ')}</span> : null}
          {e.url && e.kind !== 'document' ? <span className="evidence-url">{e.url}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function FileDownload({ fileId, label, fileName }: { fileId: string; label: string; fileName: string | null }) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      saveDownload(await api.download(`/files/${encodeURIComponent(fileId)}`), fileName ?? 'evidencia');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.status === 403 ? 'No tiene acceso a este archivo.' : describeLoadError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="link-button" onClick={download} disabled={busy} aria-label={`Descargar ${label}${fileName ? ` (${fileName})` : ''}`}>
        {label}
      </button>
      {fileName ? <span className="evidence-meta"> {fileName}</span> : null}
      {busy ? <span className="hint"> Descargando…</span> : null}
      {error ? (
        <span className="field-errors" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </>
  );
}
