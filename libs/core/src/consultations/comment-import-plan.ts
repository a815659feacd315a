import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../../platform/src/http/field-errors.js';
import { CONSULTATION_COMMENT_TYPE_ES } from '../../../platform/src/i18n/labels-es.js';
import { mapColumns, type ImportRowError, type MappedRow } from '../imports/column-map.js';
import { headerKey, type TabularFile } from '../imports/tabular-file.js';
import { COMMENT_COLUMNS } from './comment-table.js';
import { COMMENT_TYPES } from './consultation.entity.js';
import { commentRuleErrors } from './consultation-rules.js';
import type { CommentRow, NewComment } from './consultations.repository.js';
import { CreateConsultationCommentDto } from './dto/consultation.dto.js';

export interface PlannedComment {
  line: number;
  action: 'create' | 'unchanged';
  commentId: string | null;
  label: string;
  comment: Omit<NewComment, 'roundId' | 'createdById'> | null;
}

export interface CommentImportPlan {
  rows: PlannedComment[];
  errors: ImportRowError[];
}

const REQUIRED = ['originBody', 'type', 'text', 'attended'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE_BY_WORD = new Map<string, (typeof COMMENT_TYPES)[number]>(COMMENT_TYPES.flatMap((t) => [[headerKey(t), t], [headerKey(CONSULTATION_COMMENT_TYPE_ES[t]), t]] as const));
const YES = new Set(['true', 'si', 'yes', '1']);
const NO = new Set(['false', 'no', '0']);

/**
 * What importing a sheet of comments into a round would do, row by row, with every error (line, column, message);
 * pure, so the dry run and the confirmed import decide alike. A row without Folio is a new comment, checked by the
 * form's own rules (the DTO, then `commentRuleErrors`); a row with the Folio of a comment of this round must say
 * what that comment says (an export re-imports unchanged): a recorded comment is never edited.
 */
export function planCommentImport(file: TabularFile, ctx: { activityCodes: ReadonlySet<string>; stored: ReadonlyMap<string, CommentRow> }): CommentImportPlan {
  const { rows, headers, errors } = mapColumns(file, COMMENT_COLUMNS, REQUIRED);
  if (errors.length) return { rows: [], errors };
  const col = (key: string) => headers[key] ?? key;
  const planned: PlannedComment[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const { line, values: v } = row;
    const rowErrors: ImportRowError[] = [];
    const err = (key: string | null, message: string) => rowErrors.push({ line, column: key ? col(key) : null, field: key, message });
    const label = `${v.originBody ?? ''} · ${(v.text ?? '').slice(0, 60)}`;
    const attendedWord = headerKey(v.attended ?? '');
    const attended = YES.has(attendedWord) ? true : NO.has(attendedWord) ? false : undefined;
    if (v.id) {
      const stored = UUID.test(v.id) ? ctx.stored.get(v.id.toLowerCase()) : undefined;
      if (!stored) err('id', `comment ${v.id} is not a comment of this round; clear its Folio to add the row as a new comment`);
      else if (seen.has(stored.id)) err(null, `this row and line ${seen.get(stored.id)} are the same comment`);
      else {
        seen.set(stored.id, line);
        const differs = differences(row, stored, attended);
        if (differs.length) err(differs[0], `comment ${v.id} is recorded already and a comment is never edited (this row differs in: ${differs.map(col).join(', ')})`);
        else planned.push({ line, action: 'unchanged', commentId: stored.id, label, comment: null });
      }
      errors.push(...rowErrors);
      continue;
    }
    if (attended === undefined) err('attended', 'attended must be Sí or No (true or false)');
    const input = {
      originBody: v.originBody ?? '',
      type: TYPE_BY_WORD.get(headerKey(v.type ?? '')) ?? v.type ?? '',
      text: v.text ?? '',
      activityCode: v.activityCode || undefined,
      attended: attended ?? false,
      response: v.response || undefined,
    };
    // The row's fields follow the form's rules (one home): the same DTO and rule function, the same messages.
    for (const e of flattenValidationErrors(validateSync(plainToInstance(CreateConsultationCommentDto, input)))) err(e.field, e.message);
    // With Atendido unreadable (reported above) the answer is not asked for; the activity is checked all the same.
    for (const e of commentRuleErrors({ ...input, attended: attended ?? true }, ctx.activityCodes)) err(e.field, e.message);
    if (!rowErrors.length) {
      planned.push({ line, action: 'create', commentId: null, label, comment: { originBody: input.originBody.trim(), type: input.type as (typeof COMMENT_TYPES)[number], text: input.text.trim(), activityCode: input.activityCode ?? null, attended: input.attended, response: input.response?.trim() || null } });
    }
    errors.push(...rowErrors);
  }
  return { rows: errors.length ? [] : planned, errors };
}

/** The columns in which a row naming a recorded comment says something else than that comment. */
function differences(row: MappedRow, c: CommentRow, attended: boolean | undefined): string[] {
  const v = row.values;
  const same = (key: string, stored: string | null) => v[key] === undefined || (v[key] || null) === stored;
  const out: string[] = [];
  if (!same('originBody', c.originBody)) out.push('originBody');
  if (v.type !== undefined && TYPE_BY_WORD.get(headerKey(v.type)) !== c.type) out.push('type');
  if (!same('text', c.text)) out.push('text');
  if (!same('activityCode', c.activityCode)) out.push('activityCode');
  if (v.attended !== undefined && attended !== c.attended) out.push('attended');
  if (!same('response', c.response)) out.push('response');
  return out;
}
