import { useRef, useState } from 'react';
import { ApiError } from '../api/client';
import type { QueuedReport, Report, ReviewQueue } from '../api/types';
import { useResource } from '../api/use-resource';
import { useSession } from '../auth/session';
import { DecisionButtons, type DecisionWords } from '../components/decision-buttons';
import { EvidenceList } from '../components/evidence-list';
import { describeLoadError, EmptyState, ErrorNotice, SuccessNotice } from '../components/feedback';
import { Loaded } from '../components/loaded';
import { ReplanRequestsPanel } from '../components/replan-requests-panel';
import { MetricsList } from '../components/report-history';
import { paths } from '../programs/programs';
import { Link } from '../router/router';
import { formatDate, formatDateTime, formatPercent, REPORT_STATUS_LABELS } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';

const PAGE_SIZE = 100;

const REVIEW_WORDS: DecisionWords = {
  accept: 'Aceptar',
  refuse: 'Devolver…',
  acceptAria: 'Aceptar el reporte',
  refuseAria: 'Devolver el reporte',
  reasonLabel: 'Motivo de la devolución',
  reasonHint: 'La entidad lo verá junto al reporte devuelto.',
  confirm: 'Confirmar devolución',
  confirming: 'Devolviendo…',
};

/**
 * The coordination's review queue: re-plan requests waiting for its approval (when there are any), then pending
 * reports of every state, oldest first, with everything needed to
 * decide (narrative, metrics, evidence links and files). The coordination accepts, or returns with a
 * mandatory reason; reviewers and administrators read the same queue without the buttons. A report someone
 * else reviewed meanwhile answers 409: the page says so and reads the queue again.
 */
export function ReviewQueuePage({ params, user }: PageProps) {
  const { programCode } = params;
  const queue = useResource<ReviewQueue>(`/programs/${encodeURIComponent(programCode)}/review-queue?limit=${PAGE_SIZE}`);
  const [done, setDone] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const canReview = user.role === 'coordinator';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle('Revisión de reportes');

  const items = queue.data?.items ?? [];
  const total = queue.data?.total ?? 0;

  const afterDecision = (message: string) => {
    setConflict(null);
    setDone(message);
    queue.reload();
    headingRef.current?.focus();
  };

  return (
    <>
      <div className="page-heading">
        <h1 ref={headingRef} tabIndex={-1}>
          Revisión de reportes
        </h1>
        <p className="lead">Reportes de avance enviados por las entidades y pendientes de revisión, del más antiguo al más reciente.</p>
      </div>
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {conflict ? <ErrorNotice>{conflict}</ErrorNotice> : null}
      {!canReview ? <p className="notice notice-info">Solo la coordinación nacional puede aceptar o devolver reportes; usted puede consultarlos.</p> : null}
      <ReplanRequestsPanel
        programCode={programCode}
        path={`/programs/${encodeURIComponent(programCode)}/replan-requests?status=pending&limit=100`}
        title="Re-planificaciones pendientes de aprobación"
        lead="Las entidades pidieron ampliar estos plazos. Al aprobar, el programa estatal cambia y con él el avance esperado; al rechazar, la entidad ve el motivo y su programa no cambia."
        canDecide={canReview}
        showState
        hideWhenEmpty
        testId="pending-replans"
      />
      <Loaded resource={queue} loadingLabel="Cargando la cola de revisión…" notFound="No se encontró este programa.">
        {() =>
          items.length === 0 ? (
            <EmptyState title="No hay reportes pendientes de revisión." />
          ) : (
            <>
              <p className="summary" data-testid="queue-summary">
                {total === 1 ? '1 reporte pendiente' : `${total} reportes pendientes`}
                {total > items.length ? ` (se muestran los ${items.length} más antiguos)` : ''}.
              </p>
              <ol className="queue" data-testid="review-queue">
                {items.map((r) => (
                  <QueueItem
                    key={r.id}
                    report={r}
                    programCode={programCode}
                    canReview={canReview}
                    onDecided={afterDecision}
                    onConflict={(message) => {
                      setDone(null);
                      setConflict(message);
                      queue.reload();
                    }}
                  />
                ))}
              </ol>
            </>
          )
        }
      </Loaded>
    </>
  );
}

function QueueItem({
  report: r,
  programCode,
  canReview,
  onDecided,
  onConflict,
}: {
  report: QueuedReport;
  programCode: string;
  canReview: boolean;
  onDecided: (message: string) => void;
  onConflict: (message: string) => void;
}) {
  const { api } = useSession();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonErrors, setReasonErrors] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = `queue-${r.id}-title`;
  const what = `${r.stateName} · ${r.activityCode}${r.institutionName ? ` · ${r.institutionName}` : ''}`;

  async function decide(decision: 'accept' | 'return') {
    setError(null);
    if (decision === 'return' && !reason.trim()) {
      setReasonErrors(['Escriba el motivo: la entidad lo verá para corregir su reporte.']);
      return;
    }
    setReasonErrors([]);
    setBusy(true);
    try {
      const body = decision === 'accept' ? { decision } : { decision, reason: reason.trim() };
      await api.post<Report>(`/reports/${encodeURIComponent(r.id)}/review`, body);
      onDecided(decision === 'accept' ? `Se aceptó el reporte de ${what}.` : `Se devolvió el reporte de ${what}. La entidad verá el motivo en su página.`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 409) onConflict(`El reporte de ${what} ya fue revisado por otra persona; la lista se actualizó.`);
      else if (e.status === 404) onConflict(`El reporte de ${what} ya no existe; la lista se actualizó.`);
      else if (e.status === 400 && e.errors.length) {
        setReasonErrors(e.fieldMessages('reason'));
        setError(e.errors.filter((x) => x.field !== 'reason').map((x) => x.message).join(' ') || 'Revise el motivo.');
      } else if (e.status === 403) setError('Solo la coordinación nacional puede revisar reportes.');
      else setError(describeLoadError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="queue-item" data-report-id={r.id} data-state-code={r.stateCode} data-activity={r.activityCode}>
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="queue-title">
          <Link to={paths.state(programCode, r.stateCode)}>{r.stateName}</Link> · {r.activityCode} {r.activityName}
        </h2>
        <dl className="facts">
          {r.institutionName ? (
            <div>
              <dt>Institución</dt>
              <dd>{r.institutionName}</dd>
            </div>
          ) : null}
          <div>
            <dt>Estado</dt>
            <dd data-testid="queue-status">
              {REPORT_STATUS_LABELS[r.status]}, {formatPercent(r.percent)}
            </dd>
          </div>
          <div>
            <dt>Fecha del reporte</dt>
            <dd>{formatDate(r.reportedOn)}</dd>
          </div>
          <div>
            <dt>Enviado</dt>
            <dd>
              {formatDateTime(r.createdAt)} por {r.author.name}
            </dd>
          </div>
        </dl>
        {r.narrative ? <p className="narrative">{r.narrative}</p> : <p className="hint">Sin descripción.</p>}
        <MetricsList metrics={r.metrics} />
        <h3 className="small-heading">Evidencia</h3>
        <EvidenceList evidence={r.evidence} />
        {error ? <ErrorNotice>{error}</ErrorNotice> : null}
        {canReview ? (
          <DecisionButtons
            id={r.id}
            what={what}
            words={REVIEW_WORDS}
            busy={busy}
            refusing={returning}
            setRefusing={(open) => {
              setReturning(open);
              if (!open) setReasonErrors([]);
            }}
            reason={reason}
            setReason={setReason}
            reasonErrors={reasonErrors}
            onAccept={() => void decide('accept')}
            onRefuse={() => void decide('return')}
          />
        ) : null}
      </article>
    </li>
  );
}
