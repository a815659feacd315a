import type { GovernmentOrder } from '../institutions/institution.entity.js';

/** Implementing institutions typical of a state's open-data program; a few are registered per demo state. */
const COMMON: { name: string; acronym: string; order: GovernmentOrder }[] = [
  { name: 'Secretaría de Finanzas', acronym: 'SEFIN', order: 'state' },
  { name: 'Secretaría de Salud', acronym: 'SS', order: 'state' },
  { name: 'Secretaría de Educación Pública del Estado', acronym: 'SEP', order: 'state' },
  { name: 'Secretaría de Movilidad', acronym: 'SEMOVI', order: 'state' },
  { name: 'Instituto Electoral Estatal', acronym: 'IEE', order: 'state' },
  { name: 'Comisión Estatal del Agua', acronym: 'CEA', order: 'state' },
  { name: 'Delegación de la Secretaría de Bienestar', acronym: 'BIENESTAR', order: 'federal' },
];

/** Capital cities, for a municipal implementer in each demo state. */
const CAPITALS: Record<string, string> = {
  '04': 'Campeche', '07': 'Tuxtla Gutiérrez', '11': 'Guanajuato', '19': 'Monterrey', '20': 'Oaxaca de Juárez', '22': 'Querétaro',
  '25': 'Culiacán', '27': 'Centro', '28': 'Ciudad Victoria', '30': 'Xalapa', '31': 'Mérida',
};

/** 3 to 6 institutions for a state, deterministic from its code. */
export function demoInstitutions(stateCode: string): { name: string; acronym: string | null; order: GovernmentOrder }[] {
  const n = Number(stateCode);
  const count = 2 + (n % 4);
  const picked = Array.from({ length: count }, (_, i) => COMMON[(n + i * 3) % COMMON.length]);
  const unique = [...new Map(picked.map((p) => [p.name, p])).values()];
  return [...unique, { name: `Municipio de ${CAPITALS[stateCode] ?? 'la capital'}`, acronym: null, order: 'municipal' }];
}
