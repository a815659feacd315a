import { CONSULTATION_COMMENT_TYPE_ES } from '../../../platform/src/i18n/labels-es.js';
import { column, type Table } from '../../../platform/src/tables/table.js';
import type { CommentRow } from './consultations.repository.js';

/** A round's comments as they leave (export) and come back (import): the same columns both ways. */
export const COMMENT_COLUMNS = [
  column('id', 'Folio', 'text', { width: 38 }),
  column('originBody', 'Origen', 'text', { width: 32 }),
  column('type', 'Tipo', 'text', { labels: CONSULTATION_COMMENT_TYPE_ES }),
  column('text', 'Comentario', 'text', { width: 60 }),
  column('activityCode', 'Actividad'),
  column('attended', 'Atendido', 'boolean'),
  column('response', 'Respuesta', 'text', { width: 50 }),
] as const;

export function commentsTable(comments: readonly CommentRow[]): Table {
  return { name: 'Comentarios', columns: COMMENT_COLUMNS, rows: comments.map((c) => [c.id, c.originBody, c.type, c.text, c.activityCode, c.attended, c.response]) };
}
