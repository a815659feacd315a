import { useState } from 'react';
import { ApiError } from '../api/client';
import type { CommentSubject, MentionPage } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { formatDateTime } from '../util/format';
import { describeLoadError, ErrorNotice } from './feedback';

const WHERE: Record<CommentSubject, string> = { report: 'en un reporte', plan_item: 'sobre una actividad', finding: 'en una observación' };

/** The signed-in user's unread @mentions, with "Marcar como leídas"; nothing while there are none. */
export function MentionsPanel({ stateName }: { stateName: (code: string) => string }) {
  const { api } = useSession();
  const mentions = useResource<MentionPage>('/me/mentions?unread=true&limit=20');
  const [error, setError] = useState<string | null>(null);
  const page = mentions.data;
  if (!page || page.unread === 0) return null;

  async function markRead() {
    setError(null);
    try {
      await api.post('/me/mentions/read', {});
      mentions.reload();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(describeLoadError(e));
    }
  }

  return (
    <section aria-labelledby="mentions-title" className="panel" data-testid="mentions">
      <h2 id="mentions-title">{page.unread === 1 ? 'Lo mencionaron en 1 mensaje' : `Lo mencionaron en ${page.unread} mensajes`}</h2>
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      <ul className="comments">
        {page.items.map((m) => (
          <li key={m.id} className="comment">
            <p className="comment-head">
              <strong>{m.author.name}</strong> {WHERE[m.subjectType]} de {stateName(m.stateCode)} · <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
            </p>
            <p className="comment-body">{m.body}</p>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-secondary button-small" onClick={markRead}>
        Marcar como leídas
      </button>
    </section>
  );
}
