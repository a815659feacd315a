import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../../platform/src/http/field-errors.js';
import { EVIDENCE_KIND_ES, REPORT_STATUS_ES, REVIEW_STATE_ES } from '../../../platform/src/i18n/labels-es.js';
import { mapColumns, type ImportRowError, type MappedRow } from '../imports/column-map.js';
import { headerKey, type TabularFile } from '../imports/tabular-file.js';
import { institutionNameKey } from '../institutions/institution-name.js';
import type { Institution } from '../institutions/institution.entity.js';
import { EVIDENCE_KINDS, type ActivityLevel, type EvidenceKind } from '../programs/activity.entity.js';
import { CreateReportDto } from './dto/create-report.dto.js';
import { checkReport, type ReportInput } from './report-rules.js';
import { REPORT_COLUMNS } from './report-tables.js';
import { REPORT_STATUSES, REVIEW_STATES, type ReportStatus } from './report.entity.js';
import type { NewEvidence } from './reports.repository.js';

/** A plan item of the state, as the rows are checked against it. */
export interface ImportPlanItem {
  id: string;
  activityCode: string;
  included: boolean;
  level: ActivityLevel;
  metrics: readonly string[];
  evidenceKinds: readonly EvidenceKind[];
  completionNeedsEvidence: boolean;
  formats: readonly { code: string; name: string }[];
}

/** A report already stored, as a row naming it by its Folio is compared with it. */
export interface StoredReport {
  id: string;
  activityCode: string;
  institutionName: string | null;
  status: ReportStatus;
  percent: number;
  reportedOn: string;
  narrative: string | null;
  metrics: Record<string, number>;
}

export interface ReportImportContext {
  stateCode: string;
  /** Today in the program's time zone. */
  today: string;
  stateJoinedOn: string;
  items: readonly ImportPlanItem[];
  institutions: readonly Institution[];
  /** The stored reports of this state among those the file names by Folio (see `reportIdsNamedIn`). */
  stored: ReadonlyMap<string, StoredReport>;
}

/** A row that becomes a new report: what the submission form would send, resolved to the plan item. */
export interface NewImportedReport {
  planItemId: string;
  activityCode: string;
  institutionId: string | null;
  status: ReportStatus;
  percent: number;
  reportedOn: string;
  narrative: string | null;
  metrics: Record<string, number>;
  evidence: NewEvidence[];
}

export interface PlannedReport {
  line: number;
  /** `create`: a new report; `unchanged`: the row is a stored report (its Folio) and says what it says. */
  action: 'create' | 'unchanged';
  reportId: string | null;
  label: string;
  report: NewImportedReport | null;
}

export interface ReportImportPlan {
  rows: PlannedReport[];
  errors: ImportRowError[];
}

const REQUIRED = ['activityCode', 'status', 'percent', 'reportedOn'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const byWord = <T extends string>(codes: readonly T[], labels: Record<T, string>) => new Map<string, T>(codes.flatMap((c) => [[headerKey(c), c], [headerKey(labels[c]), c]] as [string, T][]));
const STATUS_BY_WORD = byWord(REPORT_STATUSES, REPORT_STATUS_ES);
const REVIEW_BY_WORD = byWord(REVIEW_STATES, REVIEW_STATE_ES);
const EVIDENCE_BY_WORD = byWord(EVIDENCE_KINDS, EVIDENCE_KIND_ES);

/** The Folios a file names that could be reports: the stored reports the plan must be given. */
export function reportIdsNamedIn(file: TabularFile): string[] {
  const { rows, errors } = mapColumns(file, REPORT_COLUMNS, REQUIRED);
  return errors.length ? [] : [...new Set(rows.flatMap((r) => (r.values.id && UUID.test(r.values.id) ? [r.values.id.toLowerCase()] : [])))];
}

/**
 * What importing the file would do to the state's reports, row by row, with every error (line, column, message):
 * pure, so the dry run and the confirmed import decide alike. Reports are append-only, so a row either is a new
 * report — checked by the submission form's own rules (the DTO, then `checkReport`) — or names a stored report by
 * its Folio and must say what that report says (an export re-imports unchanged); a stored report is never edited.
 * Rows name their institution by name, as the export writes it. Evidence comes as links (`Liga: título <url>`);
 * a document needs its file, so it is uploaded in the form, not in a sheet.
 */
export function planReportImport(file: TabularFile, ctx: ReportImportContext): ReportImportPlan {
  const { rows, headers, errors } = mapColumns(file, REPORT_COLUMNS, REQUIRED);
  if (errors.length) return { rows: [], errors };
  const col = (key: string) => headers[key] ?? key;
  const items = new Map(ctx.items.map((i) => [i.activityCode, i]));
  const institutions = new Map(ctx.institutions.map((i) => [i.nameKey, i]));
  const seen = new Map<string, number>(); // report id → line that named it
  const planned: PlannedReport[] = [];

  for (const row of rows) {
    const { line, values: v } = row;
    const rowErrors: ImportRowError[] = [];
    const err = (key: string | null, message: string) => rowErrors.push({ line, column: key ? col(key) : null, field: key, message });
    if (v.stateCode && v.stateCode !== ctx.stateCode) err('stateCode', `this row is of state ${v.stateCode}; the file is being imported into state ${ctx.stateCode}`);
    const institutionName = v.institutionName || null;
    const institution = institutionName ? institutions.get(institutionNameKey(institutionName)) : undefined;
    const label = [v.activityCode ?? '', institution?.name ?? institutionName, v.reportedOn].filter(Boolean).join(' · ');
    const id = v.id || null;

    if (id !== null) {
      const stored = UUID.test(id) ? ctx.stored.get(id.toLowerCase()) : undefined;
      if (!UUID.test(id)) err('id', 'id must be a UUID');
      else if (!stored) err('id', `report ${id} is not a report of state ${ctx.stateCode} in this program`);
      else if (seen.has(stored.id)) err(null, `this row and line ${seen.get(stored.id)} are the same report`);
      else {
        seen.set(stored.id, line);
        const differs = differences(row, stored);
        if (differs.length) err(differs[0], `report ${id} was submitted already and a report is never edited (this row differs in: ${differs.map(col).join(', ')}); clear its Folio to submit the row as a new report`);
      }
      if (!rowErrors.length) planned.push({ line, action: 'unchanged', reportId: stored!.id, label, report: null });
      errors.push(...rowErrors);
      continue;
    }

    if (institutionName && !institution) err('institutionName', `no institution named "${institutionName}" is registered in state ${ctx.stateCode}`);
    const review = v.reviewState ? REVIEW_BY_WORD.get(headerKey(v.reviewState)) : 'submitted';
    if (review !== 'submitted') err('reviewState', 'a new report is submitted for the coordination to review: leave its review column empty');
    const metrics = parseMetrics(v.metrics ?? '');
    if (metrics === null) err('metrics', 'write metrics as name=value pairs separated by semicolons (e.g. conjuntos_publicados=3)');
    const evidence = parseEvidence(v.evidence ?? '');
    if (evidence === 'document') err('evidence', 'a document cannot come in a sheet: submit this report in the form and attach the file there');
    else if (evidence === null) err('evidence', 'write evidence as "Liga: <title> <https://…>" or "Conjunto de datos: <title> <https://…>", separated by semicolons');

    const input = {
      activityCode: v.activityCode ?? '',
      institutionId: institution?.id,
      status: STATUS_BY_WORD.get(headerKey(v.status ?? '')) ?? v.status ?? '',
      percent: parsePercent(v.percent ?? ''),
      reportedOn: v.reportedOn ?? '',
      narrative: v.narrative || undefined,
      metrics: metrics ?? undefined,
      evidence: Array.isArray(evidence) ? evidence : undefined,
    };
    // The row's fields follow the submission form's rules (one home): the same DTO, the same messages.
    const dtoErrors = flattenValidationErrors(validateSync(plainToInstance(CreateReportDto, input)));
    for (const e of dtoErrors) err(columnOf(e.field), e.message);
    const item = items.get(input.activityCode);
    if (input.activityCode && !item) err('activityCode', `activity ${input.activityCode} is not in the plan of state ${ctx.stateCode}`);
    else if (item && !item.included) err('activityCode', `activity ${item.activityCode} is excluded from the plan of state ${ctx.stateCode}; include it again (re-plan) before reporting on it`);
    if (!rowErrors.length && item && (!institutionName || institution)) {
      const ruleErrors = checkReport(input as ReportInput, {
        today: ctx.today,
        participationJoinedOn: ctx.stateJoinedOn,
        activity: { code: item.activityCode, level: item.level, metrics: item.metrics, evidenceKinds: item.evidenceKinds, completionNeedsEvidence: item.completionNeedsEvidence, formats: item.formats },
        institution: institution ? { joinedOn: institution.joinedOn, exitedOn: institution.exitedOn } : null,
        filesOfState: new Set(),
        stateCode: ctx.stateCode,
      });
      for (const e of ruleErrors) err(columnOf(e.field), e.message);
    }
    if (!rowErrors.length && item) {
      planned.push({
        line,
        action: 'create',
        reportId: null,
        label,
        report: {
          planItemId: item.id,
          activityCode: item.activityCode,
          institutionId: institution?.id ?? null,
          status: input.status as ReportStatus,
          percent: input.percent as number,
          reportedOn: input.reportedOn,
          narrative: input.narrative?.trim() || null,
          metrics: metrics as Record<string, number>,
          evidence: (evidence as Exclude<typeof evidence, 'document' | null>).map((e) => ({ kind: e.kind, title: e.title.trim(), url: e.url, fileId: null, highValue: false, format: null, licence: null, formatCode: null })),
        },
      });
    }
    errors.push(...rowErrors);
  }
  return { rows: errors.length ? [] : planned, errors };
}

/** The file's column a field of the submission form comes from (`evidence.0.url` → `evidence`). */
function columnOf(field: string): string {
  const top = field.split('.')[0];
  return top === 'institutionId' ? 'institutionName' : top;
}

/** The columns in which a row naming a stored report says something else than that report. */
function differences(row: MappedRow, r: StoredReport): string[] {
  const v = row.values;
  const metrics = v.metrics === undefined ? r.metrics : parseMetrics(v.metrics);
  const checks: [string, boolean][] = [
    ['activityCode', v.activityCode !== undefined && v.activityCode !== r.activityCode],
    ['institutionName', v.institutionName !== undefined && institutionNameKey(v.institutionName) !== institutionNameKey(r.institutionName ?? '')],
    ['status', v.status !== undefined && STATUS_BY_WORD.get(headerKey(v.status)) !== r.status],
    ['percent', v.percent !== undefined && parsePercent(v.percent) !== r.percent],
    ['reportedOn', v.reportedOn !== undefined && v.reportedOn !== r.reportedOn],
    ['narrative', v.narrative !== undefined && (v.narrative || null) !== (r.narrative?.trim() || null)],
    ['metrics', metrics === null || !sameMetrics(metrics, r.metrics)],
  ];
  return checks.flatMap(([key, differs]) => (differs ? [key] : []));
}

/** `60`, `60.5`, `60,5` or `60 %` as a number; anything else stays text, for the form's rule to refuse. */
function parsePercent(cell: string): number | string | undefined {
  if (cell === '') return undefined;
  const m = /^(\d{1,3}(?:[.,]\d+)?)\s*%?$/.exec(cell);
  return m ? Number(m[1].replace(',', '.')) : cell;
}

/** `name=value; name=value` → { name: value } (values that are not numbers stay text, for the rule to refuse); null if malformed. */
function parseMetrics(cell: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const part of cell.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=\s]+)\s*=\s*(.+)$/.exec(part);
    if (!m || m[1] in out) return null;
    out[m[1]] = /^\d+(\.\d+)?$/.test(m[2]) ? Number(m[2]) : m[2];
  }
  return out;
}

function sameMetrics(a: Record<string, unknown>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * The evidence cell as the export writes links: `Liga: título <url>; Conjunto de datos: título <url>`. Returns
 * 'document' when it names a document (a file cannot come in a sheet), null when it cannot be read.
 */
function parseEvidence(cell: string): { kind: EvidenceKind; title: string; url: string }[] | 'document' | null {
  const out: { kind: EvidenceKind; title: string; url: string }[] = [];
  for (const part of cell.split(/;\s+(?=[^:;<>]+:)/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^:]+):\s*(.*?)\s*(?:<([^<>\s]+)>|\(([^()]*)\))$/.exec(part);
    const kind = m ? EVIDENCE_BY_WORD.get(headerKey(m[1])) : undefined;
    if (!m || !kind) return null;
    if (kind === 'document' || m[3] === undefined) return kind === 'document' ? 'document' : null;
    out.push({ kind, title: m[2], url: m[3] });
  }
  return out;
}
