/**
 * A table as it leaves the system (XLSX sheet or CSV file): typed columns, rows of plain values. Built by each
 * module from its own API response, so an export holds exactly the figures the screen shows.
 */
export type CellValue = string | number | boolean | null;

export type ColumnType = 'text' | 'number' | 'integer' | 'date' | 'boolean';

export interface TableColumn {
  /** The CSV header and the stable name of the column (English identifier, like the API's field). */
  key: string;
  /** The XLSX header (es-MX). */
  header: string;
  type: ColumnType;
  /** es-MX words for codes (`on_track` → `En tiempo`), shown in XLSX; CSV keeps the code. */
  labels?: Readonly<Record<string, string>>;
  /** XLSX column width in characters. */
  width?: number;
}

export interface Table {
  /** The XLSX sheet name (es-MX, at most 31 characters). */
  name: string;
  columns: readonly TableColumn[];
  rows: readonly (readonly CellValue[])[];
}

/** A column, more briefly: `column('progress', 'Avance (%)', 'number')`. */
export function column(key: string, header: string, type: ColumnType = 'text', extra: Pick<TableColumn, 'labels' | 'width'> = {}): TableColumn {
  return { key, header, type, ...extra };
}
