import type { ItemProgress, PlanItem, ReplanRequest } from '../api/types';
import { formatDate, formatPercent, formatPoints } from '../util/format';
import { ProgressCell, StatusTag } from './progress-bits';
import { ACTIONS_COLUMN, ScrollTable } from './scroll-table';

interface Props {
  items: PlanItem[];
  /** Figures per activity code from the state progress API (absent while loading). */
  progress?: Map<string, ItemProgress>;
  /** Re-plan requests waiting for the coordination, per activity code. */
  pending?: Map<string, ReplanRequest>;
  canEdit: boolean;
  /** May send progress reports (the state's own officer, the coordination). */
  canReport?: boolean;
  selected: string | null;
  onReplan: (activityCode: string) => void;
  onReport?: (activityCode: string) => void;
  onHistory?: (activityCode: string) => void;
}

/**
 * The plan items: the same data as the timeline, as a table, with each item's progress, expected progress,
 * variance, traffic light and lateness, and the entries to reporting, report history and re-planning. A re-planned
 * item shows its original dates against the current ones, and its expected progress and variance against the
 * original plan (the API's baseline figures) under the current ones; a change waiting for the coordination says so.
 */
export function PlanTable({ items, progress, pending, canEdit, canReport = false, selected, onReplan, onReport, onHistory }: Props) {
  const withActions = canEdit || canReport || Boolean(onHistory);
  return (
    <ScrollTable
      labelledBy="plan-items-title"
      className="data-table plan-table stack-on-phone"
      testId="plan-table"
      columns={['Clave', 'Actividad', 'Fase', 'Periodo', 'Situación', 'Avance', 'Esperado', 'Desviación', 'Semáforo', 'Atraso', withActions && ACTIONS_COLUMN]}
    >
      {items.map((it) => {
        const p = progress?.get(it.activityCode);
        const request = pending?.get(it.activityCode);
        const label = `${it.activityCode} ${it.activityName}`;
        const datesMoved = it.plannedStart !== it.originalStart || it.plannedDue !== it.originalDue;
        // The baseline differs from the current figure only when the dates moved; say it only then.
        const baselineDiffers = p !== undefined && (p.expectedBaseline !== p.expected || p.varianceBaseline !== p.variance);
        return (
          <tr key={it.activityCode} data-activity={it.activityCode} className={`${it.included ? '' : 'row-excluded'}${selected === it.activityCode ? ' row-selected' : ''}`}>
            <th scope="row">{it.activityCode}</th>
            <td data-label="Actividad" className="cell-title">
              {it.activityName}
              {it.level === 'institution' ? <span className="tag tag-muted tag-inline">Por institución</span> : null}
              {it.optional ? <span className="tag tag-muted tag-inline">Opcional</span> : null}
            </td>
            <td data-label="Fase">{it.phase}</td>
            <td data-label="Periodo" className="cell-period">
              <span className="nowrap">
                <span className="visually-hidden">Inicio: </span>
                <time dateTime={it.plannedStart} data-col="plannedStart">
                  {formatDate(it.plannedStart)}
                </time>
                <span aria-hidden="true"> –</span>
              </span>{' '}
              <span className="nowrap">
                <span className="visually-hidden">Término: </span>
                <time dateTime={it.plannedDue} data-col="plannedDue">
                  {formatDate(it.plannedDue)}
                </time>
              </span>
            </td>
            <td data-label="Situación">
              {it.included ? <span className="tag tag-ok">Incluida</span> : <span className="tag tag-muted">Excluida</span>}
              {it.replanned ? (
                <span className="replanned-note">
                  <span className="tag tag-info">Re-planificada</span>
                  {datesMoved ? (
                    <span className="original-dates" data-col="original-vs-current">
                      Plan original: <DateRange start={it.originalStart} due={it.originalDue} /> → Actual: <DateRange start={it.plannedStart} due={it.plannedDue} />
                    </span>
                  ) : null}
                </span>
              ) : null}
              {request ? (
                <span className="replanned-note" data-col="pending-request">
                  <span className="tag tag-warning">Pendiente de aprobación</span>
                  <span className="original-dates">Término solicitado: {formatDate(request.requestedDue)}</span>
                </span>
              ) : null}
            </td>
            <td data-col="progress" data-label="Avance">
              {p && it.included ? <ProgressCell progress={p.progress} expected={p.expected} status={p.status} /> : '—'}
              {p?.noInstitutions && it.included ? <span className="hint"> Sin instituciones activas</span> : null}
            </td>
            <td data-col="expected" data-label="Esperado">
              {p && it.included ? formatPercent(p.expected) : '—'}
              {p && it.included && baselineDiffers ? (
                <span className="baseline-figure" data-col="expectedBaseline">
                  Plan original: <span className="nowrap">{formatPercent(p.expectedBaseline)}</span>
                </span>
              ) : null}
            </td>
            <td data-col="variance" data-label="Desviación">
              {p && it.included ? <span className="nowrap">{formatPoints(p.variance)}</span> : '—'}
              {p && it.included && baselineDiffers ? (
                <span className="baseline-figure" data-col="varianceBaseline">
                  Plan original: <span className="nowrap">{formatPoints(p.varianceBaseline)}</span>
                </span>
              ) : null}
            </td>
            <td data-col="status" data-label="Semáforo">
              {p && it.included ? <StatusTag status={p.status} /> : '—'}
            </td>
            <td data-col="late" data-label="Atraso">
              {p && it.included && p.overdue ? (
                <>
                  <span className="tag tag-danger">Vencida</span>{' '}
                  <span className="nowrap">
                    {p.daysLate ?? 0} {p.daysLate === 1 ? 'día' : 'días'}
                  </span>
                </>
              ) : p && it.included ? (
                <span className="nowrap">En plazo</span>
              ) : (
                '—'
              )}
            </td>
            {withActions ? (
              <td className="cell-action">
                <div className="row-actions">
                  {canReport && it.included && onReport ? (
                    <button type="button" className="button button-small" onClick={() => onReport(it.activityCode)} aria-label={`Reportar avance de ${label}`}>
                      Reportar
                    </button>
                  ) : null}
                  {onHistory ? (
                    <button type="button" className="button button-secondary button-small" onClick={() => onHistory(it.activityCode)} aria-label={`Historial de reportes de ${label}`}>
                      Historial
                    </button>
                  ) : null}
                  {canEdit ? (
                    <button type="button" className="button button-secondary button-small" onClick={() => onReplan(it.activityCode)} aria-label={`Re-planificar ${label}`}>
                      Re-planificar
                    </button>
                  ) : null}
                </div>
              </td>
            ) : null}
          </tr>
        );
      })}
    </ScrollTable>
  );
}

/** `1 mar 2025 – 31 mar 2025`, breaking only between the two dates. */
function DateRange({ start, due }: { start: string; due: string }) {
  return (
    <>
      <span className="nowrap">{formatDate(start)}</span> – <span className="nowrap">{formatDate(due)}</span>
    </>
  );
}
