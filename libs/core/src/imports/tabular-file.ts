import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';

/** Rows a single import may hold: far above a state's institutions or a quarter's reports. */
export const MAX_IMPORT_ROWS = 5000;

export interface TabularRow {
  /** The line (CSV) or row number (XLSX) people see in their program, header = 1. */
  line: number;
  cells: string[];
}

export interface TabularFile {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: TabularRow[];
}

const fileError = (message: string) => new FieldValidationException([{ field: 'file', message }]);

/**
 * The header and rows of an uploaded CSV (UTF-8, comma-separated, optional BOM) or XLSX (first sheet), every
 * cell as text (dates YYYY-MM-DD). Anything else is a 400 on `file`: the import never guesses a format.
 */
export async function readTabularFile(buffer: Buffer): Promise<TabularFile> {
  if (buffer.length === 0) throw fileError('file is empty');
  const isZip = buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const table = isZip ? await readXlsx(buffer) : readCsv(buffer);
  const [header, ...rest] = table;
  if (!header || header.cells.every((c) => c.trim() === '')) throw fileError('the file has no header row');
  const rows = rest.filter((r) => r.cells.some((c) => c !== ''));
  // PostgreSQL cannot store NUL. The XML parser already refuses &#0;; this holds whatever other way one gets in.
  if (table.some((r) => r.cells.some((c) => c.includes('\u0000')))) throw fileError('the file contains characters that cannot be stored (a NUL byte)');
  if (rows.length > MAX_IMPORT_ROWS) throw fileError(`the file has ${rows.length} rows; an import takes at most ${MAX_IMPORT_ROWS}`);
  return { format: isZip ? 'xlsx' : 'csv', headers: header.cells.map((h) => h.trim()), rows };
}

function readCsv(buffer: Buffer): TabularRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw fileError('the file is neither an XLSX workbook nor a UTF-8 CSV text');
  }
  if (text.includes('\u0000')) throw fileError('the file is neither an XLSX workbook nor a UTF-8 CSV text');
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines, cells: record.map(unguard) }));
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw fileError(`the CSV cannot be read${line ? ` (line ${line})` : ''}: check its quotes`);
  }
}

async function readXlsx(buffer: Buffer): Promise<TabularRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw fileError('the XLSX workbook cannot be read: it is damaged or not a workbook');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileError('the XLSX workbook has no sheet');
  const rows: TabularRow[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    rows.push({ line, cells: Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value)) });
  });
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
}

// Our CSV exports prefix a text that a spreadsheet would run as a formula with an apostrophe: undo it on the
// way back in, so that an export re-imports unchanged.
function unguard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Lower-case, accent-free, single-spaced: how a header is matched (`Orden de gobierno` = `orden de gobierno`). */
export function headerKey(h: string): string {
  return h.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
