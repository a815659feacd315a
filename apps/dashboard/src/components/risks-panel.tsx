import type { ItemRisk, RiskBand, RiskRanking, StateRisk } from '../api/types';
import { useResource } from '../api/use-resource';
import { paths } from '../programs/programs';
import { Link } from '../router/router';
import { formatDate, formatPercent } from '../util/format';
import { useAsOf, withAsOf } from './as-of-picker';
import { EmptyState } from './feedback';
import { Loaded } from './loaded';
import { ScrollTable } from './scroll-table';

const BAND_LABELS: Record<RiskBand, string> = {
  overdue: 'Vencida',
  projected_late: 'Terminaría tarde',
  tight: 'Holgura corta',
  comfortable: 'Con holgura',
};

const BAND_TAGS: Record<RiskBand, string> = {
  overdue: 'tag tag-danger',
  projected_late: 'tag tag-danger',
  tight: 'tag tag-warning',
  comfortable: 'tag tag-ok',
};

const BAND_SYMBOLS: Record<RiskBand, string> = { overdue: '✖', projected_late: '▼', tight: '▲', comfortable: '●' };

interface Props {
  programCode: string;
  /** One state's risks (its page), or every state's (the national view). */
  stateCode?: string;
  /** How many items to list. */
  limit?: number;
  canOpen: (stateCode: string) => boolean;
}

/**
 * Early warning (docs/early-warning.md): the riskiest open items, and in the national view the states, each with
 * the reasons the API gives for its rank. Everything shown is the API's; nothing is recomputed here.
 */
export function RisksPanel({ programCode, stateCode, limit = 10, canOpen }: Props) {
  const asOf = useAsOf();
  const query = `/programs/${encodeURIComponent(programCode)}/risks?limit=${limit}${stateCode ? `&stateCode=${stateCode}` : ''}`;
  const risks = useResource<RiskRanking>(withAsOf(query, asOf));
  const national = !stateCode;
  return (
    <section aria-labelledby="risks-title" className="panel" data-testid="risks-panel">
      <h2 id="risks-title">{national ? 'Alerta temprana: principales riesgos' : 'Alerta temprana: actividades en riesgo'}</h2>
      <p className="lead">
        Ordenadas por la holgura que les queda al ritmo observado de la entidad y por su historial (reportes devueltos, rondas tardías).{' '}
        Cada fila dice por qué.
      </p>
      <Loaded resource={risks} loadingLabel="Calculando riesgos…" notFound="No se encontró este programa.">
        {(r) =>
          r.totalItems === 0 ? (
            <EmptyState title="No hay actividades abiertas en riesgo a esta fecha." />
          ) : (
            <>
              {national ? <StateRisks programCode={programCode} states={r.states} canOpen={canOpen} /> : null}
              <ItemRisks items={r.items} total={r.totalItems} national={national} programCode={programCode} canOpen={canOpen} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function StateRisks({ programCode, states, canOpen }: { programCode: string; states: StateRisk[]; canOpen: (code: string) => boolean }) {
  return (
    <>
      <h3 id="risk-states-title">Entidades</h3>
      <ScrollTable labelledBy="risk-states-title" testId="risk-states" columns={['Lugar', 'Entidad federativa', 'Puntos de riesgo', 'Abiertas', 'Terminarían tarde', 'Ritmo observado', 'Historial']}>
        {states.map((s) => (
          <tr key={s.stateCode} data-state-code={s.stateCode}>
            <td data-label="Lugar">{s.rank}</td>
            <th scope="row">{canOpen(s.stateCode) ? <Link to={paths.state(programCode, s.stateCode)}>{s.stateName}</Link> : s.stateName}</th>
            <td data-label="Puntos de riesgo">{s.score === null ? 'Sin actividades abiertas' : formatScore(s.score)}</td>
            <td data-label="Abiertas">{s.openItems}</td>
            <td data-label="Terminarían tarde">{s.projectedLate}</td>
            <td data-label="Ritmo observado">{s.paceSample === 0 ? 'Sin historial (se supone el previsto)' : `${s.pace.toFixed(2)} × el previsto`}</td>
            <td data-label="Historial">{historyText(s)}</td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}

/** One decimal, with a true minus sign. */
function formatScore(n: number): string {
  return n.toFixed(1).replace('-', '−');
}

function historyText(s: StateRisk): string {
  const parts = [
    s.returnedReports ? `${s.returnedReports} ${s.returnedReports === 1 ? 'reporte devuelto' : 'reportes devueltos'}` : null,
    s.lateRounds ? `${s.lateRounds} ${s.lateRounds === 1 ? 'ronda tardía' : 'rondas tardías'}` : null,
    s.missedRounds ? `${s.missedRounds} ${s.missedRounds === 1 ? 'ronda sin entregar' : 'rondas sin entregar'}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Sin incidencias';
}

function ItemRisks({ items, total, national, programCode, canOpen }: { items: ItemRisk[]; total: number; national: boolean; programCode: string; canOpen: (code: string) => boolean }) {
  return (
    <>
      <h3 id="risk-items-title">Actividades {items.length < total ? `(las ${items.length} de mayor riesgo de ${total})` : ''}</h3>
      <ol className="risk-list" aria-labelledby="risk-items-title" data-testid="risk-items">
        {items.map((i) => (
          <li key={`${i.stateCode}/${i.activityCode}`} className="risk-item" data-rank={i.rank} data-state-code={i.stateCode} data-activity-code={i.activityCode}>
            <div className="risk-head">
              <span className={BAND_TAGS[i.band]}>
                <span aria-hidden="true">{BAND_SYMBOLS[i.band]} </span>
                {BAND_LABELS[i.band]}
              </span>{' '}
              <strong>
                {national ? (canOpen(i.stateCode) ? <Link to={paths.state(programCode, i.stateCode)}>{i.stateName}</Link> : i.stateName) : null}
                {national ? ' · ' : null}
                {i.activityCode} {i.activityName}
              </strong>
            </div>
            <p className="risk-facts">
              Avance {formatPercent(i.progress)} · vence el <time dateTime={i.plannedDue}>{formatDate(i.plannedDue)}</time> · {formatScore(i.score)} puntos de riesgo
            </p>
            <ul className="risk-reasons">
              {i.reasons.map((r) => (
                <li key={r.kind}>
                  {r.text} <span className="risk-points">({r.points >= 0 ? '+' : ''}{formatScore(r.points)} puntos)</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
