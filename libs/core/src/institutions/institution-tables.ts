import { GOVERNMENT_ORDER_ES } from '../../../platform/src/i18n/labels-es.js';
import { column, type Table } from '../../../platform/src/tables/table.js';
import type { InstitutionResponse } from './dto/institution.response.js';

/** The columns of the institutions export, and what their import reads back (by key or by es-MX header). */
export const INSTITUTION_COLUMNS = [
  column('id', 'Folio', 'text', { width: 38 }),
  column('name', 'Nombre', 'text', { width: 40 }),
  column('acronym', 'Siglas'),
  column('order', 'Orden de gobierno', 'text', { labels: GOVERNMENT_ORDER_ES }),
  column('joinedOn', 'Alta', 'date'),
  column('exitedOn', 'Baja', 'date'),
] as const;

/** The state's institutions as the API lists them, active and withdrawn. */
export function institutionsTable(stateCode: string, institutions: readonly InstitutionResponse[]): Table {
  return {
    name: `Instituciones ${stateCode}`,
    columns: INSTITUTION_COLUMNS,
    rows: institutions.map((i) => [i.id, i.name, i.acronym, i.order, i.joinedOn, i.exitedOn]),
  };
}
