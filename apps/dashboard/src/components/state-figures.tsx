import type { StateProgress } from '../api/types';
import type { Resource } from '../api/use-resource';
import { formatDate, formatPercent, formatPoints } from '../util/format';
import { ExplainDetails } from './explain-panel';
import { LoadError, Loading } from './feedback';
import { Figure, ProgressCell, StatusTag } from './progress-bits';
import { ScrollTable } from './scroll-table';

/**
 * The state's figures (P, V, E, SV and SV against the original plan, status, overdue, on-time rate), progress by
 * phase and the explanation.
 */
export function StateFigures({ progress, explainPath }: { progress: Resource<StateProgress>; explainPath: string }) {
  const p = progress.data;
  return (
    <section className="panel" aria-labelledby="state-figures-title" data-testid="state-figures">
      <h2 id="state-figures-title">Avance de la entidad{p ? ` al ${formatDate(p.asOf)}` : ''}</h2>
      {progress.error ? (
        progress.error.status === 404 ? (
          <p className="summary">Sin cifras de avance: la entidad no participa en el programa.</p>
        ) : (
          <LoadError error={progress.error} onRetry={progress.reload} />
        )
      ) : !p ? (
        <Loading label="Calculando el avance…" />
      ) : (
        <>
          {!p.participating ? <p className="notice notice-info">La entidad no participaba en el programa en esta fecha; sus cifras se muestran solo como referencia.</p> : null}
          <dl className="figures">
            <Figure testId="state-progress" label="Avance (P)" value={formatPercent(p.progress)} detail={<StatusTag status={p.status} />} />
            <Figure testId="state-expected" label="Esperado (E)" value={formatPercent(p.expected)} detail="Según el calendario a la fecha" />
            <Figure testId="state-variance" label="Desviación (SV)" value={formatPoints(p.variance)} detail="Avance menos esperado, en puntos" />
            <Figure
              testId="state-variance-baseline"
              label="Desviación vs. plan original"
              value={formatPoints(p.varianceBaseline)}
              detail={`Esperado según las fechas originales: ${formatPercent(p.expectedBaseline)}`}
            />
            <Figure testId="state-validated" label="Avance validado" value={formatPercent(p.validatedProgress)} detail="Solo reportes aceptados" />
            <Figure
              testId="state-overdue"
              label="Actividades vencidas"
              value={String(p.overdueItems)}
              detail={`${p.completedItems} de ${p.includedItems} concluidas`}
            />
            <Figure
              testId="state-on-time"
              label="Concluidas en plazo"
              value={formatPercent(p.onTimeRate)}
              detail={p.onTimeRate === null ? 'Aún no vence ninguna actividad' : p.dueItems === 1 ? 'De 1 actividad cuyo plazo ya venció' : `De ${p.dueItems} actividades cuyo plazo ya venció`}
            />
          </dl>
          {p.phases.length ? (
            <>
              <h3 id="phases-title">Avance por fase</h3>
              <ScrollTable labelledBy="phases-title" className="data-table compact stack-on-phone" testId="phases-table" columns={['Fase', 'Avance', 'Esperado', 'Semáforo']}>
                {p.phases.map((ph) => (
                  <tr key={ph.phaseNumber} data-phase={ph.phaseNumber}>
                    <th scope="row">
                      {ph.phaseNumber}. {ph.phaseName}
                    </th>
                    <td data-label="Avance">
                      <ProgressCell progress={ph.progress} expected={ph.expected} status={ph.status} />
                    </td>
                    <td data-label="Esperado">{formatPercent(ph.expected)}</td>
                    <td data-label="Semáforo">
                      <StatusTag status={ph.status} />
                    </td>
                  </tr>
                ))}
              </ScrollTable>
            </>
          ) : null}
          <ExplainDetails path={explainPath} kind="state" testId="state-explain" />
        </>
      )}
    </section>
  );
}
