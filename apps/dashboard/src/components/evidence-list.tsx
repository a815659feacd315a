import type { Evidence, EvidenceKind } from '../api/types';
import { FileDownload } from './file-download';

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
