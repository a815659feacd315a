import { useState } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { saveDownload } from '../util/save-download';
import { describeLoadError } from './feedback';

interface Props {
  fileId: string;
  /** The button's text. */
  label: string;
  /** The stored file's name, shown after the button; also the name it is saved under when the API gives none. */
  fileName?: string | null;
  /** For assistive technology; default "Descargar <label> (<fileName>)". */
  ariaLabel?: string;
  /** The name to save under when the API gives none (default: fileName, else "evidencia"). */
  saveAs?: string;
  className?: string;
}

/** A stored file behind authentication (evidence, a manifiesto, a template), fetched with the session's token. */
export function FileDownload({ fileId, label, fileName = null, ariaLabel, saveAs, className = 'link-button' }: Props) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      saveDownload(await api.download(`/files/${encodeURIComponent(fileId)}`), saveAs ?? fileName ?? 'evidencia');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.status === 403 ? 'No tiene acceso a este archivo.' : describeLoadError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={download} disabled={busy} aria-label={ariaLabel ?? `Descargar ${label}${fileName ? ` (${fileName})` : ''}`}>
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
