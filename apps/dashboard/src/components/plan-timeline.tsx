import type { PlanItem } from '../api/types';
import { daysBetween, formatDate, formatMonth, parseDate, toIsoDate } from '../util/format';

interface Props {
  items: PlanItem[];
  phaseNames: Map<number, string>;
  today: string;
}

// SVG geometry (viewBox units; the SVG scales to the container and scrolls sideways on a phone).
const LABEL_W = 250;
const CHART_W = 730;
const WIDTH = LABEL_W + CHART_W + 20;
const AXIS_H = 34;
const ROW_H = 26;
const PHASE_H = 24;
const BAR_H = 12;

/**
 * The state plan as a Gantt chart: planned window per activity, the original window as a dashed outline when
 * re-planned, excluded items hatched in grey, and today's line. Every mark also has a text label, so colour
 * is never the only signal; the table below carries the same data for screen readers.
 */
export function PlanTimeline({ items, phaseNames, today }: Props) {
  if (items.length === 0) return null;
  const dates = items.flatMap((i) => [i.plannedStart, i.plannedDue, i.originalStart, i.originalDue]).filter(Boolean).sort();
  const first = parseDate(dates[0]);
  const last = parseDate(dates[dates.length - 1]);
  const from = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
  const to = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1));
  const fromIso = toIsoDate(from);
  const span = Math.max(1, daysBetween(fromIso, toIsoDate(to)));
  const x = (iso: string) => LABEL_W + (daysBetween(fromIso, iso) / span) * CHART_W;

  const months: Date[] = [];
  for (let d = new Date(from); d < to; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) months.push(d);
  const labelEvery = months.length > 24 ? 3 : months.length > 12 ? 2 : 1;

  // Rows: a heading row per phase, then its items in plan order.
  type Row = { kind: 'phase'; label: string } | { kind: 'item'; item: PlanItem };
  const rows: Row[] = [];
  let currentPhase: number | null = null;
  for (const item of items) {
    const n = item.phase;
    if (n !== currentPhase) {
      currentPhase = n;
      rows.push({ kind: 'phase', label: `Fase ${n}${phaseNames.get(n) ? ` · ${phaseNames.get(n)}` : ''}` });
    }
    rows.push({ kind: 'item', item });
  }
  let y = AXIS_H;
  const placed = rows.map((r) => {
    const top = y;
    y += r.kind === 'phase' ? PHASE_H : ROW_H;
    return { ...r, top };
  });
  const height = y + 8;
  const showToday = today >= fromIso && today <= toIsoDate(to);
  const excluded = items.filter((i) => !i.included).length;
  const replanned = items.filter((i) => i.replanned).length;

  return (
    <figure className="timeline">
      <div className="timeline-scroll" role="region" aria-label="Cronograma (se desplaza horizontalmente)" tabIndex={0}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-labelledby="timeline-title timeline-desc" data-testid="plan-timeline">
          <title id="timeline-title">Cronograma del programa estatal</title>
          <desc id="timeline-desc">
            {`${items.length} actividades entre ${formatDate(dates[0])} y ${formatDate(dates[dates.length - 1])}; ${replanned} re-planificadas y ${excluded} excluidas. La tabla de actividades contiene los mismos datos.`}
          </desc>
          <defs>
            <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" className="hatch-bg" />
              <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
            </pattern>
          </defs>

          {months.map((m, i) => {
            const mx = x(toIsoDate(m));
            return (
              <g key={i}>
                <line x1={mx} y1={AXIS_H - 6} x2={mx} y2={height - 8} className="grid-line" />
                {i % labelEvery === 0 ? (
                  <text x={mx + 3} y={AXIS_H - 12} className="axis-label">
                    {formatMonth(m)}
                  </text>
                ) : null}
              </g>
            );
          })}

          {placed.map((r, i) => {
            if (r.kind === 'phase') {
              return (
                <text key={i} x={4} y={r.top + PHASE_H - 7} className="phase-label">
                  {r.label}
                </text>
              );
            }
            const it = r.item;
            const cy = r.top + ROW_H / 2;
            const px1 = x(it.plannedStart);
            const px2 = Math.max(x(it.plannedDue), px1 + 2);
            const notes = [it.included ? null : 'excluida', it.replanned ? 're-planificada' : null].filter(Boolean).join(', ');
            const noteRight = px2 + 6 + notes.length * 6.2 < WIDTH;
            const label = `${it.activityCode} ${it.activityName}`;
            return (
              <g key={i} className={`row${it.included ? '' : ' row-excluded'}`} data-activity={it.activityCode}>
                <title>{`${label}: ${formatDate(it.plannedStart)} – ${formatDate(it.plannedDue)}${notes ? ` (${notes})` : ''}`}</title>
                <text x={12} y={cy + 4} className="item-label">
                  {label.length > 36 ? `${label.slice(0, 35)}…` : label}
                </text>
                {it.replanned ? (
                  <rect x={x(it.originalStart)} y={cy - BAR_H / 2 - 3} width={Math.max(x(it.originalDue) - x(it.originalStart), 2)} height={BAR_H + 6} className="bar-original" rx={2} />
                ) : null}
                <rect x={px1} y={cy - BAR_H / 2} width={px2 - px1} height={BAR_H} rx={2} className={it.included ? 'bar-planned' : 'bar-excluded'} fill={it.included ? undefined : 'url(#hatch)'} />
                {notes ? (
                  <text x={noteRight ? px2 + 6 : px1 - 6} y={cy + 4} textAnchor={noteRight ? 'start' : 'end'} className="bar-note">
                    {notes}
                  </text>
                ) : null}
              </g>
            );
          })}

          {showToday ? (
            <g className="today" data-testid="today-line">
              <line x1={x(today)} y1={AXIS_H - 4} x2={x(today)} y2={height - 8} className="today-line" />
              <text x={x(today) + 4} y={AXIS_H + 8} className="today-label">
                Hoy
              </text>
            </g>
          ) : null}
        </svg>
      </div>
      <figcaption>
        <ul className="legend" aria-label="Leyenda">
          <li>
            <span className="swatch swatch-planned" aria-hidden="true" /> Ventana planificada
          </li>
          <li>
            <span className="swatch swatch-original" aria-hidden="true" /> Ventana original (contorno punteado; la actividad dice «re-planificada»)
          </li>
          <li>
            <span className="swatch swatch-excluded" aria-hidden="true" /> Excluida del programa estatal (rayado gris; dice «excluida»)
          </li>
          <li>
            <span className="swatch swatch-today" aria-hidden="true" /> Hoy, {formatDate(today)}
            {showToday ? '' : ' (fuera del periodo mostrado)'}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
