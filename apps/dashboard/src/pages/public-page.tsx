import { useEffect, useMemo, useState } from 'react';
import { API_BASE, ApiError, createApi } from '../api/client';
import type { NationalProgress, StateFigures } from '../api/types';
import { AsOfPicker, useAsOf, withAsOf } from '../components/as-of-picker';
import { StateProgressChart } from '../components/charts';
import { EmptyState, LoadError, Loading } from '../components/feedback';
import { MexicoMap } from '../components/mexico-map';
import { Figure, ProgressCell, StatusLegend, StatusTag } from '../components/progress-bits';
import { PublicIndicatorsTable, type PublicIndicators } from '../components/public-indicators';
import { DEFAULT_PROGRAM_CODE } from '../programs/programs';
import { useLocation } from '../router/router';
import { formatDate, formatPercent, formatPoints } from '../util/format';
import { useDocumentTitle } from '../util/use-title';

// The public page needs no sign-in: it reads only the published figures (`/public/...`), with no token, so
// what it shows is exactly what anyone may download.
const publicApi = createApi(
  () => null,
  () => undefined,
);

function usePublic<T>(path: string | null) {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError }>({ path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let current = true;
    setState((s) => ({ path, data: s.path === path ? s.data : undefined }));
    publicApi.get<T>(path).then(
      (data) => current && setState({ path, data }),
      (e: unknown) => current && setState({ path, error: e instanceof ApiError ? e : new ApiError(0, String(e)) }),
    );
    return () => {
      current = false;
    };
  }, [path, tick]);
  const fresh = state.path === path;
  return { data: fresh ? state.data : undefined, error: fresh ? state.error : undefined, reload: () => setTick((n) => n + 1) };
}

const byProgress = (a: StateFigures, b: StateFigures) => b.progress - a.progress || a.stateName.localeCompare(b.stateName, 'es');

/**
 * `/publico`: national and per-state progress and the national indicators for anyone, with the open-data downloads
 * (progress and indicators as CSV and JSON, and the DCAT catalogue that describes them).
 */
export function PublicPage() {
  const { query } = useLocation();
  const programCode = query.get('programa') || DEFAULT_PROGRAM_CODE;
  const asOf = useAsOf();
  const programBase = `/public/programs/${encodeURIComponent(programCode)}`;
  const base = `${programBase}/progress`;
  const progress = usePublic<NationalProgress>(withAsOf(base, asOf));
  const today = usePublic<NationalProgress>(asOf ? base : null);
  // Asked once progress has answered: for the very date it answered for (so both agree across midnight), and
  // never for a program that does not publish.
  const indicators = usePublic<PublicIndicators>(progress.data ? withAsOf(`${programBase}/indicators`, progress.data.asOf) : null);
  useDocumentTitle('Avance público');
  const sorted = useMemo(() => [...(progress.data?.states ?? [])].sort(byProgress), [progress.data]);
  const names = useMemo(() => new Map(sorted.map((s) => [s.stateCode, s.stateName])), [sorted]);
  const n = progress.data?.national;
  const shownAsOf = progress.data?.asOf ?? null;
  const csvHref = `${API_BASE}${withAsOf(`${base}.csv`, shownAsOf)}`;
  const jsonHref = `${API_BASE}${withAsOf(base, shownAsOf)}`;
  const indicatorsCsvHref = `${API_BASE}${withAsOf(`${programBase}/indicators.csv`, shownAsOf)}`;
  const indicatorsJsonHref = `${API_BASE}${withAsOf(`${programBase}/indicators`, shownAsOf)}`;
  const catalogHref = `${API_BASE}${programBase}/catalog.json`;

  return (
    <div className="app public">
      <a className="skip-link" href="#main">
        Saltar al contenido
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <div className="brand">
            <span className="brand-name">Rumbo</span>
            <span className="program-name">Avance público del programa de implementación</span>
          </div>
          <div className="user-box">
            <a className="button button-secondary button-small" href="/entrar">
              Entrar
            </a>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <div className="page-heading">
          <h1>Avance del programa</h1>
          <p className="lead">
            Cifras públicas del programa <strong>{programCode}</strong> por entidad federativa: avance reportado, avance validado por la coordinación nacional y
            avance esperado según el calendario de cada entidad.
          </p>
        </div>
        <AsOfPicker shownAsOf={shownAsOf} today={asOf ? (today.data?.asOf ?? null) : shownAsOf} />
        {progress.error ? (
          progress.error.status === 404 ? (
            <EmptyState title="Este programa no existe o aún no publica cifras." />
          ) : (
            <LoadError error={progress.error} onRetry={progress.reload} />
          )
        ) : !n ? (
          <Loading label="Cargando cifras…" />
        ) : (
          <>
            <section className="panel" aria-labelledby="public-national-title" data-testid="public-national">
              <h2 id="public-national-title">Cifras nacionales al {formatDate(shownAsOf)}</h2>
              <dl className="figures">
                <Figure testId="public-progress" label="Avance nacional" value={formatPercent(n.progress)} detail={<StatusTag status={n.status} />} />
                <Figure label="Esperado a la fecha" value={formatPercent(n.expected)} detail={`Desviación ${formatPoints(n.variance)}`} />
                <Figure testId="public-validated" label="Avance validado" value={formatPercent(n.validatedProgress)} detail="Reportes aceptados" />
                <Figure testId="public-states" label="Entidades participantes" value={String(n.states)} />
                <Figure label="Instituciones implementadoras" value={String(n.institutions)} />
                <Figure label="Actividades vencidas" value={String(n.overdueItems)} />
              </dl>
            </section>

            <div className="grid-2">
              <section className="panel" aria-labelledby="public-chart-title">
                <h2 id="public-chart-title">Avance por entidad</h2>
                {sorted.length ? (
                  <>
                    <p className="summary">De mayor a menor avance. La marca negra indica el avance esperado a la fecha.</p>
                    <StateProgressChart
                      testId="public-chart"
                      title="Gráfica de barras del avance de cada entidad, de mayor a menor, con su semáforo y su avance esperado"
                      rows={sorted.map((s) => ({ stateCode: s.stateCode, name: s.stateName, progress: s.progress, expected: s.expected, status: s.status }))}
                    />
                    <StatusLegend />
                  </>
                ) : (
                  <EmptyState title="Ninguna entidad participaba en esa fecha." />
                )}
              </section>
              <section className="panel" aria-labelledby="public-map-title">
                <h2 id="public-map-title">Mapa de semáforos</h2>
                <MexicoMap
                  title={`Mapa de México: semáforo de las ${sorted.length} entidades participantes; las demás aparecen en gris`}
                  stateNames={names}
                  states={sorted.map((s) => ({ stateCode: s.stateCode, name: s.stateName, status: s.status, progress: s.progress }))}
                />
              </section>
            </div>

            {sorted.length ? (
              <section className="panel" aria-labelledby="public-table-title">
                <h2 id="public-table-title">Cifras por entidad</h2>
                <div className="table-scroll" role="region" aria-labelledby="public-table-title" tabIndex={0}>
                  <table className="data-table stack-on-phone" data-testid="public-table">
                    <thead>
                      <tr>
                        <th scope="col">Entidad</th>
                        <th scope="col">Avance</th>
                        <th scope="col">Esperado</th>
                        <th scope="col">Semáforo</th>
                        <th scope="col">Validado</th>
                        <th scope="col">Vencidas</th>
                        <th scope="col">En plazo</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sorted.map((s) => (
                        <tr key={s.stateCode} data-state-code={s.stateCode}>
                          <th scope="row">{s.stateName}</th>
                          <td data-label="Avance" data-col="progress">
                            <ProgressCell progress={s.progress} expected={s.expected} status={s.status} />
                          </td>
                          <td data-label="Esperado">{formatPercent(s.expected)}</td>
                          <td data-label="Semáforo">
                            <StatusTag status={s.status} />
                          </td>
                          <td data-label="Validado" data-col="validated">
                            {formatPercent(s.validatedProgress)}
                          </td>
                          <td data-label="Vencidas">{s.overdueItems}</td>
                          <td data-label="En plazo">{formatPercent(s.onTimeRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ) : null}

            <section className="panel" aria-labelledby="public-indicators-title" data-testid="public-indicators">
              <h2 id="public-indicators-title">Indicadores nacionales al {formatDate(shownAsOf)}</h2>
              <p>Cada indicador del programa frente a su meta nacional. Las cifras de cada entidad están en la descarga de indicadores.</p>
              {indicators.error ? (
                <LoadError error={indicators.error} onRetry={indicators.reload} />
              ) : !indicators.data ? (
                <Loading label="Calculando indicadores…" />
              ) : (
                <PublicIndicatorsTable indicators={indicators.data.national} />
              )}
            </section>

            <section className="panel" aria-labelledby="downloads-title" data-testid="downloads">
              <h2 id="downloads-title">Datos abiertos</h2>
              <p>
                Descargue las mismas cifras, a la fecha de corte elegida ({formatDate(shownAsOf)}), para reutilizarlas libremente citando la fuente (licencia CC BY 4.0).
              </p>
              <h3 id="downloads-progress-title">Avance por entidad</h3>
              <ul className="download-list" aria-labelledby="downloads-progress-title">
                <li>
                  <a href={csvHref} download data-testid="download-csv">
                    Descargar el avance en CSV
                  </a>{' '}
                  <span className="hint">(UTF-8, una fila nacional y una por entidad)</span>
                </li>
                <li>
                  <a href={jsonHref} data-testid="download-json" type="application/json">
                    Ver el avance en JSON
                  </a>{' '}
                  <span className="hint">(la misma información, para uso en programas informáticos)</span>
                </li>
              </ul>
              <h3 id="downloads-indicators-title">Indicadores y metas</h3>
              <ul className="download-list" aria-labelledby="downloads-indicators-title">
                <li>
                  <a href={indicatorsCsvHref} download data-testid="download-indicators-csv">
                    Descargar los indicadores en CSV
                  </a>{' '}
                  <span className="hint">(UTF-8, una fila por indicador: nacional y por entidad)</span>
                </li>
                <li>
                  <a href={indicatorsJsonHref} data-testid="download-indicators-json" type="application/json">
                    Ver los indicadores en JSON
                  </a>{' '}
                  <span className="hint">(la misma información, para uso en programas informáticos)</span>
                </li>
              </ul>
              <h3 id="downloads-catalog-title">Metadatos</h3>
              <ul className="download-list" aria-labelledby="downloads-catalog-title">
                <li>
                  <a href={catalogHref} data-testid="download-catalog" type="application/ld+json">
                    Ver el catálogo de datos (DCAT, JSON-LD)
                  </a>{' '}
                  <span className="hint">(describe estos conjuntos de datos, sus formatos, licencia y periodicidad, para portales de datos abiertos)</span>
                </li>
              </ul>
            </section>
          </>
        )}
      </main>
      <footer className="site-footer">
        <p>Rumbo · seguimiento del programa de implementación · Mapa: @svg-maps/mexico (CC BY 4.0)</p>
      </footer>
    </div>
  );
}
