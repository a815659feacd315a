import type { ReactNode } from 'react';
import type { IndicatorStatus, TrafficLight } from '../api/types';
import { formatPercent, INDICATOR_STATUS_LABELS, STATUS_LABELS } from '../util/format';
import { SymbolTag } from './symbol-tag';

/** Bar and map fills per traffic light (the text label always goes with them). */
export const STATUS_COLORS: Record<TrafficLight, string> = {
  completed: '#2b5fa8',
  on_track: '#2f7d46',
  at_risk: '#d99a1e',
  off_track: '#c0392b',
};

/** A shape per traffic light, so the tag reads without colour too. */
const STATUS_SYMBOLS: Record<TrafficLight, string> = {
  completed: '✔',
  on_track: '●',
  at_risk: '▲',
  off_track: '✖',
};

export function StatusTag({ status, label }: { status: TrafficLight | null | undefined; label?: string }) {
  if (!status) return <span className="tag tag-muted">Sin datos</span>;
  return (
    <SymbolTag className={`status-tag status-${status}`} status={status} symbol={STATUS_SYMBOLS[status]}>
      {label ?? STATUS_LABELS[status]}
    </SymbolTag>
  );
}

/** A headline figure: label, big value, a line of detail. */
export function Figure({ label, value, detail, testId }: { label: string; value: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <dt className="figure-label">{label}</dt>
      <dd className="figure-value" data-value>
        {value}
      </dd>
      {detail ? <dd className="figure-detail">{detail}</dd> : null}
    </div>
  );
}

/**
 * Progress as a small horizontal bar with the expected value marked by a vertical line; the numbers are
 * written next to it, so the bar is decoration for sighted users and the text carries the meaning.
 */
export function ProgressMeter({ progress, expected, status }: { progress: number | null; expected?: number | null; status?: TrafficLight | null }) {
  const p = Math.max(0, Math.min(100, progress ?? 0));
  const e = expected === null || expected === undefined ? null : Math.max(0, Math.min(100, expected));
  return (
    <span className="meter" aria-hidden="true">
      <span className="meter-fill" style={{ width: `${p}%`, background: status ? STATUS_COLORS[status] : undefined }} />
      {e !== null ? <span className="meter-expected" style={{ left: `${e}%` }} /> : null}
    </span>
  );
}

/** `42.5 % (esperado 50.0 %)` with a meter before it. */
export function ProgressCell({ progress, expected, status }: { progress: number | null; expected?: number | null; status?: TrafficLight | null }) {
  return (
    <span className="progress-cell">
      <ProgressMeter progress={progress} expected={expected} status={status} />
      <span className="progress-text">{formatPercent(progress)}</span>
    </span>
  );
}

export function StatusLegend({ withExpected = true }: { withExpected?: boolean }) {
  return (
    <ul className="legend" aria-label="Leyenda del semáforo">
      {(Object.keys(STATUS_LABELS) as TrafficLight[]).map((s) => (
        <li key={s}>
          <span className={`swatch swatch-status swatch-${s}`} aria-hidden="true" /> <StatusTag status={s} />
        </li>
      ))}
      {withExpected ? (
        <li>
          <span className="swatch swatch-expected" aria-hidden="true" /> Avance esperado a la fecha
        </li>
      ) : null}
    </ul>
  );
}

/** A shape per indicator status, so the tag reads without colour too. */
export const INDICATOR_STATUS_SYMBOLS: Record<IndicatorStatus, string> = {
  met: '✔',
  on_track: '●',
  behind: '▼',
};

/**
 * How an indicator stands against its target, in words with a symbol. No status has two causes: no target in
 * this scope (nothing to judge against), or a target but no value yet (a share of nothing, e.g. no institution
 * registered or no reporting round due).
 */
export function IndicatorStatusTag({ status, hasTarget = false }: { status: IndicatorStatus | null | undefined; hasTarget?: boolean }) {
  if (!status) {
    return (
      <SymbolTag className="tag-muted" status="none" symbol="–">
        {hasTarget ? 'Sin valor a la fecha' : 'Sin meta'}
      </SymbolTag>
    );
  }
  return (
    <SymbolTag className={`status-tag indicator-status-${status}`} status={status} symbol={INDICATOR_STATUS_SYMBOLS[status]}>
      {INDICATOR_STATUS_LABELS[status]}
    </SymbolTag>
  );
}

export function IndicatorStatusLegend() {
  return (
    <ul className="legend" aria-label="Leyenda de la situación de los indicadores">
      {(Object.keys(INDICATOR_STATUS_LABELS) as IndicatorStatus[]).map((s) => (
        <li key={s}>
          <IndicatorStatusTag status={s} />
        </li>
      ))}
      <li>
        <IndicatorStatusTag status={null} />
      </li>
    </ul>
  );
}
