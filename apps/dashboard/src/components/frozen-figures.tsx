import { useState } from 'react';
import type { FrozenFigures, FrozenIndicatorValue } from '../api/types';
import { formatDate, formatIndicatorValue, formatPercent, formatPoints } from '../util/format';
import { Figure, IndicatorStatusTag, ProgressCell, StatusTag } from './progress-bits';

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
        <div className="table-scroll" role="region" aria-labelledby="frozen-states-title" tabIndex={0}>
          <table className="data-table stack-on-phone" data-testid="frozen-states-table">
            <thead>
              <tr>
                <th scope="col">Entidad</th>
                <th scope="col">Avance</th>
                <th scope="col">Esperado</th>
                <th scope="col">Desviación</th>
                <th scope="col">Semáforo</th>
                <th scope="col">Validado</th>
                <th scope="col">Concluidas</th>
                <th scope="col">Vencidas</th>
                <th scope="col">En plazo</th>
                <th scope="col">Instituciones</th>
              </tr>
            </thead>
            <tbody>
              {states.map((s) => (
                <tr key={s.stateCode} data-state-code={s.stateCode}>
                  <th scope="row">{s.stateName}</th>
                  <td data-label="Avance" data-col="progress">
                    <ProgressCell progress={s.progress} expected={s.expected} status={s.status} />
                  </td>
                  <td data-label="Esperado" data-col="expected">
                    {formatPercent(s.expected)}
                  </td>
                  <td data-label="Desviación">{formatPoints(s.variance)}</td>
                  <td data-label="Semáforo" data-col="status">
                    <StatusTag status={s.status} />
                  </td>
                  <td data-label="Validado" data-col="validated">
                    {formatPercent(s.validatedProgress)}
                  </td>
                  <td data-label="Concluidas">
                    {s.completedItems} de {s.includedItems}
                  </td>
                  <td data-label="Vencidas">{s.overdueItems}</td>
                  <td data-label="En plazo">{formatPercent(s.onTimeRate)}</td>
                  <td data-label="Instituciones">{s.institutions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
        <div className="table-scroll" role="region" aria-labelledby="frozen-indicators-title" tabIndex={0}>
          <table className="data-table stack-on-phone" data-testid="frozen-indicators-table">
            <thead>
              <tr>
                <th scope="col">Indicador</th>
                <th scope="col">Valor</th>
                <th scope="col">Meta</th>
                <th scope="col">Esperado</th>
                <th scope="col">Avance hacia la meta</th>
                <th scope="col">Situación</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
