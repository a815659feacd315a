import ExcelJS from 'exceljs';
import type { CellValue, Table, TableColumn } from './table.js';

const NUMBER_FORMATS: Partial<Record<TableColumn['type'], string>> = { number: '0.0', integer: '0', date: 'yyyy-mm-dd' };

/**
 * A workbook with one sheet per table: a bold, frozen header row in es-MX, typed cells (numbers as numbers,
 * dates as dates) and an autofilter, so the commission can sort and filter without cleaning the file first.
 */
export async function workbookBuffer(tables: readonly Table[], meta: { title: string; creator?: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.creator ?? 'Rumbo';
  wb.title = meta.title;
  wb.created = new Date(0); // A fixed date: the same figures give the same file.
  for (const table of tables) {
    const ws = wb.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? defaultWidth(c), style: NUMBER_FORMATS[c.type] ? { numFmt: NUMBER_FORMATS[c.type] } : {} }));
    ws.getRow(1).font = { bold: true };
    for (const row of table.rows) ws.addRow(row.map((v, i) => cellValue(table.columns[i], v)));
    if (table.columns.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellValue(col: TableColumn, v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (col.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  if (col.labels && typeof v === 'string') return col.labels[v] ?? v;
  return v;
}

function defaultWidth(c: TableColumn): number {
  if (c.type === 'date') return 12;
  if (c.type === 'number' || c.type === 'integer' || c.type === 'boolean') return Math.max(10, c.header.length + 2);
  return Math.max(14, Math.min(40, c.header.length + 2));
}

// Excel refuses sheet names over 31 characters or with : \ / ? * [ ].
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
