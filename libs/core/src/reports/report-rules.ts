import type { FieldError } from '../../../platform/src/http/field-errors.js';
import type { ActivityLevel, EvidenceKind } from '../programs/activity.entity.js';
import type { ReportStatus } from './report.entity.js';

/** What a report says, as far as the rules below care (the DTO has already checked types and ranges). */
export interface ReportInput {
  status: ReportStatus;
  percent: number;
  reportedOn: string;
  institutionId?: string | null;
  metrics?: Record<string, unknown>;
  evidence?: { kind: EvidenceKind; url?: string; fileId?: string; highValue?: boolean; formatCode?: string }[];
}

/** A format of the activity, as the rules name it. */
export interface ActivityFormatRef {
  code: string;
  name: string;
}

/** What verifiable completion looks at on an activity. */
export interface CompletionRule {
  evidenceKinds: readonly EvidenceKind[];
  completionNeedsEvidence: boolean;
  formats: readonly ActivityFormatRef[];
}

/** What the rules compare the report with, looked up by the service. */
export interface ReportContext {
  /** Today in the program's time zone. */
  today: string;
  participationJoinedOn: string;
  activity: { code: string; level: ActivityLevel; metrics: readonly string[] } & CompletionRule;
  /** The named institution as registered in this participation; null when named but not registered there. */
  institution: { joinedOn: string; exitedOn: string | null } | null;
  /** Ids of the uploaded files of this state (and program) among those the evidence names. */
  filesOfState: ReadonlySet<string>;
  stateCode: string;
}

const METRIC_MAX = 1e12;

/**
 * The report rules that need more than the DTO: status and percent agree, the date is possible, the unit is
 * right for the activity's level, metrics are declared, evidence points at something. Returns every problem
 * found, each on its field; an empty list means the report may be stored.
 */
export function checkReport(input: ReportInput, ctx: ReportContext): FieldError[] {
  const errors: FieldError[] = [];
  if (input.status === 'completed' && input.percent !== 100) errors.push({ field: 'percent', message: 'a completed report must have percent 100' });
  if (input.status === 'not_started' && input.percent !== 0) errors.push({ field: 'percent', message: 'a not_started report must have percent 0' });

  if (input.reportedOn > ctx.today) errors.push({ field: 'reportedOn', message: `reportedOn (${input.reportedOn}) must not be in the future (today is ${ctx.today})` });
  else if (input.reportedOn < ctx.participationJoinedOn) {
    errors.push({ field: 'reportedOn', message: `reportedOn (${input.reportedOn}) must not be before the state joined the program (${ctx.participationJoinedOn})` });
  }

  const named = input.institutionId !== undefined && input.institutionId !== null;
  if (ctx.activity.level === 'state' && named) {
    errors.push({ field: 'institutionId', message: `activity ${ctx.activity.code} is done by the state authority: a report on it names no institution` });
  } else if (ctx.activity.level === 'institution') {
    if (!named) errors.push({ field: 'institutionId', message: `activity ${ctx.activity.code} is done by each institution: name the institution (institutionId)` });
    else if (ctx.institution === null) errors.push({ field: 'institutionId', message: `institution ${input.institutionId} is not registered in state ${ctx.stateCode}` });
    else if (!activeAt(ctx.institution, input.reportedOn)) {
      const { joinedOn, exitedOn } = ctx.institution;
      errors.push({ field: 'institutionId', message: `the institution was not active on ${input.reportedOn} (joined ${joinedOn}${exitedOn ? `, exited ${exitedOn}` : ''})` });
    }
  }

  for (const [name, value] of Object.entries(input.metrics ?? {})) {
    const field = `metrics.${name}`;
    if (!ctx.activity.metrics.includes(name)) {
      const declared = ctx.activity.metrics.length ? ctx.activity.metrics.join(', ') : 'none';
      errors.push({ field, message: `activity ${ctx.activity.code} does not declare the metric "${name}" (declared: ${declared})` });
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > METRIC_MAX) {
      errors.push({ field, message: `${name} must be a number ≥ 0` });
    }
  }

  for (const [i, e] of (input.evidence ?? []).entries()) {
    const at = (f: string) => `evidence.${i}.${f}`;
    if (e.kind === 'document') {
      if (e.fileId === undefined) errors.push({ field: at('fileId'), message: 'document evidence needs the fileId of a file uploaded to this state' });
      else if (!ctx.filesOfState.has(e.fileId)) errors.push({ field: at('fileId'), message: `no file ${e.fileId} was uploaded to state ${ctx.stateCode} in this program` });
      if (e.url !== undefined) errors.push({ field: at('url'), message: 'document evidence is a stored file: send fileId, not url (use kind url for a link)' });
    } else {
      if (e.url === undefined) errors.push({ field: at('url'), message: `${e.kind} evidence needs an http(s) url` });
      if (e.fileId !== undefined) errors.push({ field: at('fileId'), message: `${e.kind} evidence is a link: fileId is only for document evidence` });
    }
    if (e.highValue === true && e.kind !== 'dataset') errors.push({ field: at('highValue'), message: 'only dataset evidence can be marked high-value' });
    if (e.formatCode !== undefined) {
      if (e.kind !== 'document') errors.push({ field: at('formatCode'), message: 'only document evidence can be the filled copy of a format' });
      else if (!ctx.activity.formats.some((f) => f.code === e.formatCode)) {
        const known = ctx.activity.formats.length ? ctx.activity.formats.map((f) => f.code).join(', ') : 'none';
        errors.push({ field: at('formatCode'), message: `activity ${ctx.activity.code} has no format ${e.formatCode} (its formats: ${known})` });
      }
    }
  }

  const missing = missingCompletionEvidence(input, ctx.activity);
  if (missing.kinds.length) {
    errors.push({ field: 'evidence', message: `activity ${ctx.activity.code} is completed only with its expected evidence: add evidence of kind ${missing.kinds.join(', ')}` });
  }
  if (missing.formats.length) {
    const list = missing.formats.map((f) => `${f.code} (${f.name})`).join(', ');
    errors.push({ field: 'evidence', message: `activity ${ctx.activity.code} is completed only with its formats filled in: add a document of format ${list}` });
  }
  return errors;
}

/**
 * Verifiable completion, its one home (the API and the reports import apply it through `checkReport`): what a
 * `completed` report lacks — expected evidence kinds without evidence, and formats of the activity without a
 * document naming them (`formatCode`). Nothing when the program document turns the rule off, or when the
 * report is not a completion.
 */
export function missingCompletionEvidence(input: Pick<ReportInput, 'status' | 'evidence'>, activity: CompletionRule): { kinds: EvidenceKind[]; formats: ActivityFormatRef[] } {
  if (input.status !== 'completed' || !activity.completionNeedsEvidence) return { kinds: [], formats: [] };
  const evidence = input.evidence ?? [];
  const carried = new Set(evidence.map((e) => e.kind));
  const filled = new Set(evidence.flatMap((e) => (e.kind === 'document' && e.formatCode !== undefined ? [e.formatCode] : [])));
  return { kinds: activity.evidenceKinds.filter((k) => !carried.has(k)), formats: activity.formats.filter((f) => !filled.has(f.code)) };
}

/** Joined on or before `t` and not exited by `t` (SPEC §3; same rule as the progress engine). */
export function activeAt(member: { joinedOn: string; exitedOn: string | null }, t: string): boolean {
  return member.joinedOn <= t && (member.exitedOn === null || member.exitedOn > t);
}

/** `Idempotency-Key`: 1–100 visible ASCII characters. Returns the error, or null when absent or valid. */
export function checkIdempotencyKey(key: string | undefined): FieldError | null {
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,100}$/.test(key)) return { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1–100 visible ASCII characters (e.g. a UUID)' };
  return null;
}
