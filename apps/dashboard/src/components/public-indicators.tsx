import type { DatedValue, IndicatorFigure, IndicatorStatus } from '../api/types';
import { formatDate, formatIndicatorValue, formatPercent } from '../util/format';
import { EmptyState } from './feedback';
import { IndicatorStatusLegend, IndicatorStatusTag, ProgressMeter } from './progress-bits';

/** `GET /public/programs/:p/indicators?asOf=`: every indicator nationally and per participating state (rounded by the API). */
export interface PublicIndicators {
  programId: string;
  programCode: string;
  programName: string;
  asOf: string;
  national: IndicatorFigure[];
  states: { stateCode: string; stateName: string; indicators: IndicatorFigure[] }[];
}

/** A target: `11 al 31 dic 2025`, or `80.0 % en cada periodo` when undated. */
function targetText(v: DatedValue, unit: IndicatorFigure['unit']): string {
  return `${formatIndicatorValue(v.value, unit)}${v.date ? ` al ${formatDate(v.date)}` : ' en cada periodo'}`;
}

function summary(list: IndicatorFigure[]): string {
  const n: Record<IndicatorStatus | 'noTarget' | 'noValue', number> = { met: 0, on_track: 0, behind: 0, noTarget: 0, noValue: 0 };
  for (const f of list) n[f.status ?? (f.target ? 'noValue' : 'noTarget')] += 1;
  const extra = [n.noValue ? `${n.noValue} sin valor a la fecha` : '', n.noTarget ? `${n.noTarget} sin meta nacional` : ''].filter(Boolean);
  return `${list.length} indicadores: ${n.met} con la meta alcanzada, ${n.on_track} en trayectoria, ${n.behind} por debajo de lo esperado${extra.map((e) => `, ${e}`).join('')}.`;
}

function Status({ f }: { f: IndicatorFigure }) {
  return <IndicatorStatusTag status={f.status} hasTarget={Boolean(f.target)} />;
}

/**
 * The national indicators of the public page as a table: value, target, expected value, achievement and status in
 * words (the status tag carries text, its symbol is decoration). Every figure is the API's; nothing is computed here.
 */
export function PublicIndicatorsTable({ indicators }: { indicators: IndicatorFigure[] }) {
  if (indicators.length === 0) return <EmptyState title="El programa no define indicadores." />;
  return (
    <>
      <p className="summary" data-testid="public-indicators-summary">
        {summary(indicators)}
      </p>
      <IndicatorStatusLegend />
      <div className="table-scroll" role="region" aria-labelledby="public-indicators-title" tabIndex={0}>
        <table className="data-table stack-on-phone" data-testid="public-indicators-table">
          <caption className="visually-hidden">Indicadores nacionales: valor, meta, valor esperado a la fecha, avance hacia la meta y estado</caption>
          <thead>
            <tr>
              <th scope="col">Indicador</th>
              <th scope="col">Valor</th>
              <th scope="col">Meta</th>
              <th scope="col">Esperado a la fecha</th>
              <th scope="col">Avance hacia la meta</th>
              <th scope="col">Estado</th>
            </tr>
          </thead>
          <tbody>
            {indicators.map((f) => (
              <tr key={f.code} data-indicator={f.code}>
                <th scope="row">
                  <span className="indicator-code">{f.code}</span> {f.name}
                  {f.definition ? <span className="hint" style={{ display: 'block', fontWeight: 'normal' }}>{f.definition}</span> : null}
                </th>
                <td data-label="Valor" data-col="value" style={{ whiteSpace: 'nowrap' }}>
                  {formatIndicatorValue(f.value, f.unit)}
                </td>
                <td data-label="Meta" data-col="target">
                  {f.target ? targetText(f.target, f.unit) : 'Sin meta nacional'}
                </td>
                <td data-label="Esperado a la fecha" data-col="expected" style={{ whiteSpace: 'nowrap' }}>
                  {formatIndicatorValue(f.expectedNow, f.unit)}
                </td>
                <td data-label="Avance hacia la meta" data-col="achievement">
                  <span className="progress-cell">
                    {f.achievement !== null ? <ProgressMeter progress={f.achievement} /> : null}
                    <span>{formatPercent(f.achievement)}</span>
                  </span>
                </td>
                <td data-label="Estado" data-col="status">
                  <Status f={f} />
                  {f.direction === 'down' ? <span className="hint" style={{ display: 'block' }}>Un valor menor es mejor.</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
