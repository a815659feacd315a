import type { FieldError } from '../../../platform/src/http/field-errors.js';
import type { ActivityLevel, EvidenceKind } from './activity.entity.js';
import type { IndicatorDirection, IndicatorUnit } from './indicator.entity.js';
import { findIndicatorKind, INDICATOR_KIND_CODES, normalizeIndicatorParams, validateIndicatorParams, type ActivityFacts } from './indicator-kinds.js';
import type { ProgramStatus } from './program.entity.js';

/**
 * The program document (SPEC §5) in canonical form: fields in the order of the SPEC example, every optional
 * field present with its value or default (`null` when it has none). Import takes this (optional fields may
 * be left out) and export gives it back, so export(import(doc)) equals a canonical doc.
 */
export interface ProgramDocument {
  code: string;
  name: string;
  description: string | null;
  approvedOn: string | null;
  approvalReference: string | null;
  timeZone: string;
  thresholds: { atRisk: number; offTrack: number };
  status: ProgramStatus;
  phases: PhaseDocument[];
  activities: ActivityDocument[];
  indicators: IndicatorDocument[];
}

export interface PhaseDocument {
  number: number;
  name: string;
  description: string | null;
}

export interface ActivityDocument {
  code: string;
  phase: number;
  name: string;
  level: ActivityLevel;
  startDay: number;
  durationDays: number;
  weight: number;
  optional: boolean;
  evidenceKinds: EvidenceKind[];
  /** A `completed` report must carry evidence of each of `evidenceKinds` (default true). */
  completionNeedsEvidence: boolean;
  metrics: string[];
  /** The formats (formatos) states fill in and upload as document evidence of this activity. */
  formats: FormatDocument[];
}

export interface FormatDocument {
  /** Unique within the activity, e.g. `F-01`. */
  code: string;
  name: string;
  description: string | null;
  /** A template uploaded to the program (`POST /programs/:programId/templates`), or null. */
  templateFileId: string | null;
}

export interface IndicatorDocument {
  code: string;
  name: string;
  definition: string | null;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  kind: string;
  params: Record<string, unknown>;
  baseline: { value: number; date: string | null } | null;
  targets: TargetDocument[];
}

export interface TargetDocument {
  scope: 'national' | 'state';
  stateCode: string | null;
  value: number;
  /** null: the target holds for every period. */
  date: string | null;
}

export const DEFAULT_TIME_ZONE = 'America/Mexico_City';
export const DEFAULT_THRESHOLDS = { atRisk: -5, offTrack: -15 } as const;

/** A validated document as it arrives: optional fields may be missing or null. */
export type ProgramDocumentInput = {
  code: string;
  name: string;
  description?: string | null;
  approvedOn?: string | null;
  approvalReference?: string | null;
  timeZone?: string | null;
  thresholds?: { atRisk?: number | null; offTrack?: number | null } | null;
  status?: ProgramStatus | null;
  phases: { number: number; name: string; description?: string | null }[];
  activities: (Omit<ActivityDocument, 'optional' | 'evidenceKinds' | 'completionNeedsEvidence' | 'metrics' | 'formats'> & {
    optional?: boolean | null;
    evidenceKinds?: EvidenceKind[] | null;
    completionNeedsEvidence?: boolean | null;
    metrics?: string[] | null;
    formats?: { code: string; name: string; description?: string | null; templateFileId?: string | null }[] | null;
  })[];
  indicators?: {
    code: string;
    name: string;
    definition?: string | null;
    unit: IndicatorUnit;
    direction?: IndicatorDirection | null;
    kind: string;
    params?: Record<string, unknown> | null;
    baseline?: { value: number; date?: string | null } | null;
    targets?: { scope: 'national' | 'state'; stateCode?: string | null; value: number; date?: string | null }[] | null;
  }[] | null;
};

/** Fills defaults and orders fields: the one canonical form that is stored and exported. */
export function canonicalProgramDocument(d: ProgramDocumentInput): ProgramDocument {
  return {
    code: d.code,
    name: d.name,
    description: d.description ?? null,
    approvedOn: d.approvedOn ?? null,
    approvalReference: d.approvalReference ?? null,
    timeZone: d.timeZone ?? DEFAULT_TIME_ZONE,
    thresholds: { atRisk: d.thresholds?.atRisk ?? DEFAULT_THRESHOLDS.atRisk, offTrack: d.thresholds?.offTrack ?? DEFAULT_THRESHOLDS.offTrack },
    status: d.status ?? 'active',
    phases: d.phases.map((p) => ({ number: p.number, name: p.name, description: p.description ?? null })),
    activities: d.activities.map((a) => ({
      code: a.code,
      phase: a.phase,
      name: a.name,
      level: a.level,
      startDay: a.startDay,
      durationDays: a.durationDays,
      weight: a.weight,
      optional: a.optional ?? false,
      evidenceKinds: [...(a.evidenceKinds ?? [])],
      completionNeedsEvidence: a.completionNeedsEvidence ?? true,
      metrics: [...(a.metrics ?? [])],
      formats: (a.formats ?? []).map((f) => ({ code: f.code, name: f.name, description: f.description ?? null, templateFileId: f.templateFileId?.toLowerCase() ?? null })),
    })),
    indicators: (d.indicators ?? []).map((i) => ({
      code: i.code,
      name: i.name,
      definition: i.definition ?? null,
      unit: i.unit,
      direction: i.direction ?? 'up',
      kind: i.kind,
      params: normalizeIndicatorParams(findIndicatorKind(i.kind), i.params ?? {}),
      baseline: i.baseline ? { value: i.baseline.value, date: i.baseline.date ?? null } : null,
      targets: (i.targets ?? []).map((t) => ({ scope: t.scope, stateCode: t.stateCode ?? null, value: t.value, date: t.date ?? null })),
    })),
  };
}

/**
 * The rules that span the document (references, uniqueness, params per kind). Every problem is reported,
 * one `{ field, message }` each, with the dotted path of the offending field. `templateIds`: the templates
 * uploaded to this program (none before the program exists), which formats may name.
 */
export function checkProgramDocument(doc: ProgramDocument, knownStateCodes: ReadonlySet<string>, templateIds: ReadonlySet<string> = new Set()): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });

  if (doc.thresholds.offTrack > doc.thresholds.atRisk) {
    add('thresholds.offTrack', `offTrack (${doc.thresholds.offTrack}) must be less than or equal to atRisk (${doc.thresholds.atRisk})`);
  }

  const phaseNumbers = new Set<number>();
  doc.phases.forEach((p, i) => {
    if (phaseNumbers.has(p.number)) add(`phases.${i}.number`, `duplicate phase number ${p.number}`);
    phaseNumbers.add(p.number);
  });

  const activities = new Map<string, ActivityFacts>();
  doc.activities.forEach((a, i) => {
    if (activities.has(a.code)) add(`activities.${i}.code`, `duplicate activity code ${a.code}`);
    else activities.set(a.code, a);
    if (!phaseNumbers.has(a.phase)) add(`activities.${i}.phase`, `activity ${a.code} refers to unknown phase ${a.phase}`);
    if (!(a.weight > 0)) add(`activities.${i}.weight`, 'weight must be greater than 0');
    if (a.startDay < 0) add(`activities.${i}.startDay`, 'startDay must not be negative');
    if (a.durationDays < 0) add(`activities.${i}.durationDays`, 'durationDays must not be negative');
    const formatCodes = new Set<string>();
    a.formats.forEach((f, j) => {
      const at = `activities.${i}.formats.${j}`;
      if (formatCodes.has(f.code)) add(`${at}.code`, `duplicate format code ${f.code} in activity ${a.code}`);
      formatCodes.add(f.code);
      if (f.templateFileId !== null && !templateIds.has(f.templateFileId)) {
        add(`${at}.templateFileId`, `no template ${f.templateFileId} was uploaded to this program (upload it with POST /programs/:programId/templates)`);
      }
    });
  });

  const indicatorCodes = new Set<string>();
  doc.indicators.forEach((ind, i) => {
    const at = `indicators.${i}`;
    if (indicatorCodes.has(ind.code)) add(`${at}.code`, `duplicate indicator code ${ind.code}`);
    indicatorCodes.add(ind.code);
    const spec = findIndicatorKind(ind.kind);
    if (!spec) {
      add(`${at}.kind`, `unknown indicator kind ${ind.kind} (known: ${INDICATOR_KIND_CODES.join(', ')})`);
    } else {
      if (!spec.units.includes(ind.unit)) add(`${at}.unit`, `kind ${ind.kind} gives a ${spec.units.join(' or ')}, not a ${ind.unit}`);
      for (const p of validateIndicatorParams(spec, ind.params, activities)) add(p.param ? `${at}.params.${p.param}` : `${at}.params`, p.message);
    }
    if (ind.unit === 'percent' && ind.baseline && (ind.baseline.value < 0 || ind.baseline.value > 100)) {
      add(`${at}.baseline.value`, 'a percent baseline must be between 0 and 100');
    }
    const targetKeys = new Set<string>();
    ind.targets.forEach((t, j) => {
      const tat = `${at}.targets.${j}`;
      if (t.scope === 'state' && t.stateCode !== null && !knownStateCodes.has(t.stateCode)) add(`${tat}.stateCode`, `unknown state code ${t.stateCode}`);
      if (ind.unit === 'percent' && (t.value < 0 || t.value > 100)) add(`${tat}.value`, 'a percent target must be between 0 and 100');
      const key = `${t.scope}|${t.stateCode ?? ''}|${t.date ?? ''}`;
      if (targetKeys.has(key)) add(tat, `duplicate target for ${t.scope === 'state' ? `state ${t.stateCode}` : 'national scope'} and date ${t.date ?? '(every period)'}`);
      targetKeys.add(key);
    });
  });
  return errors;
}
