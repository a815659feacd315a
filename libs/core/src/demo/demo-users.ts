import type { Role } from '../../../platform/src/auth/roles.js';

export const DEMO_PASSWORD = 'rumbo-demo';

/** The model program shipped as reference data (libs/database/src/reference/condatos-2024.program.json). */
export const MODEL_PROGRAM_CODE = 'condatos-2024';

/**
 * The 11 states named in the commission's minutes (interest shown, or related initiatives), joining one a month
 * through 2025, so that today some have finished and others are in the middle of the program.
 */
export const DEMO_PARTICIPATIONS: readonly { stateCode: string; joinedOn: string }[] = [
  { stateCode: '20', joinedOn: '2025-01-15' }, // Oaxaca
  { stateCode: '30', joinedOn: '2025-02-10' }, // Veracruz
  { stateCode: '11', joinedOn: '2025-03-03' }, // Guanajuato
  { stateCode: '28', joinedOn: '2025-04-07' }, // Tamaulipas
  { stateCode: '22', joinedOn: '2025-05-05' }, // Querétaro
  { stateCode: '25', joinedOn: '2025-06-02' }, // Sinaloa
  { stateCode: '04', joinedOn: '2025-07-07' }, // Campeche
  { stateCode: '07', joinedOn: '2025-08-04' }, // Chiapas
  { stateCode: '27', joinedOn: '2025-09-01' }, // Tabasco
  { stateCode: '31', joinedOn: '2025-10-06' }, // Yucatán
  { stateCode: '19', joinedOn: '2025-11-03' }, // Nuevo León
];

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  stateCode?: string;
}

export function demoUsers(): DemoUser[] {
  return [
    { email: 'admin@rumbo.demo', name: 'Administración Rumbo', role: 'admin' },
    { email: 'coordinator@rumbo.demo', name: 'Coordinación Nacional', role: 'coordinator' },
    { email: 'reviewer@rumbo.demo', name: 'Comisión Revisora', role: 'reviewer' },
    ...DEMO_PARTICIPATIONS.map((p) => ({ email: `officer.${p.stateCode}@rumbo.demo`, name: `Enlace estatal ${p.stateCode}`, role: 'state_officer' as const, stateCode: p.stateCode })),
  ];
}

export function demoUserEmails(): string[] {
  return demoUsers().map((u) => u.email);
}
