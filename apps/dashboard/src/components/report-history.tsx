import { useEffect, useRef } from 'react';
import type { ItemHistory, PlanItem, Report, ReviewState } from '../api/types';
import { useResource } from '../api/use-resource';
import { CommentThread } from './comment-thread';
import { formatDate, formatDateTime, formatNumber, formatPercent, metricLabel, REPORT_STATUS_LABELS, REVIEW_STATE_LABELS } from '../util/format';
import { EvidenceList } from './evidence-list';
import { EmptyState } from './feedback';
import { Loaded } from './loaded';
import { ScrollTable } from './scroll-table';

const REVIEW_TAG: Record<ReviewState, string> = { submitted: 'tag-info', accepted: 'tag-ok', returned: 'tag-warning' };

export function ReviewTag({ report }: { report: Pick<Report, 'reviewState'> }) {
  return (
    <span className={`tag ${REVIEW_TAG[report.reviewState]}`} data-review-state={report.reviewState}>
      {REVIEW_STATE_LABELS[report.reviewState]}
    </span>
  );
}

export function MetricsList({ metrics }: { metrics: Record<string, number> }) {
  const entries = Object.entries(metrics ?? {});
  if (!entries.length) return null;
  return (
    <ul className="plain-list">
      {entries.map(([k, v]) => (
        <li key={k}>
          {metricLabel(k)}: <strong>{formatNumber(v)}</strong>
        </li>
      ))}
    </ul>
  );
}

/** Every report of one plan item (all its units), newest first, with review state and reasons. */
export function ReportHistory({ path, programCode, stateCode, item, reloadKey, onClose }: { path: string; programCode: string; stateCode: string; item: PlanItem; reloadKey: number; onClose: () => void }) {
  const history = useResource<ItemHistory>(path);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { reload } = history;
  useEffect(() => {
    headingRef.current?.focus();
  }, [item.activityCode]);
  // A report sent or reviewed elsewhere on the page: read the history again.
  const firstKey = useRef(reloadKey);
  useEffect(() => {
    if (reloadKey !== firstKey.current) reload();
  }, [reloadKey, reload]);
  const reports = [...(history.data?.reports ?? [])].reverse();
  return (
    <section className="panel form-panel" aria-labelledby="history-title" data-testid="report-history">
      <h3 id="history-title" tabIndex={-1} ref={headingRef}>
        Historial de reportes: {item.activityCode} · {item.activityName}
      </h3>
      <Loaded resource={history} loadingLabel="Cargando el historial…">
        {() =>
          reports.length === 0 ? (
            <EmptyState title="Esta actividad aún no tiene reportes." />
          ) : (
            <ScrollTable labelledBy="history-title" testId="history-table" columns={['Fecha', item.level === 'institution' && 'Institución', 'Estado', 'Avance', 'Revisión', 'Detalle']}>
              {reports.map((r) => (
                <tr key={r.id} data-report-id={r.id} data-review-state={r.reviewState}>
                  <th scope="row">
                    <time dateTime={r.reportedOn}>{formatDate(r.reportedOn)}</time>
                    {r.current ? <span className="tag tag-ok tag-inline">Vigente</span> : null}
                  </th>
                  {item.level === 'institution' ? <td data-label="Institución">{r.institutionName ?? '—'}</td> : null}
                  <td data-label="Estado">{REPORT_STATUS_LABELS[r.status]}</td>
                  <td data-label="Avance">{formatPercent(r.percent)}</td>
                  <td data-label="Revisión">
                    <ReviewTag report={r} />
                    {r.reviewState === 'returned' && r.reviewReason ? <p className="reason">Motivo: {r.reviewReason}</p> : null}
                    {r.reviewedAt ? (
                      <p className="hint">
                        {r.reviewedBy?.name ? `${r.reviewedBy.name}, ` : ''}
                        {formatDateTime(r.reviewedAt)}
                      </p>
                    ) : null}
                  </td>
                  <td data-label="Detalle">
                    <p className="hint">
                      Enviado por {r.author.name}, {formatDateTime(r.createdAt)}
                    </p>
                    {r.narrative ? <p className="narrative">{r.narrative}</p> : null}
                    <MetricsList metrics={r.metrics} />
                    <EvidenceList evidence={r.evidence} />
                    <CommentThread programCode={programCode} subjectType="report" subjectId={r.id} stateCode={stateCode} label={`Reporte del ${formatDate(r.reportedOn)}`} />
                  </td>
                </tr>
              ))}
            </ScrollTable>
          )
        }
      </Loaded>
      <h4 className="small-heading">Sobre la actividad</h4>
      <CommentThread programCode={programCode} subjectType="plan_item" subjectId={item.id} stateCode={stateCode} label={`Actividad ${item.activityCode}`} />
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cerrar historial
        </button>
      </div>
    </section>
  );
}
