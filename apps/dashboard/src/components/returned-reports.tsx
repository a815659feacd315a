import type { Report } from '../api/types';
import type { Resource } from '../api/use-resource';
import { formatDate, formatDateTime, formatPercent, REPORT_STATUS_LABELS } from '../util/format';
import { LoadError } from './feedback';

/**
 * Reports the coordination returned and the state has not answered yet, with their reasons: the first thing a
 * state officer sees. Each can be answered with a new report (the API drops it from this list once a newer
 * report on the same unit exists). Nothing is shown when there are none.
 */
export function ReturnedReports({ returned, canAnswer, onAnswer }: { returned: Resource<{ total: number; items: Report[] }>; canAnswer: boolean; onAnswer: (r: Report) => void }) {
  if (returned.error) {
    return (
      <section className="panel" aria-labelledby="returned-title">
        <h2 id="returned-title">Reportes devueltos</h2>
        <LoadError error={returned.error} onRetry={returned.reload} />
      </section>
    );
  }
  const items = returned.data?.items ?? [];
  if (!items.length) return null;
  const total = returned.data?.total ?? items.length;
  return (
    <section className="panel panel-attention" aria-labelledby="returned-title" data-testid="returned-reports">
      <h2 id="returned-title">
        Reportes devueltos por la coordinación <span className="count">({total})</span>
      </h2>
      <p className="summary">{canAnswer ? 'Atiéndalos primero: corrija lo indicado y envíe un reporte nuevo.' : 'La entidad aún no los responde.'}</p>
      <ul className="card-list">
        {items.map((r) => (
          <li key={r.id} className="card" data-report-id={r.id} data-activity={r.activityCode}>
            <h3 className="card-title">
              {r.activityCode} · {r.activityName}
              {r.institutionName ? <span className="card-sub"> · {r.institutionName}</span> : null}
            </h3>
            <p className="reason" data-testid="return-reason">
              <strong>Motivo:</strong> {r.reviewReason ?? '—'}
            </p>
            <p className="hint">
              Reporte del {formatDate(r.reportedOn)} ({REPORT_STATUS_LABELS[r.status]}, {formatPercent(r.percent)}) · devuelto
              {r.reviewedBy?.name ? ` por ${r.reviewedBy.name}` : ''} el {formatDateTime(r.reviewedAt)}
            </p>
            {canAnswer ? (
              <button type="button" className="button button-small" onClick={() => onAnswer(r)} aria-label={`Responder con un nuevo reporte: ${r.activityCode} ${r.activityName}`}>
                Responder con un nuevo reporte
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
