import { Chart, type ChartConfiguration, type Plugin } from 'chart.js/auto';
import { useEffect, useRef } from 'react';
import type { DatedValue, IndicatorSeries, IndicatorUnit, ReportingRound, SnapshotPoint, TrafficLight } from '../api/types';
import { formatDate, formatIndicatorValue, formatMonth, formatPercent, STATUS_LABELS } from '../util/format';
import { STATUS_COLORS } from './progress-bits';

// Chart.js, bundled. Charts are drawn without animation (steady for screenshots and for people who prefer
// reduced motion); each one is described in text and comes with a table carrying the same numbers, because a
// canvas says nothing to a screen reader.

Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
Chart.defaults.color = '#4a5560';

/** Creates the chart when the canvas mounts and again whenever `deps` change; destroys it on unmount. */
function useChart(build: () => ChartConfiguration, deps: unknown[]) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const chart = new Chart(canvas, build());
    return () => chart.destroy();
    // `build` closes over the same values as `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return ref;
}

export interface StateBar {
  stateCode: string;
  name: string;
  progress: number;
  expected: number;
  status: TrafficLight;
}

const LABEL_COLUMN = 150;

/** A long official name shortened for an axis label: `Veracruz de Ignacio de la Llave` → `Veracruz`. */
export function axisName(name: string): string {
  return name.length > 16 && name.includes(' de ') ? name.slice(0, name.indexOf(' de ')) : name;
}

/**
 * Progress per state as horizontal bars, in the order given (the caller sorts), each bar in its traffic-light
 * colour, the expected value as a vertical black tick on the bar's row, and the figure and status written out
 * in a column on the right.
 */
export function StateProgressChart({ rows, title, testId }: { rows: StateBar[]; title: string; testId?: string }) {
  const key = JSON.stringify(rows);
  const ref = useChart(() => {
    const statusColumn: Plugin<'bar'> = {
      id: 'rumboStatusColumn',
      afterDatasetsDraw(chart) {
        const { ctx, chartArea } = chart;
        const meta = chart.getDatasetMeta(0);
        ctx.save();
        ctx.font = `600 12px ${Chart.defaults.font.family}`;
        ctx.textBaseline = 'middle';
        meta.data.forEach((bar, i) => {
          const r = rows[i];
          if (!r) return;
          ctx.fillStyle = '#1d2327';
          ctx.fillText(`${formatPercent(r.progress)} · ${STATUS_LABELS[r.status]}`, chartArea.right + 10, bar.y);
        });
        ctx.restore();
      },
    };
    const config: ChartConfiguration<'bar' | 'line'> = {
      type: 'bar',
      data: {
        labels: rows.map((r) => axisName(r.name)),
        datasets: [
          {
            type: 'bar',
            label: 'Avance',
            data: rows.map((r) => r.progress),
            backgroundColor: rows.map((r) => STATUS_COLORS[r.status]),
            borderColor: '#1d2327',
            borderWidth: 1,
            barPercentage: 0.75,
            categoryPercentage: 0.9,
            order: 2,
          },
          {
            type: 'line',
            label: 'Esperado',
            data: rows.map((r) => r.expected),
            showLine: false,
            pointStyle: 'line',
            pointRotation: 90,
            pointRadius: 11,
            pointHoverRadius: 12,
            pointBorderWidth: 3,
            borderColor: '#1d2327',
            backgroundColor: '#1d2327',
            order: 1,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { right: LABEL_COLUMN } },
        scales: {
          x: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` }, grid: { color: '#e6e9ec' } },
          y: { ticks: { color: '#1d2327', font: { size: 12 } }, grid: { display: false } },
        },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { title: (items) => rows[items[0]?.dataIndex ?? 0]?.name ?? '', label: (c) => `${c.dataset.label}: ${formatPercent(c.parsed.x)}` } },
        },
      },
      plugins: [statusColumn as Plugin<'bar' | 'line'>],
    };
    return config as ChartConfiguration;
  }, [key]);

  const height = Math.max(120, rows.length * 30 + 50);
  const summary = rows.map((r) => `${r.name}: ${formatPercent(r.progress)}, esperado ${formatPercent(r.expected)}, ${STATUS_LABELS[r.status]}`).join('; ');
  return (
    <div className="chart-box" style={{ height }}>
      <canvas ref={ref} role="img" aria-label={`${title}. ${summary}.`} data-testid={testId} data-order={rows.map((r) => r.stateCode).join(',')}>
        {summary}
      </canvas>
    </div>
  );
}

/** A series of dated figures as lines: progress (solid), validated (dashed) and expected (dotted). */
export function TrendChart({ points, title, testId }: { points: SnapshotPoint[]; title: string; testId?: string }) {
  const key = JSON.stringify(points);
  const ref = useChart(() => {
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: points.map((p) => formatDate(p.date)),
        datasets: [
          { label: 'Avance', data: points.map((p) => p.progress), borderColor: '#0b5d57', backgroundColor: '#0b5d57', borderWidth: 3, pointRadius: points.length > 40 ? 0 : 3, pointStyle: 'circle', spanGaps: true },
          { label: 'Avance validado', data: points.map((p) => p.validatedProgress), borderColor: '#2b5fa8', backgroundColor: '#2b5fa8', borderWidth: 2, borderDash: [8, 4], pointRadius: points.length > 40 ? 0 : 3, pointStyle: 'rect', spanGaps: true },
          { label: 'Esperado', data: points.map((p) => p.expected), borderColor: '#6f4e00', backgroundColor: '#6f4e00', borderWidth: 2, borderDash: [2, 3], pointRadius: points.length > 40 ? 0 : 3, pointStyle: 'triangle', spanGaps: true },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          y: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` }, grid: { color: '#e6e9ec' } },
          x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8 }, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, color: '#1d2327' } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatPercent(c.parsed.y)}` } },
        },
      },
    };
    return config as ChartConfiguration;
  }, [key]);
  const first = points[0];
  const last = points[points.length - 1];
  const summary = last
    ? `${points.length} cortes, del ${formatDate(first.date)} al ${formatDate(last.date)}. Último corte: avance ${formatPercent(last.progress)}, validado ${formatPercent(last.validatedProgress)}, esperado ${formatPercent(last.expected)}`
    : 'Sin datos';
  return (
    <div className="chart-box" style={{ height: 280 }}>
      <canvas ref={ref} role="img" aria-label={`${title}. ${summary}.`} data-testid={testId}>
        {summary}
      </canvas>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Indicators against their targets

const DAY_MS = 86_400_000;
/** `2025-03-31` → days since 1970-01-01 (a linear time axis without a date adapter). */
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const dayIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** First-of-month ticks between two day numbers, thinned to at most `maxLabels` labels (never fewer than 2). */
function monthTicks(min: number, max: number, maxLabels: number): { value: number }[] {
  const start = new Date(min * DAY_MS);
  const months: number[] = [];
  for (let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + (start.getUTCDate() === 1 ? 0 : 1), 1)); d.getTime() <= max * DAY_MS; d.setUTCMonth(d.getUTCMonth() + 1)) {
    months.push(Math.round(d.getTime() / DAY_MS));
  }
  const limit = Math.max(2, maxLabels);
  const step = [1, 2, 3, 6, 12, 24].find((n) => months.length / n <= limit) ?? 48;
  return months.filter((_, i) => i % step === 0).map((value) => ({ value }));
}

const SERIES_COLOR = '#0b5d57';
const TARGET_COLOR = '#9d2449';
const PATH_COLOR = '#6f4e00';

/** The line from baseline to target is drawn only when both are dated (the API's straight-line expectation). */
export function targetPath(baseline: DatedValue | null, target: DatedValue | null): { from: DatedValue & { date: string }; to: DatedValue & { date: string } } | null {
  if (!baseline?.date || !target?.date || baseline.date >= target.date) return null;
  return { from: { value: baseline.value, date: baseline.date }, to: { value: target.value, date: target.date } };
}

/**
 * One indicator over time as a line (points from a daily snapshot drawn as circles, computed ones as diamonds),
 * the target as a dashed horizontal line, and, when baseline and target are dated, the straight line from one
 * to the other that the status is judged against (dotted). The caller shows the same points in a table.
 */
export function IndicatorChart({ series, unit, target, name, testId }: { series: IndicatorSeries; unit: IndicatorUnit; target: DatedValue | null; name: string; testId?: string }) {
  const key = JSON.stringify([series, target, unit]);
  const path = targetPath(series.baseline, target);
  const points = series.points;
  const xs = [dayNumber(series.from), dayNumber(series.to), ...points.map((p) => dayNumber(p.date))];
  if (path) xs.push(dayNumber(path.from.date), dayNumber(path.to.date));
  if (target?.date) xs.push(dayNumber(target.date));
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const ref = useChart(() => {
    const datasets: ChartConfiguration<'line'>['data']['datasets'] = [
      {
        label: 'Valor',
        data: points.map((p) => ({ x: dayNumber(p.date), y: p.value })) as never,
        borderColor: SERIES_COLOR,
        backgroundColor: SERIES_COLOR,
        borderWidth: 3,
        pointStyle: points.map((p) => (p.source === 'snapshot' ? 'circle' : 'rectRot')),
        pointRadius: points.length > 60 ? 2 : 4,
        spanGaps: true,
      },
    ];
    if (target) {
      datasets.push({
        label: `Meta (${formatIndicatorValue(target.value, unit)}${target.date ? ` al ${formatDate(target.date)}` : ', cada periodo'})`,
        data: [
          { x: minX, y: target.value },
          { x: maxX, y: target.value },
        ] as never,
        borderColor: TARGET_COLOR,
        backgroundColor: TARGET_COLOR,
        borderWidth: 2,
        borderDash: [10, 5],
        pointRadius: 0,
        pointStyle: 'line',
      });
    }
    if (path) {
      datasets.push({
        label: 'Trayectoria de la línea base a la meta',
        data: [
          { x: dayNumber(path.from.date), y: path.from.value },
          { x: dayNumber(path.to.date), y: path.to.value },
        ] as never,
        borderColor: PATH_COLOR,
        backgroundColor: PATH_COLOR,
        borderWidth: 2,
        borderDash: [2, 4],
        pointRadius: 3,
        pointStyle: 'triangle',
      });
    }
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: {
            type: 'linear',
            min: minX,
            max: maxX,
            // A label needs about 56 px ("sep 25" and a gap): fewer months on a phone.
            afterBuildTicks: (axis) => {
              axis.ticks = monthTicks(minX, maxX, Math.min(8, Math.floor((axis.width || 480) / 56)));
            },
            ticks: { callback: (v) => formatMonth(new Date(Number(v) * DAY_MS)), maxRotation: 0, autoSkip: false },
            grid: { color: '#eef0f2' },
          },
          y: unit === 'percent' ? { min: 0, max: 100, ticks: { callback: (v) => `${v} %` }, grid: { color: '#e6e9ec' } } : { beginAtZero: true, ticks: { precision: 0 }, grid: { color: '#e6e9ec' } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, color: '#1d2327', boxWidth: 28 } },
          tooltip: {
            callbacks: {
              title: (items) => formatDate(dayIso(Number(items[0]?.parsed.x ?? 0))),
              label: (c) => {
                const source = c.datasetIndex === 0 ? (points[c.dataIndex]?.source === 'snapshot' ? ' (corte diario)' : ' (calculado)') : '';
                return `${c.dataset.label}: ${formatIndicatorValue(c.parsed.y, unit)}${source}`;
              },
            },
          },
        },
      },
    };
    return config as ChartConfiguration;
  }, [key]);

  const last = [...points].reverse().find((p) => p.value !== null);
  const summary = [
    points.length ? `${points.length} puntos del ${formatDate(points[0].date)} al ${formatDate(points[points.length - 1].date)}` : 'Sin puntos',
    last ? `último valor ${formatIndicatorValue(last.value, unit)} (${formatDate(last.date)})` : null,
    target ? `meta ${formatIndicatorValue(target.value, unit)}${target.date ? ` al ${formatDate(target.date)}` : ' en cada periodo'}` : 'sin meta',
    path ? `trayectoria desde ${formatIndicatorValue(path.from.value, unit)} el ${formatDate(path.from.date)}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <div className="chart-box" style={{ height: 240 }}>
      <canvas ref={ref} role="img" aria-label={`Gráfica de líneas de ${name}. ${summary}.`} data-testid={testId}>
        {summary}
      </canvas>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// Reporting rounds

/** Diagonal stripes on a colour, so two series of bars differ by more than their colour. */
function stripes(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const ctx = tile.getContext('2d');
  if (!ctx) return color;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, 8, 8);
  ctx.strokeStyle = color;
  ctx.lineWidth = 3;
  ctx.beginPath();
  ctx.moveTo(-2, 10);
  ctx.lineTo(10, -2);
  ctx.moveTo(-2, 2);
  ctx.lineTo(2, -2);
  ctx.moveTo(6, 10);
  ctx.lineTo(10, 6);
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? color;
}

/** Completeness (solid bars) and timeliness (striped bars) of each reporting round, in percent. */
export function RoundsChart({ rounds, title, testId }: { rounds: ReportingRound[]; title: string; testId?: string }) {
  const key = JSON.stringify(rounds);
  const ref = useChart(() => {
    const config: ChartConfiguration<'bar'> = {
      type: 'bar',
      data: {
        labels: rounds.map((r) => r.code),
        datasets: [
          { label: 'Completitud (entregadas)', data: rounds.map((r) => r.completeness), backgroundColor: '#2b5fa8', borderColor: '#1d2327', borderWidth: 1 },
          { label: 'Puntualidad (a tiempo)', data: rounds.map((r) => r.timeliness), backgroundColor: stripes('#0b5d57'), borderColor: '#0b5d57', borderWidth: 2 },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: { min: 0, max: 100, ticks: { callback: (v) => `${v} %` }, grid: { color: '#e6e9ec' } },
          x: { grid: { display: false }, ticks: { color: '#1d2327' } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { color: '#1d2327' } },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${formatPercent(c.parsed.y)}` } },
        },
      },
    };
    return config as ChartConfiguration;
  }, [key]);
  const summary = rounds.map((r) => `${r.code}: completitud ${formatPercent(r.completeness)}, puntualidad ${formatPercent(r.timeliness)}`).join('; ');
  return (
    <div className="chart-box" style={{ height: 260 }}>
      <canvas ref={ref} role="img" aria-label={`${title}. ${summary || 'Sin rondas'}.`} data-testid={testId}>
        {summary}
      </canvas>
    </div>
  );
}
