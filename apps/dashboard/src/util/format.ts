import type { FindingType, GovernmentOrder, IndicatorStatus, IndicatorUnit, PipelineStage, ReplanRequestStatus, ReportStatus, ReviewRoundStatus, ReviewState, Role, TrafficLight } from '../api/types';

export const PIPELINE_STAGE_LABELS: Record<PipelineStage, string> = {
  candidate: 'Candidata',
  interested: 'Manifestó interés',
  convened: 'Convocada',
  joined: 'Adherida',
  declined: 'Declinó',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administración',
  coordinator: 'Coordinación nacional',
  reviewer: 'Comisión revisora',
  state_officer: 'Autoridad estatal',
};

export const ORDER_LABELS: Record<GovernmentOrder, string> = {
  federal: 'Federal',
  state: 'Estatal',
  municipal: 'Municipal',
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  not_started: 'No iniciada',
  in_progress: 'En proceso',
  completed: 'Concluida',
  blocked: 'Bloqueada',
};

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  submitted: 'Pendiente de revisión',
  accepted: 'Aceptado',
  returned: 'Devuelto',
};

/** Traffic light (semáforo) of a state, phase or activity: always written out, never colour alone. */
export const STATUS_LABELS: Record<TrafficLight, string> = {
  completed: 'Concluida',
  on_track: 'En tiempo',
  at_risk: 'En riesgo',
  off_track: 'Rezagada',
};

/** The same, for a count of states other than one: `2 rezagadas`. */
export const STATUS_LABELS_PLURAL: Record<TrafficLight, string> = {
  completed: 'concluidas',
  on_track: 'en tiempo',
  at_risk: 'en riesgo',
  off_track: 'rezagadas',
};

/** How an indicator stands against its target: always written out (with a symbol), never colour alone. */
export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  met: 'Meta alcanzada',
  on_track: 'En trayectoria',
  behind: 'Por debajo de lo esperado',
};

export const FINDING_TYPE_LABELS: Record<FindingType, string> = {
  data_error: 'Error en los datos',
  missing_evidence: 'Falta de evidencia',
  delay: 'Retraso',
  other: 'Otra',
};

/** A re-plan request (a state officer's later due date) and the coordination's decision on it. */
export const REPLAN_REQUEST_STATUS_LABELS: Record<ReplanRequestStatus, string> = {
  pending: 'Pendiente de aprobación',
  approved: 'Aprobada',
  rejected: 'Rechazada',
};

export const REVIEW_ROUND_STATUS_LABELS: Record<ReviewRoundStatus, string> = {
  open: 'Abierta',
  closed: 'Cerrada',
};

/** Order used for legends and sorting ties: best first. */
export const TRAFFIC_LIGHTS: TrafficLight[] = ['completed', 'on_track', 'at_risk', 'off_track'];

const ONE_DECIMAL = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 0 });
const UP_TO_TWO = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 2 });

/** `42.5` → `42.5 %`; null → `—`. The API already rounded to one decimal. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : `${ONE_DECIMAL.format(value)} %`;
}

/** Schedule variance in percentage points with its sign: `−12.5 pp`, `+3.0 pp`. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${ONE_DECIMAL.format(Math.abs(value))} pp`;
}

export function formatNumber(value: number | null | undefined, decimals: 'integer' | 'auto' = 'auto'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return (decimals === 'integer' ? INTEGER : UP_TO_TWO).format(value);
}

/** An indicator's figure in its unit: `42.5 %` for percentages, `1,250` for counts; null → `—`. */
export function formatIndicatorValue(value: number | null | undefined, unit: IndicatorUnit): string {
  return unit === 'percent' ? formatPercent(value) : formatNumber(value);
}

/** A signed change in an indicator's unit: `+2.5 pp` for percentages, `+3` / `−1.5` for counts. */
export function formatIndicatorDelta(value: number | null | undefined, unit: IndicatorUnit): string {
  if (unit === 'percent') return formatPoints(value);
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(value))}`;
}

/** `personas_sensibilizadas` → `Personas sensibilizadas`. */
export function metricLabel(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

/** `2025-03-31T17:03:11Z` → `31 mar 2025, 11:03` in the given time zone (default Mexico City). */
export function formatDateTime(iso: string | null | undefined, timeZone = 'America/Mexico_City'): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${formatDate(`${get('year')}-${get('month')}-${get('day')}`)}, ${get('hour')}:${get('minute')}`;
  } catch {
    return formatDate(iso.slice(0, 10));
  }
}

/** `1536` → `1.5 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${ONE_DECIMAL.format(bytes / 1024)} KB`;
  return `${ONE_DECIMAL.format(bytes / (1024 * 1024))} MB`;
}

// Spelled out here rather than through Intl: browsers' ICU versions disagree ("sep" / "sept"), and a date
// should read the same everywhere.
const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

/** `2025-03-31` → `31 mar 2025` (calendar dates carry no time zone). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}

/** Axis label of a month: `mar 25`. */
export function formatMonth(d: Date): string {
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).slice(2)}`;
}

export function parseDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Today as `YYYY-MM-DD` in the program's time zone (the API counts days there too). */
export function todayIn(timeZone = 'America/Mexico_City'): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return toIsoDate(new Date());
  }
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((parseDate(toIso).getTime() - parseDate(fromIso).getTime()) / 86_400_000);
}
