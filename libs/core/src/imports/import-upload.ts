import { createHash } from 'node:crypto';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import type { ImportRowError } from './column-map.js';
import type { ImportBatch, ImportKind } from './import-batch.entity.js';
import { readTabularFile, type TabularFile } from './tabular-file.js';

export interface ImportUpload {
  originalname: string;
  buffer: Buffer;
}

/** An uploaded file read for an import: its rows, its SHA-256 (what makes a confirmed import idempotent), its name. */
export interface ReadUpload {
  file: TabularFile;
  fileHash: string;
  fileName: string;
  /** The fields every import result starts with. */
  base: { kind: ImportKind; dryRun: boolean; fileName: string; format: TabularFile['format']; fileHash: string; rowCount: number };
}

/** Reads the multipart `file` of an import; a missing or unreadable file is a 400 on `file`. */
export async function readUpload(kind: ImportKind, upload: ImportUpload | undefined, dryRun: boolean): Promise<ReadUpload> {
  if (!upload) throw new FieldValidationException([{ field: 'file', message: 'file is required (multipart field "file")' }]);
  const file = await readTabularFile(upload.buffer);
  const fileHash = createHash('sha256').update(upload.buffer).digest('hex');
  // The name is the client's: keep it printable and within the column.
  const fileName = upload.originalname.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'archivo';
  return { file, fileHash, fileName, base: { kind, dryRun, fileName, format: file.format, fileHash, rowCount: file.rows.length } };
}

/** A confirmed import refused: each error as a field error, `rows.<line>.<column key>` (line 1 is the header). */
export function importRefused(errors: readonly ImportRowError[]): FieldValidationException {
  return new FieldValidationException(
    errors.map((e) => ({ field: `rows.${e.line}${e.field ? `.${e.field}` : ''}`, message: e.message })),
    'The file has errors; nothing was imported',
  );
}

/** What a file imported before answers when sent again: the first import's counts, nothing written. */
export function alreadyImported(previous: Pick<ImportBatch, 'created' | 'updated' | 'unchanged' | 'createdAt'>) {
  return { created: previous.created, updated: previous.updated, unchanged: previous.unchanged, errors: [], rows: [], alreadyImported: true, importedAt: new Date(previous.createdAt).toISOString() };
}
