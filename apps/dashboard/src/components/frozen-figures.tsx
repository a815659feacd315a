import { useState } from 'react';
import type { FrozenFigures, FrozenIndicatorValue } from '../api/types';
import { formatDate, formatIndicatorValue, formatPercent, formatPoints } from '../util/format';
import { Figure, IndicatorStatusTag, StatusTag } from './progress-bits';
import { ScrollTable } from './scroll-table';
import { StateFiguresTable } from './state-figures-table';

/**
 * A review round's frozen figures as the API keeps them (rounded at its edge): the national figures, every state
 * that participated at the round's date, and every indicator nationally or for one of those states. Nothing here
 * is live: later corrections show only under "Diferencias".
 */
export function FrozenFiguresView({ figures }: { figures: FrozenFigures }) {
  const n = figures.progress.national;
  const states = [...figures.progress.states].sort((a, b) => a.stateName.localeCompare(b.stateName, 'es'));
  const [scope, setScope] = useState('national');
  const valueOf = (i: FrozenFigures['indicators'][number]): FrozenIndicatorValue | undefined => (scope === 'national' ? i.national : i.states[scope]);

  return (
    <div data-testid="frozen-figures">
      <h3 id="frozen-national-title">Cifras nacionales congeladas al {formatDate(figures.asOf)}</h3>
      <dl className="figures" data-testid="frozen-national">
        <Figure testId="frozen-progress" label="Avance nacional" value={formatPercent(n.progress)} detail={<StatusTag status={n.status} />} />
        <Figure testId="frozen-expected" label="Esperado a la fecha" value={formatPercent(n.expected)} detail={`Desviación ${formatPoints(n.variance)}`} />
        <Figure testId="frozen-validated" label="Avance validado" value={formatPercent(n.validatedProgress)} detail="Solo reportes aceptados" />
        <Figure testId="frozen-states" label="Entidades participantes" value={String(n.states)} />
        <Figure testId="frozen-institutions" label="Instituciones implementadoras" value={String(n.institutions)} />
        <Figure testId="frozen-overdue" label="Actividades vencidas" value={String(n.overdueItems)} />
      </dl>

      <h3 id="frozen-states-title">Por entidad</h3>
      {states.length === 0 ? (
        <p className="hint">Ninguna entidad participaba en esa fecha.</p>
      ) : (
        <StateFiguresTable
          labelledBy="frozen-states-title"
          testId="frozen-states-table"
          states={states}
          columns={['progress', 'expected', 'variance', 'status', 'validated', 'completed', 'overdue', 'onTime', 'institutions']}
        />
      )}

      <div className="heading-with-control">
        <h3 id="frozen-indicators-title">Indicadores congelados</h3>
        <div className="inline-field">
          <label htmlFor="frozen-scope">Ámbito</label>
          <select id="frozen-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="national">Nacional</option>
            {states.map((s) => (
              <option key={s.stateCode} value={s.stateCode}>
                {s.stateName}
              </option>
            ))}
          </select>
        </div>
      </div>
      {figures.indicators.length === 0 ? (
        <p className="hint">El programa no definía indicadores.</p>
      ) : (
        <ScrollTable
          labelledBy="frozen-indicators-title"
          testId="frozen-indicators-table"
          columns={['Indicador', 'Valor', 'Meta', 'Esperado', 'Avance hacia la meta', 'Situación']}
        >
          {figures.indicators.map((i) => {
            const v = valueOf(i);
            return (
              <tr key={i.code} data-indicator={i.code}>
                <th scope="row">
                  {i.code} <span className="card-sub">{i.name}</span>
                </th>
                <td data-label="Valor" data-col="value">
                  {formatIndicatorValue(v?.value, i.unit)}
                </td>
                <td data-label="Meta">{v?.target ? `${formatIndicatorValue(v.target.value, i.unit)}${v.target.date ? ` al ${formatDate(v.target.date)}` : ' cada periodo'}` : '—'}</td>
                <td data-label="Esperado">{formatIndicatorValue(v?.expectedNow, i.unit)}</td>
                <td data-label="Avance hacia la meta">{formatPercent(v?.achievement)}</td>
                <td data-label="Situación" data-col="status">
                  <IndicatorStatusTag status={v?.status} />
                </td>
              </tr>
            );
          })}
        </ScrollTable>
      )}
    </div>
  );
}
