import { useMemo } from 'react';
import { asList } from '../api/client';
import type { DatedValue, IndicatorFigure, IndicatorList, IndicatorSeries, IndicatorStatus, Participation, StateInfo } from '../api/types';
import { useResource } from '../api/use-resource';
import { AsOfPicker, useApiToday, useAsOf, withAsOf } from '../components/as-of-picker';
import { IndicatorChart, targetPath } from '../components/charts';
import { EmptyState } from '../components/feedback';
import { Loaded } from '../components/loaded';
import { IndicatorStatusLegend, IndicatorStatusTag, ProgressMeter } from '../components/progress-bits';
import { DataTable } from '../components/scroll-table';
import { replaceQuery, useLocation } from '../router/router';
import { formatDate, formatIndicatorValue, formatPercent, INDICATOR_STATUS_LABELS } from '../util/format';
import { useDocumentTitle } from '../util/use-title';
import type { PageProps } from './registry';
import { ExportButtons } from '../components/export-buttons';

/** The query parameter that carries the scope: `nacional` (default) or a state code. */
export const SCOPE_PARAM = 'ambito';
const NATIONAL = 'nacional';

/**
 * Indicators against their targets (the commission's view; every role may read it, a state officer for the
 * nation and its own state): one card per indicator with value, target, baseline, expected value, achievement and
 * status in words, and its series as a line chart with the target line and the straight line from baseline to
 * target. Scope (national or one participating state) and date (`?fecha=`) live in the URL. Every figure is the
 * API's; the page computes none.
 */
export function IndicatorsPage({ params, user }: PageProps) {
  const { programCode } = params;
  const base = `/programs/${encodeURIComponent(programCode)}`;
  const { query } = useLocation();
  const asOf = useAsOf();
  useDocumentTitle('Indicadores y metas');

  const participations = useResource<Participation[]>(`${base}/states`, (raw) => asList<Participation>(raw));
  const states = useResource<StateInfo[]>('/states', (raw) => asList<StateInfo>(raw));
  const stateNames = useMemo(() => new Map((states.data ?? []).map((s) => [s.code, s.name])), [states.data]);
  const nameOf = (code: string) => participations.data?.find((p) => p.stateCode === code)?.stateName ?? stateNames.get(code) ?? `Entidad ${code}`;

  // A state officer reads the nation and its own state here; everyone else any participating state.
  const allowedStates = useMemo(() => {
    const codes = (participations.data ?? []).map((p) => p.stateCode);
    return user.role === 'state_officer' ? codes.filter((c) => c === user.stateCode) : codes;
  }, [participations.data, user]);
  const asked = query.get(SCOPE_PARAM);
  const refused = asked !== null && asked !== NATIONAL && user.role === 'state_officer' && asked !== user.stateCode;
  const stateCode = asked && asked !== NATIONAL && !refused ? asked : null;

  const listPath = withAsOf(`${base}/indicators${stateCode ? `?stateCode=${encodeURIComponent(stateCode)}` : ''}`, asOf);
  const list = useResource<IndicatorList>(listPath);
  const shownAsOf = list.data?.asOf ?? null;
  const today = useApiToday(programCode, shownAsOf);
  const earliestJoin = useMemo(() => (participations.data ?? []).map((p) => p.joinedOn).sort()[0] ?? null, [participations.data]);

  const scopeName = stateCode ? nameOf(stateCode) : 'Nacional';
  const indicators = list.data?.indicators ?? [];
  const counts = countByStatus(indicators);

  return (
    <>
      <div className="page-heading">
        <h1>Indicadores y metas</h1>
        <p className="lead">Cada indicador del programa frente a su meta: valor, línea base, lo esperado a la fecha y su evolución.</p>
      </div>

      <div className="toolbar">
        <div className="as-of-field scope-field">
          <label htmlFor="scope-select">Ámbito</label>
          <select
            id="scope-select"
            value={stateCode ?? NATIONAL}
            onChange={(e) => replaceQuery({ [SCOPE_PARAM]: e.target.value === NATIONAL ? null : e.target.value })}
            disabled={!participations.data}
          >
            <option value={NATIONAL}>Nacional</option>
            {[...allowedStates]
              .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'es'))
              .map((code) => (
                <option key={code} value={code}>
                  {nameOf(code)}
                </option>
              ))}
          </select>
        </div>
        <AsOfPicker shownAsOf={shownAsOf} today={today} />
      </div>

      {refused ? <p className="notice notice-warning">Solo puede consultar aquí los indicadores nacionales y los de su entidad; se muestran los nacionales.</p> : null}

      <section aria-labelledby="indicators-title" className="panel" data-testid="indicators">
        <h2 id="indicators-title">
          {scopeName}
          {shownAsOf ? ` · cifras al ${formatDate(shownAsOf)}` : ''}
        </h2>
        <ExportButtons path={`${base}/indicators/export`} query={{ asOf: shownAsOf ?? undefined, stateCode: stateCode ?? undefined }} formats={['xlsx', 'csv']} what="indicadores" testId="export-indicators" />
        <Loaded resource={list} loadingLabel="Calculando indicadores…" notFound={stateCode ? 'Esta entidad no participa en el programa.' : 'No se encontró este programa.'}>
          {(data) =>
            indicators.length === 0 ? (
              <EmptyState title="El programa no define indicadores." />
            ) : (
              <>
                {data.participating === false ? (
                  <p className="notice notice-info">La entidad no participaba en el programa en esa fecha: sus cifras se muestran solo como referencia.</p>
                ) : null}
                <p className="summary" data-testid="indicators-summary">
                  {indicators.length} indicadores: {counts.met} con la meta alcanzada, {counts.on_track} en trayectoria, {counts.behind} por debajo de lo esperado
                  {counts.none ? `, ${counts.none} sin meta en este ámbito` : ''}.
                </p>
                <IndicatorStatusLegend />
                <ul className="indicator-grid">
                  {indicators.map((f) => (
                    <li key={f.code}>
                      <IndicatorCard figure={f} base={base} stateCode={stateCode} asOf={data.asOf} from={earliestJoin} />
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </Loaded>
      </section>
    </>
  );
}

function countByStatus(list: IndicatorFigure[]): Record<IndicatorStatus | 'none', number> {
  const out = { met: 0, on_track: 0, behind: 0, none: 0 };
  for (const f of list) out[f.status ?? 'none'] += 1;
  return out;
}

/** A target: `11 al 31 dic 2025`, or `80.0 % en cada periodo` when undated. */
function targetText(v: DatedValue, unit: IndicatorFigure['unit']): string {
  return `${formatIndicatorValue(v.value, unit)}${v.date ? ` al ${formatDate(v.date)}` : ' en cada periodo'}`;
}

/** A baseline: `0 (1 dic 2024)`, or `0 (sin fecha)`. */
function baselineText(v: DatedValue, unit: IndicatorFigure['unit']): string {
  return `${formatIndicatorValue(v.value, unit)} (${v.date ? formatDate(v.date) : 'sin fecha'})`;
}

function IndicatorCard({ figure: f, base, stateCode, asOf, from }: { figure: IndicatorFigure; base: string; stateCode: string | null; asOf: string; from: string | null }) {
  const titleId = `indicator-${f.code}-title`;
  const q = new URLSearchParams({ to: asOf });
  if (from) q.set('from', from < asOf ? from : asOf);
  if (stateCode) q.set('stateCode', stateCode);
  const series = useResource<IndicatorSeries>(`${base}/indicators/${encodeURIComponent(f.code)}/series?${q.toString()}`);
  const path = targetPath(f.baseline, f.target);

  return (
    <article className={`card indicator-card indicator-${f.status ?? 'none'}`} aria-labelledby={titleId} data-indicator={f.code} data-testid="indicator-card">
      <div className="indicator-head">
        <h3 id={titleId} className="card-title">
          <span className="indicator-code">{f.code}</span> {f.name}
        </h3>
        <span data-col="status">
          <IndicatorStatusTag status={f.status} hasTarget={Boolean(f.target)} />
        </span>
      </div>
      {f.definition ? <p className="hint">{f.definition}</p> : null}
      <dl className="indicator-figures">
        <div className="indicator-value">
          <dt>Valor</dt>
          <dd data-col="value">{formatIndicatorValue(f.value, f.unit)}</dd>
        </div>
        <div>
          <dt>Meta</dt>
          <dd data-col="target">{f.target ? targetText(f.target, f.unit) : 'Sin meta en este ámbito'}</dd>
        </div>
        <div>
          <dt>Esperado a la fecha</dt>
          <dd data-col="expected">{formatIndicatorValue(f.expectedNow, f.unit)}</dd>
        </div>
        <div>
          <dt>Línea base</dt>
          <dd data-col="baseline">{f.baseline ? baselineText(f.baseline, f.unit) : 'Sin línea base'}</dd>
        </div>
        <div>
          <dt>Avance hacia la meta</dt>
          <dd data-col="achievement" className="progress-cell">
            {f.achievement !== null ? <ProgressMeter progress={f.achievement} /> : null}
            <span>{formatPercent(f.achievement)}</span>
          </dd>
        </div>
      </dl>
      <p className="hint indicator-reading">
        {f.status ? `${INDICATOR_STATUS_LABELS[f.status]}: ${describeStatus(f)}` : f.target ? 'Sin valor a la fecha: aún no hay con qué calcularlo.' : 'Sin meta en este ámbito: el valor no se juzga.'}
        {f.direction === 'down' ? ' Para este indicador, un valor menor es mejor.' : ''}
      </p>
      <Loaded resource={series} loadingLabel="Cargando la serie…">
        {(s) =>
          s.points.length === 0 ? (
            <EmptyState title="Aún no hay puntos en la serie." />
          ) : (
            <>
              <IndicatorChart series={s} unit={f.unit} target={f.target} name={`${f.code} ${f.name}`} testId={`indicator-chart-${f.code}`} />
              <p className="hint">
                Puntos: círculo <span aria-hidden="true">●</span>, tomado del corte diario de esa fecha; rombo <span aria-hidden="true">◆</span>, calculado a esa fecha
                con los datos actuales.
                {path ? '' : f.target ? ' La meta no tiene fecha (o no hay línea base fechada): no se traza la trayectoria.' : ''}
              </p>
              <details className="explain">
                <summary>Ver los datos de la serie</summary>
                <div className="explain-body table-scroll">
                  <DataTable className="data-table compact" testId={`indicator-series-${f.code}`} caption={`Serie de ${f.name}`} columns={['Fecha', 'Valor', 'Origen']}>
                    {s.points.map((p) => (
                      <tr key={p.date}>
                        <th scope="row">
                          <time dateTime={p.date}>{formatDate(p.date)}</time>
                        </th>
                        <td>{formatIndicatorValue(p.value, f.unit)}</td>
                        <td>{p.source === 'snapshot' ? '● Corte diario' : '◆ Calculado'}</td>
                      </tr>
                    ))}
                  </DataTable>
                </div>
              </details>
            </>
          )
        }
      </Loaded>
    </article>
  );
}

function describeStatus(f: IndicatorFigure): string {
  const v = formatIndicatorValue(f.value, f.unit);
  const t = formatIndicatorValue(f.target?.value, f.unit);
  if (f.status === 'met') return `${v} alcanza la meta de ${t}.`;
  if (f.status === 'on_track') return `${v} va conforme a lo esperado a la fecha (${formatIndicatorValue(f.expectedNow, f.unit)}) rumbo a la meta de ${t}.`;
  return `${v} no alcanza lo esperado a la fecha (${formatIndicatorValue(f.expectedNow, f.unit)}) rumbo a la meta de ${t}.`;
}
