import type { FigureDifference, FigureValue, IndicatorStatus, IndicatorUnit, ReviewRoundDifferences, TrafficLight } from '../api/types';
import { useResource } from '../api/use-resource';
import { replaceQuery, useLocation } from '../router/router';
import { formatDate, formatIndicatorDelta, formatNumber, formatPercent, formatPoints, INDICATOR_STATUS_LABELS, STATUS_LABELS } from '../util/format';
import { EmptyState, LoadError, Loading } from './feedback';
import { ScrollTable } from './scroll-table';

/** Query parameters of the tab: compare with today's figures (`comparar=hoy`), list every figure (`todas=1`). */
const COMPARE_PARAM = 'comparar';
const ALL_PARAM = 'todas';

const FIGURE_LABELS: Record<string, string> = {
  participating: 'Participa',
  progress: 'Avance',
  validatedProgress: 'Avance validado',
  expected: 'Esperado',
  variance: 'Desviación',
  status: 'Situación',
  states: 'Entidades participantes',
  institutions: 'Instituciones',
  overdueItems: 'Actividades vencidas',
  includedItems: 'Actividades incluidas',
  completedItems: 'Actividades concluidas',
  dueItems: 'Actividades con término vencido',
  completedOnTimeItems: 'Concluidas en plazo',
  onTimeRate: 'Tasa en plazo',
  included: 'Incluida en el programa estatal',
  plannedStart: 'Inicio planeado',
  plannedDue: 'Término planeado',
  overdue: 'Vencida',
  completedOn: 'Fecha de conclusión',
  value: 'Valor',
};
const PERCENT_FIGURES = new Set(['progress', 'validatedProgress', 'expected', 'onTimeRate']);
const DATE_FIGURES = new Set(['plannedStart', 'plannedDue', 'completedOn']);

interface Context {
  stateName: (code: string) => string;
  activityName: (code: string) => string | null;
  indicators: Map<string, { name: string; unit: IndicatorUnit }>;
}

function showValue(d: FigureDifference, v: FigureValue, ctx: Context): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'Sí' : 'No';
  if (d.figure === 'status') {
    if (d.kind === 'indicator') return INDICATOR_STATUS_LABELS[v as IndicatorStatus] ?? String(v);
    return STATUS_LABELS[v as TrafficLight] ?? String(v);
  }
  if (typeof v === 'number') {
    if (d.kind === 'indicator') return ctx.indicators.get(d.indicatorCode ?? '')?.unit === 'percent' ? formatPercent(v) : formatNumber(v);
    if (d.figure === 'variance') return formatPoints(v);
    return PERCENT_FIGURES.has(d.figure) ? formatPercent(v) : formatNumber(v);
  }
  return DATE_FIGURES.has(d.figure) ? formatDate(v) : v;
}

function showDelta(d: FigureDifference, ctx: Context): string {
  if (d.delta === null) return d.changed ? 'Cambió' : '—';
  if (d.kind === 'indicator') return formatIndicatorDelta(d.delta, ctx.indicators.get(d.indicatorCode ?? '')?.unit ?? 'count');
  if (PERCENT_FIGURES.has(d.figure) || d.figure === 'variance') return formatPoints(d.delta);
  return formatIndicatorDelta(d.delta, 'count');
}

function subject(d: FigureDifference, ctx: Context): string {
  if (d.kind === 'item' && d.activityCode) {
    const name = ctx.activityName(d.activityCode);
    return `Actividad ${d.activityCode}${name ? ` ${name}` : ''}`;
  }
  if (d.kind === 'indicator' && d.indicatorCode) return `Indicador ${d.indicatorCode} ${ctx.indicators.get(d.indicatorCode)?.name ?? ''}`.trim();
  return d.scope === 'national' ? 'Cifras nacionales' : 'Cifras de la entidad';
}

/**
 * Frozen figures against the live ones: by default live as of the round's own date (what was corrected since:
 * late reports dated before it, reviews, re-plans), or as of today (how things moved on). Only what changed, or
 * every figure with its flag. The API compares; the page only shows.
 */
export function DifferencesView({ base, roundCode, frozenAsOf, ctx }: { base: string; roundCode: string; frozenAsOf: string; ctx: Context }) {
  const { query } = useLocation();
  const compareToday = query.get(COMPARE_PARAM) === 'hoy';
  const all = query.get(ALL_PARAM) === '1';
  // The API's today (its clock, the program's time zone), only when comparing with today.
  const today = useResource<{ asOf: string }>(compareToday ? `${base}/reporting-rounds` : null);
  const q = new URLSearchParams();
  if (compareToday && today.data) q.set('asOf', today.data.asOf);
  if (all) q.set('all', 'true');
  const ready = !compareToday || today.data !== undefined;
  const diffs = useResource<ReviewRoundDifferences>(ready ? `${base}/review-rounds/${encodeURIComponent(roundCode)}/differences${q.toString() ? `?${q.toString()}` : ''}` : null);
  const rows = diffs.data?.differences ?? [];

  return (
    <div data-testid="differences">
      <fieldset className="fieldset-plain compare-options">
        <legend>Comparar las cifras congeladas con las cifras actuales</legend>
        <div className="radio-row">
          <input type="radio" id="compare-round" name="compare" checked={!compareToday} onChange={() => replaceQuery({ [COMPARE_PARAM]: null })} />
          <label htmlFor="compare-round">a la misma fecha de corte ({formatDate(frozenAsOf)}): correcciones posteriores</label>
        </div>
        <div className="radio-row">
          <input type="radio" id="compare-today" name="compare" checked={compareToday} onChange={() => replaceQuery({ [COMPARE_PARAM]: 'hoy' })} />
          <label htmlFor="compare-today">a hoy: cómo han cambiado desde entonces</label>
        </div>
        <div className="radio-row">
          <input type="checkbox" id="compare-all" checked={all} onChange={(e) => replaceQuery({ [ALL_PARAM]: e.target.checked ? '1' : null })} />
          <label htmlFor="compare-all">Mostrar también las cifras que no cambiaron</label>
        </div>
      </fieldset>

      {diffs.error ? (
        <LoadError error={diffs.error} onRetry={diffs.reload} />
      ) : today.error ? (
        <LoadError error={today.error} onRetry={today.reload} />
      ) : !diffs.data ? (
        <Loading label="Comparando cifras…" />
      ) : (
        <>
          <p className="summary" role="status" data-testid="differences-summary">
            {diffs.data.changed === 0 ? 'Ninguna cifra cambió' : diffs.data.changed === 1 ? '1 cifra cambió' : `${diffs.data.changed} cifras cambiaron`} entre las cifras
            congeladas al {formatDate(diffs.data.frozenAsOf)} y las actuales calculadas al {formatDate(diffs.data.liveAsOf)}.
          </p>
          {rows.length === 0 ? (
            <EmptyState title="Sin diferencias: las cifras actuales coinciden con las congeladas." />
          ) : (
            <ScrollTable
              label="Diferencias entre cifras congeladas y actuales"
              testId="differences-table"
              columns={['Ámbito', 'Qué', 'Cifra', 'Congelada', 'Actual', 'Diferencia', all && '¿Cambió?']}
            >
              {rows.map((d, i) => (
                <tr
                  key={i}
                  className={d.changed ? 'row-changed' : undefined}
                  data-scope={d.scope}
                  data-kind={d.kind}
                  data-figure={d.figure}
                  data-activity={d.activityCode ?? undefined}
                  data-indicator={d.indicatorCode ?? undefined}
                >
                  <th scope="row">{d.scope === 'national' ? 'Nacional' : ctx.stateName(d.scope)}</th>
                  <td data-label="Qué">{subject(d, ctx)}</td>
                  <td data-label="Cifra">{FIGURE_LABELS[d.figure] ?? d.figure}</td>
                  <td data-label="Congelada" data-col="frozen">
                    {showValue(d, d.frozen, ctx)}
                  </td>
                  <td data-label="Actual" data-col="live">
                    {showValue(d, d.live, ctx)}
                  </td>
                  <td data-label="Diferencia" data-col="delta">
                    {showDelta(d, ctx)}
                  </td>
                  {all ? <td data-label="¿Cambió?">{d.changed ? <strong>Sí</strong> : 'No'}</td> : null}
                </tr>
              ))}
            </ScrollTable>
          )}
        </>
      )}
    </div>
  );
}
