import type { GovernmentOrder, Role } from '../api/types';

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
