import type { FindingType, GovernmentOrder, IndicatorStatus, IndicatorUnit, ReportStatus, ReviewRoundStatus, ReviewState, Role, TrafficLight } from '../api/types';

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

// The API writes field messages in English (class-validator and the services); show the common ones in
// Spanish and any other one as the API wrote it.
const FIELD_MESSAGE_PATTERNS: [RegExp, string][] = [
  // Review rounds and findings.
  [/must not be after today/i, 'La fecha no puede ser posterior a hoy.'],
  [/reserved for generated codes/i, 'Los códigos de la forma RR-año-número se asignan solos: deje el código vacío o elija otro.'],
  [/a review round with code (.+?) already exists/i, 'Ya existe una ronda de revisión con el código $1.'],
  [/code may hold only letters, digits/i, 'El código solo admite letras, números, «.», «_» y «-», y empieza con letra o número.'],
  [/state (\d{2}) does not participate in program/i, 'La entidad $1 no participa en el programa.'],
  [/unknown activity (.+?) in program/i, 'La actividad $1 no existe en el programa.'],
  [/is closed; no finding can be added/i, 'La ronda está cerrada: ya no admite observaciones.'],
  [/is already closed/i, 'La ronda ya estaba cerrada.'],
  [/stateCode must be a two-digit INEGI code/i, 'Elija la entidad federativa.'],
  [/type must be one of/i, 'Elija el tipo de observación.'],
  // Reports, evidence, review and reporting rounds (checked before the general patterns below).
  [/a completed report must have percent 100/i, 'Una actividad concluida lleva 100 %.'],
  [/a not_started report must have percent 0/i, 'Una actividad no iniciada lleva 0 %.'],
  [/must not be in the future/i, 'La fecha no puede ser posterior a hoy.'],
  [/must be a valid http\(s\) URL|needs an http\(s\) url/i, 'Escriba una dirección web completa (http:// o https://).'],
  [/document evidence needs the fileId/i, 'Cargue el archivo del documento.'],
  [/no file .* was uploaded to state/i, 'El archivo no se cargó para esta entidad; cárguelo de nuevo.'],
  [/send fileId, not url/i, 'Un documento es un archivo cargado; para una liga use «Liga».'],
  [/fileId is only for document evidence/i, 'Solo los documentos llevan archivo.'],
  [/only dataset evidence can be marked high-value/i, 'Solo un conjunto de datos puede marcarse como de alto valor.'],
  [/does not declare the metric "(.+?)"/i, 'La actividad no registra la métrica «$1».'],
  [/must be a number ≥ 0/i, 'Escriba un número mayor o igual a 0.'],
  [/percent must be a number/i, 'Escriba un número de 0 a 100, con hasta dos decimales.'],
  [/must not be greater than (\d+)/i, 'No puede ser mayor que $1.'],
  [/must not be less than (\d+)/i, 'No puede ser menor que $1.'],
  [/is done by each institution|name the institution/i, 'Elija la institución que reporta.'],
  [/is done by the state authority/i, 'Esta actividad la reporta el organismo garante, sin institución.'],
  [/is not registered in state/i, 'La institución no está registrada en esta entidad.'],
  [/was not active on (\d{4}-\d{2}-\d{2})/i, 'La institución no estaba activa el $1.'],
  [/is excluded from the plan/i, 'La actividad está excluida del programa estatal; inclúyala de nuevo (re-planificación) antes de reportar.'],
  [/is not in the plan of state/i, 'La actividad no está en el programa estatal.'],
  [/a reason is required to return/i, 'Escriba el motivo de la devolución.'],
  [/already reviewed|was already reviewed/i, 'Este reporte ya fue revisado.'],
  [/Idempotency-Key was already used/i, 'Este envío ya se usó para otro reporte; vuelva a enviar el formulario.'],
  [/must not be blank|summary is required/i, 'Este campo es obligatorio.'],
  [/file exceeds the limit of (\d+) bytes/i, 'El archivo es demasiado grande (máximo $1 bytes).'],
  [/which is not accepted|not a recognised format|binary data of an unknown format/i, 'Tipo de archivo no admitido: use PDF, PNG, JPEG, documentos de Office u OpenDocument, o texto (CSV, TXT).'],
  [/HTML, XML or SVG content is not accepted/i, 'No se admiten archivos HTML, XML ni SVG como evidencia.'],
  [/the content is plain text, but the name ends in/i, 'Es un archivo de texto: su nombre debe terminar en .csv o .txt.'],
  [/file is empty/i, 'El archivo está vacío.'],
  [/institution with this name is already registered in this state: "(.+)"/i, 'Ya hay una institución registrada con ese nombre en esta entidad: «$1».'],
  [/withdrew from the program on (\d{4}-\d{2}-\d{2})/i, 'La entidad se retiró del programa ($1); su información ya no puede cambiar.'],
  [/already participates/i, 'Esa entidad ya participa en el programa.'],
  [/is closed; no state can join/i, 'El programa está cerrado: ya no admite adhesiones.'],
  [/nothing changes/i, 'No hay cambios: ya tiene esos valores.'],
  [/send at least one of/i, 'Modifique al menos un dato.'],
  [/should not be empty|must not be empty|is required|must be provided/i, 'Este campo es obligatorio.'],
  [/must be a valid ISO ?8601 date|must be a date|YYYY-MM-DD|valid date/i, 'Escriba una fecha válida (AAAA-MM-DD).'],
  [/must be one of the following values/i, 'Elija una de las opciones de la lista.'],
  [/must be shorter than or equal to (\d+)/i, 'Es demasiado largo (máximo $1 caracteres).'],
  [/must be longer than or equal to (\d+)/i, 'Es demasiado corto (mínimo $1 caracteres).'],
  [/must be a boolean/i, 'Debe ser sí o no.'],
  [/should not exist/i, 'Este dato no se admite.'],
  [/before (the )?planned ?start|before (the )?start|on or after (the )?planned ?start/i, 'No puede ser anterior a la fecha de inicio.'],
  [/before the participation|before (the state )?join|before the state joined/i, 'No puede ser anterior a la fecha de adhesión de la entidad.'],
  [/not optional|mandatory activit|only optional/i, 'Solo las actividades opcionales pueden excluirse.'],
  [/already (exists|registered|participat|enrolled)/i, 'Ya existe un registro con estos datos.'],
  [/unknown state/i, 'La entidad no existe.'],
];

export function translateFieldMessage(message: string): string {
  for (const [pattern, spanish] of FIELD_MESSAGE_PATTERNS) {
    const m = message.match(pattern);
    if (m) return spanish.replace('$1', m[1] ?? '');
  }
  return message;
}

/** Like translateFieldMessage, but null when no Spanish wording is known (the caller then says it generally). */
export function knownSpanish(message: string): string | null {
  const t = translateFieldMessage(message);
  return t === message ? null : t;
}
