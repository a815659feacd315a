import { ACTIVITY_LEVEL_ES, TRAFFIC_LIGHT_ES } from '../../../platform/src/i18n/labels-es.js';
import { column, type CellValue, type Table } from '../../../platform/src/tables/table.js';
import type { NationalProgressResponse, StateProgressResponse } from './dto/progress.response.js';

/** P, V, E, SV and the semáforo: the five figures of every state, phase and item (SPEC §4). */
export const FIGURE_COLUMNS = [
  column('progress', 'Avance (%)', 'number'),
  column('validatedProgress', 'Avance validado (%)', 'number'),
  column('expected', 'Avance esperado (%)', 'number'),
  column('variance', 'Variación (pp)', 'number'),
  column('status', 'Semáforo', 'text', { labels: TRAFFIC_LIGHT_ES, width: 12 }),
] as const;

/** Expected progress and variance against the original (baseline) dates, after the other columns of a live table. */
export const BASELINE_COLUMNS = [
  column('expectedBaseline', 'Avance esperado según el plan original (%)', 'number'),
  column('varianceBaseline', 'Variación contra el plan original (pp)', 'number'),
] as const;

export const STATE_FIGURE_COLUMNS = [
  column('scope', 'Ámbito', 'text', { labels: { national: 'Nacional', state: 'Entidad' } }),
  column('stateCode', 'Clave INEGI'),
  column('stateName', 'Entidad', 'text', { width: 24 }),
  column('asOf', 'Fecha de corte', 'date'),
  ...FIGURE_COLUMNS,
  column('overdueItems', 'Actividades vencidas', 'integer'),
  column('onTimeRate', 'Cumplimiento en tiempo (%)', 'number'),
  column('institutions', 'Instituciones', 'integer'),
] as const;

type FigureRow = { progress: number | null; validatedProgress: number | null; expected: number | null; variance: number | null; status: string | null; overdueItems: number; institutions: number };

/** The national row, then one row per participating state (live figures or a review round's frozen ones). */
export function stateFigureRows(asOf: string, n: FigureRow, states: readonly (FigureRow & { stateCode: string; stateName: string; onTimeRate: number | null })[]): CellValue[][] {
  return [
    ['national', null, 'Nacional', asOf, n.progress, n.validatedProgress, n.expected, n.variance, n.status, n.overdueItems, null, n.institutions],
    ...states.map((s) => ['state', s.stateCode, s.stateName, asOf, s.progress, s.validatedProgress, s.expected, s.variance, s.status, s.overdueItems, s.onTimeRate, s.institutions]),
  ];
}

/**
 * The signed-in export and the public progress CSV: the same columns and rows, the live figures' baseline ones last
 * (a review round's frozen figures keep the columns they were frozen with).
 */
export function stateFiguresTable(p: NationalProgressResponse): Table {
  const baseline = [p.national, ...p.states].map((f) => [f.expectedBaseline, f.varianceBaseline]);
  return {
    name: 'Avance por entidad',
    columns: [...STATE_FIGURE_COLUMNS, ...BASELINE_COLUMNS],
    rows: stateFigureRows(p.asOf, p.national, p.states).map((row, k) => [...row, ...baseline[k]]),
  };
}

/** Every plan item of one state with its figures, dates (current and original) and lateness. */
export function stateItemsTable(s: StateProgressResponse): Table {
  return {
    name: `Actividades ${s.stateName}`,
    columns: [
      column('stateCode', 'Clave INEGI'),
      column('asOf', 'Fecha de corte', 'date'),
      column('phaseNumber', 'Fase', 'integer'),
      column('activityCode', 'Actividad'),
      column('activityName', 'Nombre de la actividad', 'text', { width: 40 }),
      column('level', 'La realiza', 'text', { labels: ACTIVITY_LEVEL_ES }),
      column('included', 'Incluida', 'boolean'),
      column('weight', 'Peso', 'number'),
      column('plannedStart', 'Inicio planificado', 'date'),
      column('plannedDue', 'Término planificado', 'date'),
      column('originalStart', 'Inicio original', 'date'),
      column('originalDue', 'Término original', 'date'),
      ...FIGURE_COLUMNS,
      ...BASELINE_COLUMNS,
      column('overdue', 'Vencida', 'boolean'),
      column('daysLate', 'Días de atraso', 'integer'),
      column('completedOn', 'Concluida el', 'date'),
      column('institutions', 'Instituciones', 'integer'),
    ],
    rows: s.items.map((i) => [
      s.stateCode, s.asOf, i.phaseNumber, i.activityCode, i.activityName, i.level, i.included, i.weight, i.plannedStart, i.plannedDue, i.originalStart, i.originalDue,
      i.progress, i.validatedProgress, i.expected, i.variance, i.status, i.expectedBaseline, i.varianceBaseline, i.overdue, i.daysLate, i.completedOn, i.institutions,
    ]),
  };
}
