import { useState, type FormEvent } from 'react';
import type { Comment, CommentSubject } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession, useUser } from '../auth/session';
import { formatDate, formatDateTime, ROLE_LABELS } from '../util/format';
import { describeLoadError, ErrorNotice } from './feedback';
import { Field } from './field';
import { FormActions } from './form-actions';
import { Loaded } from './loaded';
import { reviseMessage, useApiForm } from './use-api-form';

interface Props {
  programCode: string;
  subjectType: CommentSubject;
  subjectId: string;
  /** The subject's state: its officers write here, and answer its findings. */
  stateCode: string;
  /** A finding's due date: the state's answer after it is marked late. */
  dueOn?: string | null;
  /** What the thread is about, for its label (`Observación RR-2025-001/1`). */
  label: string;
}

/**
 * The conversation on a report, a plan item or a finding, oldest first, with its form: name someone with
 * @correo to notify them; on a finding, the state's officer may mark the message as the state's answer.
 */
export function CommentThread({ programCode, subjectType, subjectId, stateCode, dueOn = null, label }: Props) {
  const user = useUser();
  const path = `/programs/${encodeURIComponent(programCode)}/comments`;
  // Read when opened: a page may hold many threads (one per report), most never opened.
  const [open, setOpen] = useState(false);
  const thread = useResource<Comment[]>(open ? `${path}?subjectType=${subjectType}&subjectId=${subjectId}` : null);
  const canWrite = user.role === 'coordinator' || user.role === 'reviewer' || (user.role === 'state_officer' && user.stateCode === stateCode);
  const canAnswer = subjectType === 'finding' && user.role === 'state_officer' && user.stateCode === stateCode;
  const count = thread.data?.length;
  return (
    <details className="comment-thread" data-testid={`thread-${subjectId}`} onToggle={(e) => setOpen(e.currentTarget.open || open)}>
      <summary>Conversación{count === undefined ? '' : count === 0 ? ' (sin mensajes)' : ` (${count})`}</summary>
      {open ? <Loaded resource={thread} loadingLabel="Cargando la conversación…" notFound="No se encontró.">
        {(comments) => (
          <>
            {comments.length ? (
              <ol className="comments" aria-label={`Conversación: ${label}`}>
                {comments.map((c) => (
                  <li key={c.id} className={c.answer ? 'comment comment-answer' : 'comment'}>
                    <p className="comment-head">
                      <strong>{c.author.name}</strong> · {ROLE_LABELS[c.authorRole]} · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
                      {c.answer ? <span className={c.late ? 'tag tag-warning' : 'tag tag-ok'}>{c.late ? 'Respuesta de la entidad, fuera de plazo' : 'Respuesta de la entidad'}</span> : null}
                    </p>
                    <p className="comment-body">{c.body}</p>
                    {c.mentions.length ? <p className="hint">Menciona a: {c.mentions.map((m) => m.name).join(', ')}</p> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="hint">Aún no hay mensajes.</p>
            )}
            {canWrite ? <CommentForm path={path} subjectType={subjectType} subjectId={subjectId} canAnswer={canAnswer} dueOn={dueOn} onPosted={thread.reload} /> : null}
          </>
        )}
      </Loaded> : null}
    </details>
  );
}

function CommentForm({ path, subjectType, subjectId, canAnswer, dueOn, onPosted }: { path: string; subjectType: CommentSubject; subjectId: string; canAnswer: boolean; dueOn: string | null; onPosted: () => void }) {
  const { api } = useSession();
  const form = useApiForm(['body', 'answer']);
  const [body, setBody] = useState('');
  const [answer, setAnswer] = useState(false);
  const id = `comment-${subjectId}`;

  function submit(e: FormEvent) {
    e.preventDefault();
    void form.attempt(
      body.trim() ? {} : { body: ['Escriba el mensaje.'] },
      async () => {
        await api.post<Comment>(path, { subjectType, subjectId, body, ...(answer ? { answer: true } : {}) });
        setBody('');
        setAnswer(false);
        onPosted();
      },
      (err, unplaced) => (err.status === 400 ? reviseMessage(unplaced) : describeLoadError(err)),
    );
  }

  return (
    <form onSubmit={submit} noValidate className="comment-form">
      {form.formError ? <ErrorNotice>{form.formError}</ErrorNotice> : null}
      <Field id={`${id}-body`} label="Mensaje" hint="Para avisar a alguien, escriba @ y su correo (p. ej. @enlace@entidad.gob.mx)." errors={form.errors.body} required>
        {(a11y) => <textarea {...a11y} rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      {canAnswer ? (
        <div className="field field-checkbox">
          <input id={`${id}-answer`} type="checkbox" checked={answer} onChange={(e) => setAnswer(e.target.checked)} />
          <label htmlFor={`${id}-answer`}>
            Es la respuesta de la entidad a esta observación{dueOn ? ` (plazo: ${formatDate(dueOn)})` : ''}
          </label>
        </div>
      ) : null}
      <FormActions busy={form.busy} label="Enviar mensaje" busyLabel="Enviando…" />
    </form>
  );
}
