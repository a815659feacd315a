import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { addDays, daysBetween } from '../../../platform/src/util/dates.js';
import type { ConvocatoriaService } from '../convocatoria/convocatoria.service.js';
import { demoDocumentPdf } from './demo-document.js';
import { DEMO_PARTICIPATIONS, MODEL_PROGRAM_CODE } from './demo-users.js';

/** The two groups the commission's minutes name. */
export const DEMO_COHORTS = { interest: 'Manifestaron interés', related: 'Iniciativas relacionadas' } as const;

const COHORT_OF: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['20', '30', '11', '28', '22', '25'].map((c) => [c, DEMO_COHORTS.interest])),
  ...Object.fromEntries(['04', '07', '27', '31', '19'].map((c) => [c, DEMO_COHORTS.related])),
};

/** States still on their way in (or that said no), so the funnel has every stage. */
export const DEMO_PROSPECTS: readonly { stateCode: string; stage: 'candidate' | 'interested' | 'convened' | 'declined'; reason?: string }[] = [
  { stateCode: '09', stage: 'candidate' },
  { stateCode: '12', stage: 'candidate' },
  { stateCode: '15', stage: 'interested' },
  { stateCode: '21', stage: 'convened' },
  { stateCode: '14', stage: 'declined', reason: 'El organismo garante no cuenta con presupuesto asignado para el programa en el ejercicio en curso.' },
];

/**
 * The convocatoria as the minutes tell it: each demo state went candidate → interested (a dated manifiesto de
 * interés, a stored PDF) → convened → joined in the eight weeks before its join date (Oaxaca, the first, from the
 * day after the program's approval), which creates its participation; a few others are still on the way.
 * Everything goes through the convocatoria's service, with its rules and audit.
 */
export async function seedDemoConvocatoria(convocatoria: ConvocatoriaService, coordinator: AuthUser, officers: ReadonlyMap<string, AuthUser>, today: string): Promise<void> {
  for (const { stateCode, joinedOn } of DEMO_PARTICIPATIONS) {
    const officer = officers.get(stateCode) ?? coordinator;
    await walk(convocatoria, coordinator, officer, { stateCode, cohort: COHORT_OF[stateCode], start: addDays(joinedOn, -56) }, 'joined', { joinedOn });
    for (const [heldOn, topic] of [
      [addDays(joinedOn, -40), 'Presentación del Programa de Implementación Modelo'],
      [addDays(joinedOn, 25), 'Acompañamiento para la adaptación del plan estatal'],
    ] as const) {
      if (daysBetween(heldOn, today) >= 0) await convocatoria.addSession(coordinator, MODEL_PROGRAM_CODE, stateCode, { heldOn, topic, notes: 'Sesión virtual con el organismo garante y la coordinación nacional.' });
    }
  }
  for (const p of DEMO_PROSPECTS) {
    await walk(convocatoria, coordinator, coordinator, { stateCode: p.stateCode, cohort: undefined, start: addDays(today, -100) }, p.stage, { reason: p.reason });
  }
}

const ORDER = ['candidate', 'interested', 'convened', 'joined'] as const;

async function walk(
  convocatoria: ConvocatoriaService,
  coordinator: AuthUser,
  officer: AuthUser,
  entry: { stateCode: string; cohort: string | undefined; start: string },
  stage: 'candidate' | 'interested' | 'convened' | 'joined' | 'declined',
  extra: { joinedOn?: string; reason?: string },
): Promise<void> {
  const { stateCode, start } = entry;
  const added = await convocatoria.addCandidate(coordinator, MODEL_PROGRAM_CODE, { stateCode, cohort: entry.cohort, on: start });
  const reach = stage === 'declined' ? 1 : ORDER.indexOf(stage);
  if (reach >= 1) {
    const pdf = demoDocumentPdf(['Manifiesto de interés', 'Programa de Implementación Modelo de la Política Nacional de Datos Abiertos', `Entidad federativa: ${added.stateName}`, 'Documento de demostración generado por Rumbo.']);
    const file = await convocatoria.upload(officer, MODEL_PROGRAM_CODE, stateCode, { originalname: 'manifiesto-de-interes.pdf', mimetype: 'application/pdf', size: pdf.length, buffer: pdf });
    await convocatoria.transition(officer, MODEL_PROGRAM_CODE, stateCode, { to: 'interested', on: addDays(start, 14), fileId: file.id });
  }
  if (reach >= 2) await convocatoria.transition(coordinator, MODEL_PROGRAM_CODE, stateCode, { to: 'convened', on: addDays(start, 28) });
  if (stage === 'joined') await convocatoria.transition(coordinator, MODEL_PROGRAM_CODE, stateCode, { to: 'joined', on: addDays(start, 49), joinedOn: extra.joinedOn });
  if (stage === 'declined') await convocatoria.transition(coordinator, MODEL_PROGRAM_CODE, stateCode, { to: 'declined', on: addDays(start, 21), reason: extra.reason });
}
