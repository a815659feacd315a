import { useState } from 'react';
import type { EmailMessage, EmailMessagePage } from '../api/types';
import { useResource } from '../api/use-resource';
import { formatDate, formatDateTime } from '../util/format';
import { EmptyState } from './feedback';
import { Loaded } from './loaded';
import { ScrollTable } from './scroll-table';

const KIND_LABELS: Record<EmailMessage['kind'], string> = { deadline_notice: 'Aviso de vencimientos', weekly_digest: 'Resumen semanal' };
const STATUS_LABELS: Record<EmailMessage['status'], string> = { pending: 'Pendiente de envío', sent: 'Enviado', failed: 'No se pudo enviar' };
const STATUS_TAGS: Record<EmailMessage['status'], string> = { pending: 'tag tag-warning', sent: 'tag tag-ok', failed: 'tag tag-danger' };

/**
 * The coordination's record of the emails the jobs sent (GET …/email-messages): to whom, what, when, and why one
 * did not go out. Each row opens the text that was sent.
 */
export function EmailLogPanel({ programCode }: { programCode: string }) {
  const [status, setStatus] = useState<'' | EmailMessage['status']>('');
  const log = useResource<EmailMessagePage>(`/programs/${encodeURIComponent(programCode)}/email-messages?limit=50${status ? `&status=${status}` : ''}`);
  return (
    <section aria-labelledby="email-log-title" className="panel" data-testid="email-log">
      <h2 id="email-log-title">Correos enviados</h2>
      <p className="lead">Avisos de actividades vencidas o por vencer (tras los procesos de cada noche) y resúmenes semanales, por persona.</p>
      <div className="field">
        <label htmlFor="email-status">Estado</label>
        <select id="email-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="">Todos</option>
          {(Object.keys(STATUS_LABELS) as EmailMessage['status'][]).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <Loaded resource={log} loadingLabel="Cargando correos…" notFound="No se encontró este programa.">
        {(page) =>
          page.total === 0 ? (
            <EmptyState title={status ? 'No hay correos en este estado.' : 'Aún no se ha enviado ningún correo.'}>
              {status ? null : <p>Los correos salen cuando el servidor tiene configurado SMTP_URL.</p>}
            </EmptyState>
          ) : (
            <>
              <p className="summary">{page.total === 1 ? '1 correo' : `${page.total} correos`}{page.items.length < page.total ? ` (los ${page.items.length} más recientes)` : ''}</p>
              <ScrollTable labelledBy="email-log-title" testId="email-log-table" columns={['Para', 'Tipo', 'Fecha', 'Asunto', 'Estado']}>
                {page.items.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.recipientEmail}</th>
                    <td data-label="Tipo">{KIND_LABELS[m.kind]}</td>
                    <td data-label="Fecha">{m.kind === 'weekly_digest' ? `Semana del ${formatDate(m.occasion)}` : formatDate(m.occasion)}</td>
                    <td data-label="Asunto">
                      <details>
                        <summary>{m.subject}</summary>
                        <pre className="email-body">{m.body}</pre>
                      </details>
                    </td>
                    <td data-label="Estado">
                      <span className={STATUS_TAGS[m.status]}>{STATUS_LABELS[m.status]}</span>
                      <span className="hint">
                        {' '}
                        {m.sentAt ? formatDateTime(m.sentAt) : m.lastError ? `${m.attempts} ${m.attempts === 1 ? 'intento' : 'intentos'}: ${m.lastError}` : ''}
                      </span>
                    </td>
                  </tr>
                ))}
              </ScrollTable>
            </>
          )
        }
      </Loaded>
    </section>
  );
}
