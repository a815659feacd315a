import type { CellValue, Table } from './table.js';

/** RFC 4180 text: fields quoted only when needed, null as an empty cell, CRLF after every line. */
export function csvText(rows: readonly (readonly CellValue[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe, the
// usual guard against CSV injection: user-written names and narratives end up in Excel.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One table as CSV: a header row of column keys, codes as they are, dates YYYY-MM-DD, booleans true/false. */
export function tableCsv(table: Table): string {
  const guard = table.columns.map((c) => c.type === 'text');
  return csvText([
    table.columns.map((c) => c.key),
    ...table.rows.map((r) => r.map((v, i) => (guard[i] && typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v))),
  ]);
}
