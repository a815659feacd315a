import { DIRECTION_ES, INDICATOR_STATUS_ES, INDICATOR_UNIT_ES } from '../../../../platform/src/i18n/labels-es.js';
import { column, type CellValue, type Table } from '../../../../platform/src/tables/table.js';
import type { IndicatorListResponse } from '../../indicators/dto/indicator.response.js';

export const INDICATOR_COLUMNS = [
  column('scope', 'Ámbito', 'text', { labels: { national: 'Nacional' } }),
  column('asOf', 'Fecha de corte', 'date'),
  column('code', 'Indicador'),
  column('name', 'Nombre', 'text', { width: 40 }),
  column('unit', 'Unidad', 'text', { labels: INDICATOR_UNIT_ES }),
  column('direction', 'Sentido', 'text', { labels: DIRECTION_ES }),
  column('value', 'Valor', 'number'),
  column('baselineValue', 'Línea base', 'number'),
  column('baselineDate', 'Fecha de la línea base', 'date'),
  column('targetValue', 'Meta', 'number'),
  column('targetDate', 'Fecha de la meta', 'date'),
  column('expectedNow', 'Esperado a la fecha', 'number'),
  column('achievement', 'Logro (%)', 'number'),
  column('status', 'Situación', 'text', { labels: INDICATOR_STATUS_ES, width: 24 }),
] as const;

export interface IndicatorRowSource {
  code: string;
  name: string;
  unit: string;
  direction: string;
  value: number | null;
  baseline: { value: number; date: string | null } | null;
  target: { value: number; date: string | null } | null;
  expectedNow: number | null;
  achievement: number | null;
  status: string | null;
}

export function indicatorRow(scope: string, asOf: string, f: IndicatorRowSource): CellValue[] {
  return [scope, asOf, f.code, f.name, f.unit, f.direction, f.value, f.baseline?.value ?? null, f.baseline?.date ?? null, f.target?.value ?? null, f.target?.date ?? null, f.expectedNow, f.achievement, f.status];
}

/** The indicators of one scope (national, or the state asked for), in document order. */
export function indicatorsTable(list: IndicatorListResponse): Table {
  return { name: 'Indicadores', columns: INDICATOR_COLUMNS, rows: list.indicators.map((f) => indicatorRow(list.scope, list.asOf, f)) };
}
