import type { TableColumn } from '../../../platform/src/tables/table.js';
import { headerKey, type TabularFile } from './tabular-file.js';

export interface ImportRowError {
  /** 1 = the header row. */
  line: number;
  /** The column's header as written in the file; null for an error about the whole row or file. */
  column: string | null;
  /** The column's key (`joinedOn`), null with `column`. */
  field: string | null;
  message: string;
}

export interface MappedRow {
  line: number;
  /** By column key; absent when the file has no such column, '' when the cell is empty. */
  values: Partial<Record<string, string>>;
}

/**
 * Reads the header against the columns an export writes: a header matches a column by its key (`joinedOn`, the
 * CSV) or its es-MX header (`Alta`, the XLSX), ignoring case and accents. Unknown, repeated and missing
 * required columns are errors on line 1.
 */
export function mapColumns(file: TabularFile, columns: readonly TableColumn[], required: readonly string[]): { rows: MappedRow[]; headers: Record<string, string>; errors: ImportRowError[] } {
  const byHeader = new Map<string, TableColumn>();
  for (const c of columns) for (const h of [c.key, c.header]) byHeader.set(headerKey(h), c);
  const errors: ImportRowError[] = [];
  const at: (string | null)[] = [];
  const headers: Record<string, string> = {};
  file.headers.forEach((h) => {
    const c = h === '' ? undefined : byHeader.get(headerKey(h));
    if (h !== '' && !c) errors.push({ line: 1, column: h, field: null, message: `unknown column "${h}"; the columns are: ${columns.map((x) => x.key).join(', ')}` });
    else if (c && headers[c.key] !== undefined) errors.push({ line: 1, column: h, field: c.key, message: `column "${h}" appears twice` });
    if (c && headers[c.key] === undefined) headers[c.key] = h;
    at.push(c && headers[c.key] === h ? c.key : null);
  });
  for (const key of required) {
    if (headers[key] === undefined) errors.push({ line: 1, column: null, field: key, message: `the file has no column "${key}" (or "${columns.find((c) => c.key === key)?.header}")` });
  }
  const rows = file.rows.map((r) => ({
    line: r.line,
    values: Object.fromEntries(at.flatMap((key, i) => (key ? [[key, (r.cells[i] ?? '').trim()]] : []))),
  }));
  return { rows, headers, errors };
}
