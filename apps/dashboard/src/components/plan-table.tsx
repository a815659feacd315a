import type { PlanItem } from '../api/types';
import { formatDate } from '../util/format';

export function phaseNumber(item: PlanItem): number {
  return typeof item.phase === 'object' && item.phase !== null ? item.phase.number : Number(item.phase);
}

const LEVEL_LABELS = { state: 'Estatal', institution: 'Por institución' } as const;

interface Props {
  items: PlanItem[];
  canEdit: boolean;
  selected: string | null;
  onReplan: (activityCode: string) => void;
}

/** The plan items: the same data as the timeline, as a table, with the entry to re-planning. */
export function PlanTable({ items, canEdit, selected, onReplan }: Props) {
  return (
    <div className="table-scroll" role="region" aria-labelledby="plan-items-title" tabIndex={0}>
      <table className="data-table plan-table stack-on-phone" data-testid="plan-table">
        <thead>
          <tr>
            <th scope="col">Clave</th>
            <th scope="col">Actividad</th>
            <th scope="col">Fase</th>
            <th scope="col">Nivel</th>
            <th scope="col">Inicio</th>
            <th scope="col">Término</th>
            <th scope="col">Situación</th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">Acciones</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((it) => (
            <tr key={it.activityCode} data-activity={it.activityCode} className={`${it.included ? '' : 'row-excluded'}${selected === it.activityCode ? ' row-selected' : ''}`}>
              <th scope="row">{it.activityCode}</th>
              <td data-label="Actividad" className="cell-title">
                {it.activityName}
                {it.optional ? <span className="tag tag-muted tag-inline">Opcional</span> : null}
              </td>
              <td data-label="Fase">{phaseNumber(it)}</td>
              <td data-label="Nivel">{LEVEL_LABELS[it.level] ?? it.level}</td>
              <td data-col="plannedStart" data-label="Inicio">
                <time dateTime={it.plannedStart}>{formatDate(it.plannedStart)}</time>
              </td>
              <td data-col="plannedDue" data-label="Término">
                <time dateTime={it.plannedDue}>{formatDate(it.plannedDue)}</time>
              </td>
              <td data-label="Situación">
                {it.included ? <span className="tag tag-ok">Incluida</span> : <span className="tag tag-muted">Excluida</span>}
                {it.replanned ? (
                  <span className="replanned-note">
                    <span className="tag tag-info">Re-planificada</span>
                    <span className="original-dates">
                      Original: {formatDate(it.originalStart)} – {formatDate(it.originalDue)}
                    </span>
                  </span>
                ) : null}
              </td>
              {canEdit ? (
                <td className="cell-action">
                  <button type="button" className="button button-secondary button-small" onClick={() => onReplan(it.activityCode)} aria-label={`Re-planificar ${it.activityCode} ${it.activityName}`}>
                    Re-planificar
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
