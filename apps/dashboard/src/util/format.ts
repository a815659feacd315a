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

const dateFmt = new Intl.DateTimeFormat('es-MX', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthFmt = new Intl.DateTimeFormat('es-MX', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** `2025-03-31` → `31 mar 2025` (calendar dates carry no time zone: format them as UTC). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = parseDate(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d).replace(/\./g, '');
}

export function formatMonth(d: Date): string {
  return monthFmt.format(d).replace(/\./g, '');
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
  [/should not be empty|must not be empty|is required|must be provided/i, 'Este campo es obligatorio.'],
  [/must be a valid ISO ?8601 date|must be a date|YYYY-MM-DD|valid date/i, 'Escriba una fecha válida (AAAA-MM-DD).'],
  [/must be one of the following values/i, 'Elija una de las opciones de la lista.'],
  [/must be shorter than or equal to (\d+)/i, 'Es demasiado largo (máximo $1 caracteres).'],
  [/must be longer than or equal to (\d+)/i, 'Es demasiado corto (mínimo $1 caracteres).'],
  [/must be a boolean/i, 'Debe ser sí o no.'],
  [/should not exist/i, 'Este dato no se admite.'],
  [/before (the )?(planned )?start|on or after (the )?(planned )?start|earlier than (the )?start/i, 'No puede ser anterior a la fecha de inicio.'],
  [/before the participation|before (the state )?join/i, 'No puede ser anterior a la fecha de adhesión de la entidad.'],
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
