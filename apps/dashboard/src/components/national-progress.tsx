import { useEffect, useMemo, useRef } from 'react';
import { asList } from '../api/client';
import type { NationalProgress, Notification, ReportingRoundList, StateFigures, TrafficLight } from '../api/types';
import { useResource, type Resource } from '../api/use-resource';
import { paths } from '../programs/programs';
import { Link } from '../router/router';
import { formatDate, formatPercent, formatPoints, STATUS_LABELS, STATUS_LABELS_PLURAL, TRAFFIC_LIGHTS } from '../util/format';
import { AsOfPicker, useAsOf, withAsOf } from './as-of-picker';
import { StateProgressChart } from './charts';
import { ExplainDetails } from './explain-panel';
import { EmptyState, Loading } from './feedback';
import { Loaded } from './loaded';
import { MexicoMap } from './mexico-map';
import { Figure, StatusLegend, StatusTag } from './progress-bits';
import { RoundCells } from './round-cells';
import { ScrollTable } from './scroll-table';
import { StateFiguresTable } from './state-figures-table';
import { TrendSection } from './trend-section';
import { ExportButtons } from './export-buttons';

interface Props {
  programCode: string;
  stateNames: Map<string, string>;
  /** Whether the user may open a state's page (a state officer only its own). */
  canOpen: (stateCode: string) => boolean;
  /** Changes when something on the page changed the figures (a state enrolled): read them again. */
  refreshKey?: number;
}

const STATUS_RANK: Record<TrafficLight, number> = { completed: 0, on_track: 1, at_risk: 2, off_track: 3 };

/** Best first: progress descending, then the traffic light, then the name. */
function byProgress(a: StateFigures, b: StateFigures): number {
  return b.progress - a.progress || STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.stateName.localeCompare(b.stateName, 'es');
}

/**
 * The national view's figures, all as of the date in the URL (`?fecha=`): headline figures, progress by state
 * (sorted bar chart and table), the map, the weekly trend computed from the report history, late and soon-due items, and the
 * reporting rounds' completeness and timeliness.
 */
export function NationalProgressSections({ programCode, stateNames, canOpen, refreshKey = 0 }: Props) {
  const asOf = useAsOf();
  const base = `/programs/${encodeURIComponent(programCode)}`;
  const progress = useResource<NationalProgress>(withAsOf(`${base}/progress`, asOf));
  // The API's today (no asOf): the latest date the picker offers.
  const today = useResource<NationalProgress>(asOf ? `${base}/progress` : null);
  const shownAsOf = progress.data?.asOf ?? null;
  const todayIso = asOf ? (today.data?.asOf ?? null) : shownAsOf;
  const notifications = useResource<Notification[]>(`${base}/notifications?limit=200`, (raw) => asList<Notification>(raw));
  const rounds = useResource<ReportingRoundList>(withAsOf(`${base}/reporting-rounds`, asOf));

  const firstKey = useRef(refreshKey);
  const reloadProgress = progress.reload;
  const reloadRounds = rounds.reload;
  useEffect(() => {
    if (refreshKey === firstKey.current) return;
    reloadProgress();
    reloadRounds();
  }, [refreshKey, reloadProgress, reloadRounds]);

  const sorted = useMemo(() => [...(progress.data?.states ?? [])].sort(byProgress), [progress.data]);
  const stateHref = (code: string) => (canOpen(code) ? paths.state(programCode, code) : null);

  return (
    <>
      <AsOfPicker shownAsOf={shownAsOf} today={todayIso} />

      <section aria-labelledby="national-figures-title" className="panel" data-testid="national-figures">
        <h2 id="national-figures-title">Cifras nacionales{shownAsOf ? ` al ${formatDate(shownAsOf)}` : ''}</h2>
        <Loaded resource={progress} loadingLabel="Calculando cifras…" notFound="No se encontró este programa.">
          {({ national: n }) => (
            <>
              <dl className="figures">
                <Figure testId="national-progress" label="Avance nacional" value={formatPercent(n.progress)} detail={<StatusTag status={n.status} />} />
                <Figure testId="national-expected" label="Esperado a la fecha" value={formatPercent(n.expected)} detail={`Desviación ${formatPoints(n.variance)}`} />
                <Figure testId="national-variance-baseline" label="Desviación vs. plan original" value={formatPoints(n.varianceBaseline)} detail={`Esperado según las fechas originales: ${formatPercent(n.expectedBaseline)}`} />
                <Figure testId="national-validated" label="Avance validado" value={formatPercent(n.validatedProgress)} detail="Solo reportes aceptados por la coordinación" />
                <Figure
                  testId="national-states"
                  label="Entidades participantes"
                  value={String(n.states)}
                  detail={
                    n.distribution
                      ? TRAFFIC_LIGHTS.filter((s) => n.distribution![s])
                          .map((s) => `${n.distribution![s]} ${n.distribution![s] === 1 ? STATUS_LABELS[s].toLowerCase() : STATUS_LABELS_PLURAL[s]}`)
                          .join(' · ') || undefined
                      : undefined
                  }
                />
                <Figure testId="national-institutions" label="Instituciones implementadoras" value={String(n.institutions)} detail="Activas a la fecha" />
                <Figure testId="national-overdue" label="Actividades vencidas" value={String(n.overdueItems)} detail="Pasó su término sin llegar a 100 %" />
              </dl>
              <ExplainDetails path={withAsOf(`${base}/progress/explain`, shownAsOf)} kind="national" testId="national-explain" />
            </>
          )}
        </Loaded>
      </section>

      <div className="grid-2">
        <section aria-labelledby="by-state-title" className="panel">
          <h2 id="by-state-title">Avance por entidad</h2>
          {progress.data && sorted.length === 0 ? (
            <EmptyState title="Ninguna entidad participaba en esa fecha." />
          ) : progress.data ? (
            <>
              <p className="summary">De mayor a menor avance. La marca negra indica el avance esperado a la fecha.</p>
              <StateProgressChart
                testId="states-chart"
                title="Gráfica de barras del avance de cada entidad, de mayor a menor, con su semáforo y su avance esperado"
                rows={sorted.map((s) => ({ stateCode: s.stateCode, name: stateNames.get(s.stateCode) ?? s.stateName, progress: s.progress, expected: s.expected, status: s.status }))}
              />
              <StatusLegend />
            </>
          ) : progress.error ? null : (
            <Loading />
          )}
        </section>

        <section aria-labelledby="map-section-title" className="panel">
          <h2 id="map-section-title">Mapa de semáforos</h2>
          {progress.data ? (
            <MexicoMap
              title={`Mapa de México: semáforo de las ${sorted.length} entidades participantes; las demás aparecen en gris`}
              stateNames={stateNames}
              states={sorted.map((s) => ({ stateCode: s.stateCode, name: s.stateName, status: s.status, progress: s.progress, href: stateHref(s.stateCode) }))}
            />
          ) : progress.error ? null : (
            <Loading />
          )}
        </section>
      </div>

      {progress.data && sorted.length ? (
        <section aria-labelledby="states-table-title" className="panel">
          <h2 id="states-table-title">Cifras por entidad</h2>
          <ExportButtons path={`${base}/progress/export`} query={{ asOf: shownAsOf ?? undefined }} formats={['xlsx', 'csv']} what="cifras por entidad" testId="export-progress" />
          <StateFiguresTable
            labelledBy="states-table-title"
            testId="states-progress-table"
            states={sorted}
            columns={['progress', 'expected', 'variance', 'status', 'validated', 'overdue', 'onTime']}
            rowHeader={(s) => {
              const href = stateHref(s.stateCode);
              const name = stateNames.get(s.stateCode) ?? s.stateName;
              return href ? <Link to={href}>{name}</Link> : name;
            }}
          />
        </section>
      ) : null}

      <div className="grid-2">
        <TrendSection programCode={programCode} to={shownAsOf} scopeLabel="nacional" />

        <NotificationsSection notifications={notifications} asOf={shownAsOf} stateHref={stateHref} />
      </div>

      <section aria-labelledby="rounds-national-title" className="panel" data-testid="national-rounds">
        <h2 id="rounds-national-title">Rondas de reporte</h2>
        <Loaded resource={rounds}>
          {(list) =>
            list.rounds.length === 0 ? (
              <EmptyState title="La coordinación aún no define rondas de reporte." />
            ) : (
              <>
                <p className="summary">
                  Rondas vencidas al {formatDate(list.asOf)}: completitud {formatPercent(list.national.completeness)} ({list.national.submitted} de {list.national.expected}{' '}
                  entregas), puntualidad {formatPercent(list.national.timeliness)} ({list.national.onTime} a tiempo).
                </p>
                <ScrollTable labelledBy="rounds-national-title" columns={['Ronda', 'Vence', 'Entregas', 'Completitud', 'Puntualidad']}>
                  {list.rounds.map((r) => (
                    <tr key={r.code} data-round={r.code}>
                      <RoundCells round={r} withPeriod={false} />
                      <td data-label="Entregas">
                        {r.submitted} de {r.expected}
                      </td>
                      <td data-label="Completitud">{formatPercent(r.completeness)}</td>
                      <td data-label="Puntualidad">{formatPercent(r.timeliness)}</td>
                    </tr>
                  ))}
                </ScrollTable>
              </>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

function NotificationsSection({ notifications, asOf, stateHref }: { notifications: Resource<Notification[]>; asOf: string | null; stateHref: (code: string) => string | null }) {
  // Notices are what the daily job detected on a day: those detected after the date in view did not exist yet.
  const items = (notifications.data ?? []).filter((x) => !asOf || x.detectedOn <= asOf);
  const overdue = items.filter((x) => x.kind === 'overdue');
  const soon = items.filter((x) => x.kind === 'due_soon');
  const list = (rows: Notification[], kind: 'overdue' | 'due_soon') => (
    <ul className="notice-list" data-testid={kind === 'overdue' ? 'overdue-list' : 'due-soon-list'}>
      {rows.map((x) => {
        const href = stateHref(x.stateCode);
        return (
          <li key={x.id} data-state-code={x.stateCode} data-activity={x.activityCode}>
            <span className={`tag ${kind === 'overdue' ? 'tag-danger' : 'tag-warning'}`}>{kind === 'overdue' ? 'Vencida' : 'Por vencer'}</span>{' '}
            <strong>{href ? <Link to={href}>{x.stateName}</Link> : x.stateName}</strong> · {x.activityCode} {x.activityName}
            <span className="hint">
              {' '}
              — {kind === 'overdue' ? 'venció' : 'vence'} el {formatDate(x.dueOn)} con {formatPercent(x.progress)} de avance (aviso del {formatDate(x.detectedOn)})
            </span>
          </li>
        );
      })}
    </ul>
  );
  return (
    <section aria-labelledby="notices-title" className="panel" data-testid="notifications">
      <h2 id="notices-title">Actividades vencidas y por vencer</h2>
      <Loaded resource={notifications}>
        {() =>
          items.length === 0 ? (
            <EmptyState title="Sin avisos de vencimiento a esta fecha." />
          ) : (
            <>
              {overdue.length ? (
                <>
                  <h3>Vencidas ({overdue.length})</h3>
                  {list(overdue, 'overdue')}
                </>
              ) : null}
              {soon.length ? (
                <>
                  <h3>Vencen en los próximos 7 días ({soon.length})</h3>
                  {list(soon, 'due_soon')}
                </>
              ) : null}
            </>
          )
        }
      </Loaded>
    </section>
  );
}
