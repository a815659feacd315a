import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { FINDING_TYPE_ES, INDICATOR_STATUS_ES, REVIEW_ROUND_STATUS_ES, TRAFFIC_LIGHT_ES } from '../../../platform/src/i18n/labels-es.js';
import type { ReviewRoundDetailResponse } from '../reviews/dto/review-round.response.js';
import type { FrozenState } from '../reviews/review-figures.js';

const ONE = new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${ONE.format(v)} %`);
const UP_TO_ONE = new Intl.NumberFormat('es-MX', { maximumFractionDigits: 1 });
const value = (v: number | null | undefined, unit: string) => (v === null || v === undefined ? '—' : unit === 'percent' ? pct(v) : UP_TO_ONE.format(v));
const pp = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : ''}${ONE.format(v)} pp`);
const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
const day = (iso: string | null) => (iso ? `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}` : '—');

const COLOURS: Record<string, string> = { completed: '#1b5e20', on_track: '#2e7d32', at_risk: '#b26a00', off_track: '#b3261e' };

export interface RoundReportContext {
  programName: string;
  programCode: string;
  /** When the file was made (ISO date-time), printed in the footer. */
  generatedAt: string;
}

/**
 * The commission report of a frozen round: its facts, the national figures, a bar chart and table of the states,
 * the national indicators, the findings with their due dates and the agreement that closed it. Every number is
 * the frozen one the API serves (rounded to one decimal); nothing is recomputed.
 */
export function reviewRoundReport(round: ReviewRoundDetailResponse, ctx: RoundReportContext): TDocumentDefinitions {
  const f = round.figures;
  const n = f.progress.national;
  return {
    info: { title: `Ronda de revisión ${round.code}`, subject: round.title, creator: 'Rumbo', producer: 'Rumbo' },
    pageSize: 'LETTER',
    pageMargins: [40, 50, 40, 50],
    footer: (page: number, pages: number) => ({
      columns: [`${round.code} · cifras al ${day(f.asOf)} · generado el ${day(ctx.generatedAt.slice(0, 10))}`, { text: `Página ${page} de ${pages}`, alignment: 'right' }],
      margin: [40, 15, 40, 0],
      fontSize: 7,
      color: '#555555',
    }),
    styles: { h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] }, h2: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] }, muted: { color: '#555555' }, th: { bold: true, fillColor: '#eeeeee' } },
    content: [
      { text: `Ronda de revisión ${round.code}`, style: 'h1' },
      { text: round.title, fontSize: 12, margin: [0, 0, 0, 2] },
      { text: `${ctx.programName} (${ctx.programCode})`, style: 'muted', margin: [0, 0, 0, 10] },
      facts(round),
      { text: 'Cifras nacionales', style: 'h2' },
      {
        columns: [
          figure('Avance', pct(n.progress)),
          figure('Avance validado', pct(n.validatedProgress)),
          figure('Avance esperado', pct(n.expected)),
          figure('Variación', pp(n.variance)),
          figure('Semáforo', n.status ? TRAFFIC_LIGHT_ES[n.status] : '—'),
        ],
      },
      { text: `${n.states} entidades participantes, ${n.institutions} instituciones, ${n.overdueItems} actividades vencidas.`, margin: [0, 6, 0, 0] },
      { text: 'Avance por entidad', style: 'h2' },
      f.progress.states.length ? { svg: statesChart(f.progress.states), width: 530 } : { text: 'Ninguna entidad participaba en la fecha de corte.', style: 'muted' },
      statesTable(f.progress.states),
      { text: 'Indicadores nacionales', style: 'h2' },
      indicatorsTable(round),
      { text: 'Observaciones', style: 'h2' },
      findings(round),
      { text: 'Acuerdo', style: 'h2' },
      round.status === 'closed'
        ? { text: [`La ronda se cerró el ${day(round.closedAt)} con el acuerdo de la comisión `, { text: round.agreementReference ?? '', bold: true }, '.'] }
        : { text: 'La ronda sigue abierta: aún no tiene acuerdo de cierre.', style: 'muted' },
    ],
  };
}

function facts(round: ReviewRoundDetailResponse): Content {
  const rows: [string, string][] = [
    ['Cifras al', day(round.figures.asOf)],
    ['Estado', REVIEW_ROUND_STATUS_ES[round.status]],
    ['Cifras congeladas', `${day(round.createdAt.slice(0, 10))} por ${round.createdBy.name}`],
    ['Acuerdo de la comisión', round.agreementReference ?? 'Sin acuerdo (ronda abierta)'],
  ];
  return { table: { widths: [130, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) }, layout: 'lightHorizontalLines' };
}

function figure(label: string, value: string): Content {
  return { stack: [{ text: label, style: 'muted', fontSize: 8 }, { text: value, fontSize: 13, bold: true }] };
}

const header = (...cells: string[]): TableCell[] => cells.map((text) => ({ text, style: 'th' }));

function statesTable(states: readonly FrozenState[]): Content {
  return {
    margin: [0, 8, 0, 0],
    table: {
      headerRows: 1,
      widths: ['*', 50, 50, 55, 60, 45],
      body: [
        header('Entidad', 'Avance', 'Esperado', 'Variación', 'Semáforo', 'Vencidas'),
        ...states.map((s) => [s.stateName, pct(s.progress), pct(s.expected), pp(s.variance), { text: TRAFFIC_LIGHT_ES[s.status], color: COLOURS[s.status] }, String(s.overdueItems)]),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

function indicatorsTable(round: ReviewRoundDetailResponse): Content {
  const list = round.figures.indicators;
  if (!list.length) return { text: 'El programa no define indicadores.', style: 'muted' };
  return {
    table: {
      headerRows: 1,
      widths: [40, '*', 45, 45, 40, 80],
      body: [
        header('Clave', 'Indicador', 'Valor', 'Meta', 'Logro', 'Situación'),
        ...list.map((i) => [i.code, i.name, value(i.national.value, i.unit), value(i.national.target?.value, i.unit), pct(i.national.achievement), i.national.status ? INDICATOR_STATUS_ES[i.national.status] : '—']),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

function findings(round: ReviewRoundDetailResponse): Content {
  if (!round.findings.length) return { text: 'La ronda no tiene observaciones.', style: 'muted' };
  const names = new Map(round.figures.progress.states.map((s) => [s.stateCode, s.stateName]));
  return {
    table: {
      headerRows: 1,
      widths: [62, 70, 70, 40, '*', 60],
      body: [
        header('Cita', 'Tipo', 'Entidad', 'Actividad', 'Observación', 'Atender a más tardar'),
        ...round.findings.map((x) => [x.citation, FINDING_TYPE_ES[x.type], names.get(x.stateCode) ?? x.stateCode, x.activityCode ?? '—', x.description, day(x.dueOn)]),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Horizontal bars: each state's progress (coloured by its semáforo) with a tick at its expected progress. */
export function statesChart(states: readonly FrozenState[]): string {
  const rowH = 14;
  const left = 120;
  const width = 380;
  const top = 14;
  const height = top + states.length * rowH + 18;
  const x = (v: number) => left + (Math.max(0, Math.min(100, v)) / 100) * width;
  const rows = states.map((s, i) => {
    const y = top + i * rowH;
    return [
      `<text x="${left - 6}" y="${y + 9}" font-size="8" text-anchor="end">${esc(s.stateName)}</text>`,
      `<rect x="${left}" y="${y + 2}" width="${x(s.progress) - left}" height="9" fill="${COLOURS[s.status]}"/>`,
      `<line x1="${x(s.expected)}" y1="${y}" x2="${x(s.expected)}" y2="${y + 13}" stroke="#000000" stroke-width="1.2"/>`,
      `<text x="${x(s.progress) + 3}" y="${y + 9}" font-size="7">${ONE.format(s.progress)}</text>`,
    ].join('');
  });
  const ticks = [0, 25, 50, 75, 100].map((t) => `<line x1="${x(t)}" y1="${top - 2}" x2="${x(t)}" y2="${height - 16}" stroke="#dddddd"/><text x="${x(t)}" y="${height - 6}" font-size="7" text-anchor="middle">${t} %</text>`);
  const legend = `<text x="${left}" y="9" font-size="7">Barra: avance de la entidad (color del semáforo). Marca negra: avance esperado.</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 30}" height="${height}">${legend}${ticks.join('')}${rows.join('')}</svg>`;
}
