import { useMemo } from 'react';
import type { ReportingRoundDetail, ReportingRoundList, RoundPhase } from '../api/types';
import { useResource, useResources } from '../api/use-resource';
import { AsOfPicker, useApiToday, useAsOf, withAsOf } from '../components/as-of-picker';
import { RoundsChart } from '../components/charts';
import { DeliveryLegend, DeliveryTag } from '../components/delivery-tag';
import { EmptyState } from '../components/feedback';
import { Loaded } from '../components/loaded';
import { Figure } from '../components/progress-bits';
import { RoundCells } from '../components/round-cells';
import { ScrollTable } from '../components/scroll-table';
import { formatDate, formatPercent } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';

const PHASE_LABELS: Record<RoundPhase, string> = {
  upcoming: 'Próxima',
  in_period: 'En periodo',
  open: 'Abierta para entrega',
  closed: 'Vencida',
};

/**
 * Reporting rounds for the commission and the coordination: completeness and timeliness of every round (bar chart
 * and table) and a matrix of states × rounds saying whether each state delivered on time, late, is pending or was
 * not expected. As of the date in the URL (`?fecha=`). All figures are the API's.
 */
export function ReportingRoundsPage({ params }: PageProps) {
  const { programCode } = params;
  const base = `/programs/${encodeURIComponent(programCode)}`;
  const asOf = useAsOf();
  useDocumentTitle('Rondas de reporte');
  const list = useResource<ReportingRoundList>(withAsOf(`${base}/reporting-rounds`, asOf));
  const shownAsOf = list.data?.asOf ?? null;
  const today = useApiToday(programCode, shownAsOf);
  const rounds = list.data?.rounds ?? [];
  const details = useResources<ReportingRoundDetail>(list.data ? rounds.map((r) => withAsOf(`${base}/reporting-rounds/${encodeURIComponent(r.code)}`, list.data!.asOf)) : null);

  // States in the matrix: every state any round lists (each round lists every participating state), by name.
  const matrixStates = useMemo(() => {
    const names = new Map<string, string>();
    for (const d of details.data ?? []) for (const s of d.states) names.set(s.stateCode, s.stateName);
    return [...names.entries()].sort((a, b) => a[1].localeCompare(b[1], 'es'));
  }, [details.data]);
  const cells = useMemo(() => {
    const m = new Map<string, ReportingRoundDetail['states'][number]>();
    for (const d of details.data ?? []) for (const s of d.states) m.set(`${d.code}|${s.stateCode}`, s);
    return m;
  }, [details.data]);

  const dueCount = rounds.filter((r) => r.due).length;
  return (
    <>
      <div className="page-heading">
        <h1>Rondas de reporte</h1>
        <p className="lead">Entrega de los reportes trimestrales por las entidades: completitud, puntualidad y situación de cada entidad en cada ronda.</p>
      </div>
      <AsOfPicker shownAsOf={shownAsOf} today={today} />

      <section aria-labelledby="rounds-figures-title" className="panel" data-testid="rounds-figures">
        <h2 id="rounds-figures-title">Rondas vencidas{shownAsOf ? ` al ${formatDate(shownAsOf)}` : ''}</h2>
        <Loaded resource={list} loadingLabel="Cargando rondas…" notFound="No se encontró este programa.">
          {({ national: n }) =>
            rounds.length === 0 ? (
              <EmptyState title="La coordinación aún no define rondas de reporte." />
            ) : (
              <>
                <dl className="figures">
                  <Figure testId="rounds-completeness" label="Completitud" value={formatPercent(n.completeness)} detail={`${n.submitted} de ${n.expected} ${n.expected === 1 ? 'entrega esperada' : 'entregas esperadas'}`} />
                  <Figure testId="rounds-timeliness" label="Puntualidad" value={formatPercent(n.timeliness)} detail={`${n.onTime} ${n.onTime === 1 ? 'entrega' : 'entregas'} a tiempo`} />
                  <Figure testId="rounds-count" label="Rondas definidas" value={String(rounds.length)} detail={dueCount === 1 ? '1 ya vencida' : `${dueCount} ya vencidas`} />
                </dl>
                <p className="hint">Solo cuentan las rondas cuya fecha de entrega ya pasó, y en cada una las entidades que participaban durante su periodo.</p>
              </>
            )
          }
        </Loaded>
      </section>

      {rounds.length ? (
        <section aria-labelledby="rounds-chart-title" className="panel">
          <h2 id="rounds-chart-title">Completitud y puntualidad por ronda</h2>
          <RoundsChart testId="rounds-chart" title="Gráfica de barras de la completitud (barras lisas) y la puntualidad (barras rayadas) de cada ronda" rounds={rounds} />
          <ScrollTable labelledBy="rounds-chart-title" testId="rounds-table" columns={['Ronda', 'Periodo', 'Vence', 'Fase', 'Entregas', 'A tiempo', 'Completitud', 'Puntualidad']}>
            {rounds.map((r) => (
              <tr key={r.code} data-round={r.code}>
                <RoundCells round={r} />
                <td data-label="Fase">{PHASE_LABELS[r.phase] ?? r.phase}</td>
                <td data-label="Entregas">
                  {r.submitted} de {r.expected}
                </td>
                <td data-label="A tiempo">{r.onTime}</td>
                <td data-label="Completitud" data-col="completeness">
                  {formatPercent(r.completeness)}
                </td>
                <td data-label="Puntualidad" data-col="timeliness">
                  {formatPercent(r.timeliness)}
                </td>
              </tr>
            ))}
          </ScrollTable>
        </section>
      ) : null}

      {rounds.length ? (
        <section aria-labelledby="rounds-matrix-title" className="panel">
          <h2 id="rounds-matrix-title">Entregas por entidad</h2>
          <Loaded resource={details} loadingLabel="Cargando las entregas de cada entidad…">
            {(roundDetails) =>
              matrixStates.length === 0 ? (
                <EmptyState title="Ninguna entidad participa en el programa." />
              ) : (
                <>
                  <DeliveryLegend />
                  <ScrollTable
                    labelledBy="rounds-matrix-title"
                    scrollClassName="matrix-scroll"
                    className="data-table matrix"
                    testId="rounds-matrix"
                    columns={[
                      'Entidad',
                      ...roundDetails.map((d) => (
                        <>
                          {d.code}
                          <span className="hint matrix-due">vence {formatDate(d.dueOn)}</span>
                        </>
                      )),
                    ]}
                  >
                    {matrixStates.map(([code, name]) => (
                      <tr key={code} data-state-code={code}>
                        <th scope="row">{name}</th>
                        {roundDetails.map((d) => {
                          const c = cells.get(`${d.code}|${code}`);
                          return (
                            <td key={d.code} data-round={d.code} data-status={c?.status ?? 'not_expected'}>
                              <DeliveryTag status={c?.status ?? 'not_expected'} />
                              {c?.submittedOn ? <span className="matrix-date">{formatDate(c.submittedOn)}</span> : null}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </ScrollTable>
                </>
              )
            }
          </Loaded>
        </section>
      ) : null}
    </>
  );
}
