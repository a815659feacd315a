import { FINDING_TYPE_ES, REVIEW_ROUND_STATUS_ES } from '../../../../platform/src/i18n/labels-es.js';
import { column, type Table } from '../../../../platform/src/tables/table.js';
import type { ReviewRoundDetailResponse } from '../../reviews/dto/review-round.response.js';
import { INDICATOR_COLUMNS, indicatorRow } from './indicator-tables.js';
import { FIGURE_COLUMNS, STATE_FIGURE_COLUMNS, stateFigureRows } from '../../progress/progress-tables.js';

/** The round's facts as label/value rows: what a citation of the round needs. */
export function roundFactsTable(round: ReviewRoundDetailResponse, programCode: string): Table {
  return {
    name: 'Ronda',
    columns: [column('field', 'Dato', 'text', { width: 26 }), column('value', 'Valor', 'text', { width: 60 })],
    rows: [
      ['Programa', programCode],
      ['Código de la ronda', round.code],
      ['Título', round.title],
      ['Cifras al', round.asOf],
      ['Estado', REVIEW_ROUND_STATUS_ES[round.status]],
      ['Cifras congeladas el', round.createdAt],
      ['Congeló', round.createdBy.name],
      ['Cerrada el', round.closedAt],
      ['Cerró', round.closedBy?.name ?? null],
      ['Acuerdo de la comisión', round.agreementReference],
      ['Observaciones', String(round.findings.length)],
    ],
  };
}

/** Every table of a frozen round, one sheet each: facts, states, phases, activities, indicators, findings. */
export function reviewRoundTables(round: ReviewRoundDetailResponse, programCode: string): Table[] {
  const f = round.figures;
  const states = f.progress.states;
  return [
    roundFactsTable(round, programCode),
    {
      name: 'Avance por entidad',
      columns: STATE_FIGURE_COLUMNS,
      rows: stateFigureRows(f.asOf, f.progress.national, states),
    },
    {
      name: 'Fases por entidad',
      columns: [column('stateCode', 'Clave INEGI'), column('stateName', 'Entidad', 'text', { width: 24 }), column('phaseNumber', 'Fase', 'integer'), ...FIGURE_COLUMNS],
      rows: states.flatMap((s) => s.phases.map((p) => [s.stateCode, s.stateName, p.phaseNumber, p.progress, p.validatedProgress, p.expected, p.variance, p.status])),
    },
    {
      name: 'Actividades por entidad',
      columns: [
        column('stateCode', 'Clave INEGI'), column('activityCode', 'Actividad'), column('phaseNumber', 'Fase', 'integer'), column('included', 'Incluida', 'boolean'),
        column('plannedStart', 'Inicio planificado', 'date'), column('plannedDue', 'Término planificado', 'date'), ...FIGURE_COLUMNS,
        column('overdue', 'Vencida', 'boolean'), column('daysLate', 'Días de atraso', 'integer'), column('completedOn', 'Concluida el', 'date'),
      ],
      rows: states.flatMap((s) => s.items.map((i) => [s.stateCode, i.activityCode, i.phaseNumber, i.included, i.plannedStart, i.plannedDue, i.progress, i.validatedProgress, i.expected, i.variance, i.status, i.overdue, i.daysLate, i.completedOn])),
    },
    {
      name: 'Indicadores',
      columns: INDICATOR_COLUMNS,
      rows: f.indicators.flatMap((ind) => [
        indicatorRow('national', f.asOf, { ...ind, ...ind.national }),
        ...Object.entries(ind.states).map(([code, v]) => indicatorRow(code, f.asOf, { ...ind, ...v })),
      ]),
    },
    findingsTable(round),
  ];
}

export function findingsTable(round: ReviewRoundDetailResponse): Table {
  return {
    name: 'Observaciones',
    columns: [
      column('citation', 'Cita'), column('type', 'Tipo', 'text', { labels: FINDING_TYPE_ES }), column('stateCode', 'Clave INEGI'), column('activityCode', 'Actividad'),
      column('description', 'Observación', 'text', { width: 60 }), column('dueOn', 'Atender a más tardar', 'date'), column('createdBy', 'Registró'), column('createdAt', 'Registrada el'),
    ],
    rows: round.findings.map((x) => [x.citation, x.type, x.stateCode, x.activityCode, x.description, x.dueOn, x.createdBy.name, x.createdAt]),
  };
}
