import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import type { ReplanRequest, ReplanRequestPage } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { paths } from '../programs/programs';
import { Link } from '../router/router';
import { formatDate, formatDateTime, REPLAN_REQUEST_STATUS_LABELS } from '../util/format';
import { DecisionButtons, type DecisionWords } from './decision-buttons';
import { describeLoadError, EmptyState, ErrorNotice, LoadError, Loading, SuccessNotice } from './feedback';

interface Props {
  programCode: string;
  /** The list to show: the program's (`/programs/:p/replan-requests?…`) or one state's. */
  path: string;
  title: string;
  /** Shown under the title. */
  lead?: string;
  /** Only the coordination approves or rejects; everyone else reads. */
  canDecide: boolean;
  /** Name each request's state (a list of several states). */
  showState?: boolean;
  /** Render nothing while the list is empty (a state page without requests). */
  hideWhenEmpty?: boolean;
  emptyTitle?: string;
  /** Changing it reads the list again (e.g. after the officer asked for a new change). */
  reloadKey?: number;
  onDecided?: (request: ReplanRequest) => void;
  testId: string;
}

const TAG_CLASS: Record<ReplanRequest['status'], string> = { pending: 'tag-warning', approved: 'tag-ok', rejected: 'tag-danger' };

/**
 * Re-plan requests: a state officer's later due date waits here for the coordination (issue 9.4). Each shows the
 * dates it moves from and to, the original plan, the justification and, once decided, who decided and why. The
 * coordination approves (the plan changes at once) or rejects with a mandatory reason; a request someone else
 * decided meanwhile answers 409 and the list is read again.
 */
export function ReplanRequestsPanel({ programCode, path, title, lead, canDecide, showState = false, hideWhenEmpty = false, emptyTitle, reloadKey = 0, onDecided, testId }: Props) {
  const list = useResource<ReplanRequestPage>(path);
  const [done, setDone] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const { reload } = list;
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);

  const items = list.data?.items ?? [];
  if (hideWhenEmpty && !done && !conflict && (!list.data || items.length === 0)) return null;
  const headingId = `${testId}-title`;

  return (
    <section className="panel" aria-labelledby={headingId} data-testid={testId}>
      <h2 id={headingId}>{title}</h2>
      {lead ? <p className="lead">{lead}</p> : null}
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {conflict ? <ErrorNotice>{conflict}</ErrorNotice> : null}
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading label="Cargando las solicitudes de re-planificación…" />
      ) : items.length === 0 ? (
        <EmptyState title={emptyTitle ?? 'No hay solicitudes de re-planificación.'} />
      ) : (
        <ol className="queue" data-testid={`${testId}-list`}>
          {items.map((r) => (
            <RequestItem
              key={r.id}
              request={r}
              programCode={programCode}
              canDecide={canDecide}
              showState={showState}
              onDecided={(decided, message) => {
                setConflict(null);
                setDone(message);
                list.reload();
                onDecided?.(decided);
              }}
              onConflict={(message) => {
                setDone(null);
                setConflict(message);
                list.reload();
              }}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

const REPLAN_WORDS: DecisionWords = {
  accept: 'Aprobar',
  refuse: 'Rechazar…',
  acceptAria: 'Aprobar la re-planificación',
  refuseAria: 'Rechazar la re-planificación',
  reasonLabel: 'Motivo del rechazo',
  reasonHint: 'La entidad lo verá junto a su solicitud.',
  confirm: 'Confirmar rechazo',
  confirming: 'Rechazando…',
};

function RequestItem({
  request: r,
  programCode,
  canDecide,
  showState,
  onDecided,
  onConflict,
}: {
  request: ReplanRequest;
  programCode: string;
  canDecide: boolean;
  showState: boolean;
  onDecided: (request: ReplanRequest, message: string) => void;
  onConflict: (message: string) => void;
}) {
  const { api } = useSession();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonErrors, setReasonErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `replan-request-${r.id}-title`;
  const what = `${showState ? `${r.stateName} · ` : ''}${r.activityCode} ${r.activityName}`;
  const pending = r.status === 'pending';

  async function decide(decision: 'approve' | 'reject') {
    setError(null);
    if (decision === 'reject' && !reason.trim()) {
      setReasonErrors(['Escriba el motivo del rechazo: la entidad lo verá junto a su solicitud.']);
      return;
    }
    setReasonErrors([]);
    setBusy(true);
    try {
      const body = decision === 'approve' ? { decision } : { decision, reason: reason.trim() };
      const decided = await api.post<ReplanRequest>(`/programs/${encodeURIComponent(programCode)}/replan-requests/${encodeURIComponent(r.id)}/decision`, body);
      onDecided(
        decided,
        decision === 'approve'
          ? `Se aprobó la re-planificación de ${what}: nuevo término ${formatDate(decided.currentDue)}.`
          : `Se rechazó la re-planificación de ${what}. La entidad verá el motivo; su programa no cambia.`,
      );
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 409 && e.errors.some((x) => x.field === 'decision')) onConflict(`La solicitud de ${what} ya fue decidida por otra persona; la lista se actualizó.`);
      else if (e.status === 409) setError(e.message);
      else if (e.status === 404) onConflict(`La solicitud de ${what} ya no existe; la lista se actualizó.`);
      else if (e.status === 400 && e.errors.length) {
        setReasonErrors(e.fieldMessages('reason'));
        setError(e.errors.filter((x) => x.field !== 'reason').map((x) => x.message).join(' ') || null);
      } else if (e.status === 403) setError('Solo la coordinación nacional puede aprobar o rechazar re-planificaciones.');
      else setError(describeLoadError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="queue-item" data-request-id={r.id} data-status={r.status} data-state-code={r.stateCode} data-activity={r.activityCode}>
      <article aria-labelledby={titleId}>
        <h3 id={titleId} className="queue-title">
          {showState ? (
            <>
              <Link to={paths.state(programCode, r.stateCode)}>{r.stateName}</Link> ·{' '}
            </>
          ) : null}
          {r.activityCode} {r.activityName}{' '}
          <span className={`tag ${TAG_CLASS[r.status]} tag-inline`} data-testid="replan-request-status">
            {REPLAN_REQUEST_STATUS_LABELS[r.status]}
          </span>
        </h3>
        <dl className="facts">
          <div>
            <dt>Término</dt>
            <dd data-testid="replan-request-due">
              {formatDate(r.previousDue)} → {formatDate(r.requestedDue)}
            </dd>
          </div>
          {r.requestedStart !== null && r.requestedStart !== r.previousStart ? (
            <div>
              <dt>Inicio</dt>
              <dd>
                {formatDate(r.previousStart)} → {formatDate(r.requestedStart)}
              </dd>
            </div>
          ) : null}
          {r.requestedIncluded !== null ? (
            <div>
              <dt>Alcance</dt>
              <dd>{r.requestedIncluded ? 'Incluir en el programa estatal' : 'Excluir del programa estatal'}</dd>
            </div>
          ) : null}
          <div>
            <dt>Plan original</dt>
            <dd>
              {formatDate(r.originalStart)} – {formatDate(r.originalDue)}
            </dd>
          </div>
          <div>
            <dt>Solicitada</dt>
            <dd>
              {formatDateTime(r.requestedAt)} por {r.requestedBy.name}
            </dd>
          </div>
          {r.decidedAt && r.decidedBy ? (
            <div>
              <dt>{r.status === 'approved' ? 'Aprobada' : 'Rechazada'}</dt>
              <dd>
                {formatDateTime(r.decidedAt)} por {r.decidedBy.name}
              </dd>
            </div>
          ) : null}
        </dl>
        <p className="narrative">
          <span className="visually-hidden">Justificación: </span>
          {r.justification}
        </p>
        {r.decisionReason ? (
          <p className="narrative" data-testid="replan-request-reason">
            <strong>{r.status === 'rejected' ? 'Motivo del rechazo' : 'Nota de la coordinación'}:</strong> {r.decisionReason}
          </p>
        ) : null}
        {pending && !canDecide ? <p className="hint">Pendiente de aprobación de la coordinación: el programa estatal y sus cifras no cambian hasta entonces.</p> : null}
        {error ? <ErrorNotice>{error}</ErrorNotice> : null}
        {pending && canDecide ? (
          <DecisionButtons
            id={`replan-${r.id}`}
            what={what}
            words={REPLAN_WORDS}
            busy={busy}
            refusing={rejecting}
            setRefusing={(open) => {
              setRejecting(open);
              if (!open) setReasonErrors([]);
            }}
            reason={reason}
            setReason={setReason}
            reasonErrors={reasonErrors}
            onAccept={() => void decide('approve')}
            onRefuse={() => void decide('reject')}
          />
        ) : null}
      </article>
    </li>
  );
}
