import { TRAFFIC_LIGHT_ES } from '../../../platform/src/i18n/labels-es.js';
import type { NotificationView } from '../notifications/notifications.repository.js';
import type { NationalFigures, StateProgress, TrafficLight } from '../progress/progress-types.js';

/** What every email says about its program and where to look. */
export interface MailProgram {
  code: string;
  name: string;
  /** The dashboard's address (RUMBO_PUBLIC_URL). */
  url: string;
}

export interface MailText {
  subject: string;
  body: string;
}

const longDate = new Intl.DateTimeFormat('es-MX', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `2025-06-05` → `5 de junio de 2025`. */
export const dateEs = (d: string) => longDate.format(new Date(`${d}T00:00:00Z`));
const pct = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`);
const light = (s: TrafficLight | null) => (s === null ? '—' : TRAFFIC_LIGHT_ES[s]);

const FOOTER = (p: MailProgram) => `\n\nConsulte el tablero: ${p.url}\n\n— Rumbo, seguimiento del ${p.name}.\nRecibe este correo por su rol en el programa; las fechas y cifras son las del tablero en la fecha indicada.`;

function noticeLine(n: NotificationView): string {
  const when = n.kind === 'overdue' ? `vencida desde el ${dateEs(n.dueOn)}` : `vence el ${dateEs(n.dueOn)}`;
  return `  • ${n.activityCode} ${n.activityName}: ${when}; avance ${pct(n.progress)}`;
}

/**
 * The day's deadline notice: the items that became overdue or due within 7 days on `date`, for one state's
 * officer (`stateName` set) or for the coordination (every state, grouped).
 */
export function deadlineNotice(p: MailProgram, date: string, notices: readonly NotificationView[], stateName: string | null): MailText {
  const overdue = notices.filter((n) => n.kind === 'overdue').length;
  const soon = notices.length - overdue;
  const counts = [overdue ? `${overdue} ${overdue === 1 ? 'actividad vencida' : 'actividades vencidas'}` : null, soon ? `${soon} por vencer` : null].filter(Boolean).join(' y ');
  const subject = `${stateName ?? 'Coordinación nacional'}: ${counts} (${p.code}, ${dateEs(date)})`;
  const byState = new Map<string, NotificationView[]>();
  for (const n of notices) byState.set(n.stateName, [...(byState.get(n.stateName) ?? []), n]);
  const sections = [...byState.entries()].map(([state, list]) => {
    const sorted = [...list].sort((a, b) => (a.kind === b.kind ? a.dueOn.localeCompare(b.dueOn) : a.kind === 'overdue' ? -1 : 1));
    return `${stateName ? '' : `${state}\n`}${sorted.map(noticeLine).join('\n')}`;
  });
  const intro = stateName
    ? `Al ${dateEs(date)}, estas actividades del programa estatal de ${stateName} requieren atención:`
    : `Al ${dateEs(date)}, estas actividades de las entidades requieren atención:`;
  const ask = stateName ? '\n\nRegistre su avance con evidencia, o solicite una reprogramación si la fecha cambió.' : '';
  return { subject, body: `${intro}\n\n${sections.join('\n\n')}${ask}${FOOTER(p)}` };
}

function nationalLines(n: NationalFigures): string[] {
  return [
    `Avance nacional: ${pct(n.progress)} (esperado ${pct(n.expected)}; ${light(n.status)})`,
    `Entidades: ${n.states} — en tiempo ${n.distribution.on_track}, en riesgo ${n.distribution.at_risk}, rezagadas ${n.distribution.off_track}, concluidas ${n.distribution.completed}`,
    `Actividades vencidas: ${n.overdueItems}`,
  ];
}

export interface NationalDigestInput {
  weekOf: string;
  asOf: string;
  national: NationalFigures;
  /** Participating states behind (rezagadas), with their figures. */
  lagging: readonly { stateName: string; progress: number; expected: number }[];
  /** Reports waiting for the coordination's review (coordinators only). */
  pendingReviews: number | null;
  /** States' later deadlines waiting for the coordination's approval (coordinators only). */
  pendingReplans: number | null;
}

/** The weekly digest of a national role: the coordination (with its review queue) or the commission. */
export function nationalDigest(p: MailProgram, d: NationalDigestInput, role: 'coordinator' | 'reviewer'): MailText {
  const lines = nationalLines(d.national);
  if (d.pendingReviews !== null) lines.push(`Reportes pendientes de revisión: ${d.pendingReviews}`);
  if (d.pendingReplans !== null) lines.push(`Re-planificaciones pendientes de aprobación: ${d.pendingReplans}`);
  const lagging = d.lagging.length ? `\n\nEntidades rezagadas:\n${d.lagging.map((s) => `  • ${s.stateName}: ${pct(s.progress)} (esperado ${pct(s.expected)})`).join('\n')}` : '\n\nNinguna entidad está rezagada.';
  const who = role === 'coordinator' ? 'la coordinación nacional' : 'la comisión';
  return {
    subject: `Resumen semanal del ${p.code}: semana del ${dateEs(d.weekOf)}`,
    body: `Resumen para ${who}, con cifras al ${dateEs(d.asOf)}.\n\n${lines.join('\n')}${lagging}${FOOTER(p)}`,
  };
}

/** The weekly digest of a state's officer: its figures and its open deadline notices. */
export function stateDigest(p: MailProgram, weekOf: string, state: StateProgress, stateName: string, open: readonly NotificationView[]): MailText {
  const lines = [
    `Avance: ${pct(state.progress)} (validado ${pct(state.validatedProgress)}; esperado ${pct(state.expected)}; ${light(state.status)})`,
    `Actividades concluidas: ${state.completedItems}; vencidas: ${state.overdueItems}; instituciones activas: ${state.institutions}`,
  ];
  const attention = open.length ? `\n\nRequieren atención:\n${open.map(noticeLine).join('\n')}` : '\n\nNinguna actividad vencida ni por vencer.';
  return {
    subject: `${stateName}: resumen semanal del ${p.code}, semana del ${dateEs(weekOf)}`,
    body: `Resumen del programa estatal de ${stateName}, con cifras al ${dateEs(state.asOf)}.\n\n${lines.join('\n')}${attention}${FOOTER(p)}`,
  };
}
