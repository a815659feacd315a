import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { attachmentDisposition } from '../http/attachment.js';
import { tableCsv } from './csv.js';
import type { Table } from './table.js';
import { workbookBuffer } from './xlsx.js';

export const EXPORT_MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export type ExportFormat = keyof typeof EXPORT_MEDIA_TYPES;
export const TABLE_FORMATS = ['xlsx', 'csv'] as const satisfies readonly ExportFormat[];
export type TableFormat = (typeof TABLE_FORMATS)[number];

export interface ExportFile {
  /** Without extension: `avance-condatos-2024-2025-06-30`. */
  baseName: string;
  format: ExportFormat;
  body: Buffer;
}

/** One table as CSV, or as a one-sheet workbook. */
export async function tableFile(table: Table, format: TableFormat, baseName: string, title: string): Promise<ExportFile> {
  // A BOM so that Excel, opening the CSV by double click, reads UTF-8 (accents in state and institution names).
  const body = format === 'csv' ? Buffer.from(`\uFEFF${tableCsv(table)}`, 'utf8') : await workbookBuffer([table], { title });
  return { baseName, format, body };
}

/** The answer for an export: an attachment, never cached (it holds non-public figures). */
export function sendExport(res: Response, file: ExportFile): StreamableFile {
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(file.body, { type: EXPORT_MEDIA_TYPES[file.format], length: file.body.length, disposition: attachmentDisposition(`${file.baseName}.${file.format}`) });
}
