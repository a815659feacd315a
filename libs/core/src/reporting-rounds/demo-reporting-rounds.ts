import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { addDays } from '../../../platform/src/util/dates.js';
import { lastEndedQuarter, quarterRound } from './reporting-round-rules.js';
import type { ReportingRoundsService } from './reporting-rounds.service.js';

export interface DemoReportingRoundsInput {
  /** The program's id or code. */
  programId: string;
  /** Who defines the rounds (and records a submission when a state has no officer in `officers`). */
  coordinator: AuthUser;
  /** The demo states' officers, by state code: they submit their state's rounds. */
  officers: ReadonlyMap<string, AuthUser>;
  /** Today (YYYY-MM-DD): rounds up to the last quarter that ended before it; no submission dated today or later. */
  today: string;
}

export interface DemoReportingRoundsResult {
  rounds: number;
  submissions: number;
}

const FIRST_QUARTER = { year: 2025, quarter: 1 };
const DUE_DAYS = 15;

/**
 * Demo data: quarterly rounds from 2025-Q1 up to the last quarter that ended before `today`, and the demo
 * states' submissions: most on time, some late, some missing, chosen by a hash of state and round (the
 * same every run; no Math.random). Goes through ReportingRoundsService, so every rule applies and every
 * change is audited. Re-running it adds nothing that exists.
 */
export async function seedDemoReportingRounds(service: ReportingRoundsService, input: DemoReportingRoundsInput): Promise<DemoReportingRoundsResult> {
  const last = lastEndedQuarter(input.today);
  if (last.year * 4 + last.quarter < FIRST_QUARTER.year * 4 + FIRST_QUARTER.quarter) return { rounds: 0, submissions: 0 };
  const from = quarterRound(FIRST_QUARTER.year, FIRST_QUARTER.quarter, DUE_DAYS).periodStart;
  const to = quarterRound(last.year, last.quarter, DUE_DAYS).periodEnd;
  const { created } = await service.generateQuarterly(input.coordinator, input.programId, { from, to, dueDays: DUE_DAYS });
  let submissions = 0;
  for (const round of (await service.list(input.programId, { asOf: input.today })).rounds) {
    const detail = await service.get(input.coordinator, input.programId, round.code, { asOf: input.today });
    for (const row of detail.states) {
      if (!row.expected || row.submittedOn !== null) continue;
      const submittedOn = demoSubmissionDate(row.stateCode, round);
      if (submittedOn === null || submittedOn >= input.today) continue;
      const author = input.officers.get(row.stateCode) ?? input.coordinator;
      const dto = { stateCode: row.stateCode, summary: demoSummary(row.stateCode, round.code) };
      await service.submitAt(author, input.programId, round.code, dto, demoInstant(submittedOn, row.stateCode, round.code));
      submissions += 1;
    }
  }
  return { rounds: created.length, submissions };
}

/**
 * When a demo state delivers a round, or null when it does not: about 70 % on time (up to 12 days before
 * the due date, never before the period ends), 18 % late (1 to 30 days after it), 12 % missing.
 */
export function demoSubmissionDate(stateCode: string, round: { code: string; periodEnd: string; dueOn: string }): string | null {
  const u = unit(`${stateCode}:${round.code}:fate`);
  const v = unit(`${stateCode}:${round.code}:day`);
  if (u < 0.12) return null;
  if (u < 0.3) return addDays(round.dueOn, 1 + Math.floor(v * 30));
  const early = addDays(round.dueOn, -Math.floor(v * 13));
  return early > round.periodEnd ? early : addDays(round.periodEnd, 1);
}

const OPENINGS = [
  'Durante el trimestre',
  'En el periodo que se informa',
  'En este trimestre',
  'A lo largo del periodo',
];
const ACTIONS = [
  'se concluyó el inventario de conjuntos de datos con las áreas responsables',
  'se capacitó a personas servidoras públicas de los sujetos obligados en apertura de datos',
  'se publicaron nuevos conjuntos de datos en el portal estatal con su diccionario de datos',
  'se instaló la mesa de trabajo con sociedad civil para priorizar datos de alto valor',
  'se revisó la calidad de los conjuntos publicados y se corrigieron formatos y licencias',
  'se firmaron los acuerdos de colaboración con los ayuntamientos participantes',
  'se elaboró el diagnóstico de capacidades institucionales en materia de datos abiertos',
];
const NEXT_STEPS = [
  'Para el siguiente periodo se prevé ampliar la publicación a más sujetos obligados.',
  'Queda pendiente la validación de los metadatos por parte de la coordinación nacional.',
  'Se solicitará acompañamiento técnico para la estandarización de formatos.',
  'Se reportan retrasos menores por cambios de personal en dos dependencias.',
  'Las evidencias se cargaron en los reportes de avance de cada actividad.',
];

/** A short Spanish summary, deterministic from state and round. */
export function demoSummary(stateCode: string, roundCode: string): string {
  const pick = <T>(list: readonly T[], salt: string) => list[Math.floor(unit(`${stateCode}:${roundCode}:${salt}`) * list.length)];
  const a = pick(ACTIONS, 'a1');
  let b = pick(ACTIONS, 'a2');
  if (b === a) b = ACTIONS[(ACTIONS.indexOf(a) + 1) % ACTIONS.length];
  return `${pick(OPENINGS, 'o')} ${a} y ${b}. ${pick(NEXT_STEPS, 'n')}`;
}

/** Office hours on that date (10:00–16:59 in Mexico City, UTC−6), so the date is the same in the program's time zone. */
function demoInstant(date: string, stateCode: string, roundCode: string): Date {
  const minutes = Math.floor(unit(`${stateCode}:${roundCode}:time`) * 7 * 60);
  return new Date(Date.parse(`${date}T16:00:00Z`) + minutes * 60_000);
}

/** FNV-1a of the text, mapped to [0, 1): a stable pseudo-random number. */
function unit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // MurmurHash3's finalizer, so texts that differ only in the last character spread out.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h >>>= 0;
  return h / 0x1_0000_0000;
}
