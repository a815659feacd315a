import { RISK_METHOD, type ItemRisk, type Pace } from './risk-math.js';

export const RISK_REASON_KINDS = ['overdue', 'slack', 'returned_reports', 'late_rounds', 'missed_rounds'] as const;
export type RiskReasonKind = (typeof RISK_REASON_KINDS)[number];

/** One term of an item's score, in points (days of slack), with what it means in Spanish. */
export interface RiskReason {
  kind: RiskReasonKind;
  points: number;
  text: string;
}

/**
 * The terms that add up to an item's score, each said in words (es-MX, the users' language): the slack at the
 * state's pace, then the history. Their points sum to the score.
 */
export function itemReasons(risk: ItemRisk, progress: number, pace: Pace, rounds: { late: number; missed: number }): RiskReason[] {
  const remaining = formatNumber(100 - progress);
  const needed = Math.ceil(risk.daysNeeded);
  const reasons: RiskReason[] = [];
  if (risk.daysLeft < 0) {
    reasons.push({ kind: 'overdue', points: -risk.slack, text: `Venció hace ${plural(-risk.daysLeft, 'día', 'días')} con ${remaining} % por hacer; ${paceWords(pace)}, faltan unos ${plural(needed, 'día', 'días')} de trabajo.` });
  } else if (risk.slack < 0) {
    reasons.push({ kind: 'slack', points: -risk.slack, text: `Quedan ${plural(risk.daysLeft, 'día', 'días')} para el ${remaining} % por hacer, que ${paceWords(pace)} tomaría unos ${plural(needed, 'día', 'días')}: terminaría ${plural(Math.ceil(-risk.slack), 'día', 'días')} tarde.` });
  } else {
    reasons.push({ kind: 'slack', points: -risk.slack, text: `Quedan ${plural(risk.daysLeft, 'día', 'días')} para el ${remaining} % por hacer, que ${paceWords(pace)} tomaría unos ${plural(needed, 'día', 'días')}: holgura de ${plural(Math.floor(risk.slack), 'día', 'días')}.` });
  }
  if (risk.returnedReports > 0) {
    reasons.push({ kind: 'returned_reports', points: RISK_METHOD.pointsPerReturnedReport * risk.returnedReports, text: `${plural(risk.returnedReports, 'reporte devuelto', 'reportes devueltos')} de los últimos ${RISK_METHOD.returnedWindowDays} días.` });
  }
  if (rounds.late > 0) {
    reasons.push({ kind: 'late_rounds', points: RISK_METHOD.pointsPerLateRound * rounds.late, text: `La entidad entregó tarde ${plural(rounds.late, 'ronda de reporte', 'rondas de reporte')}.` });
  }
  if (rounds.missed > 0) {
    reasons.push({ kind: 'missed_rounds', points: RISK_METHOD.pointsPerLateRound * rounds.missed, text: `La entidad no ha entregado ${plural(rounds.missed, 'ronda de reporte vencida', 'rondas de reporte vencidas')}.` });
  }
  return reasons;
}

/** "al ritmo observado de la entidad (0.6 veces el previsto)", or the planned pace when there is no history yet. */
export function paceWords(pace: Pace): string {
  if (pace.sample === 0) return 'al ritmo previsto (la entidad aún no tiene historial de avance)';
  if (pace.ratio === 1) return 'al ritmo observado de la entidad (igual al previsto)';
  return `al ritmo observado de la entidad (${formatNumber(pace.ratio, 2)} veces el previsto)`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function formatNumber(x: number, decimals = 1): string {
  return String(Number(x.toFixed(decimals)));
}
