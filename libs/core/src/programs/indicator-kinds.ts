import type { ActivityLevel, EvidenceKind } from './activity.entity.js';
import type { IndicatorUnit } from './indicator.entity.js';

/**
 * The fixed catalogue of indicator computations. A program picks a kind per indicator and fills its params;
 * the programs feature only checks the params here, computing the values belongs to the indicators feature.
 */
type ParamType = 'activityCode' | 'metric' | 'boolean';

export interface IndicatorParamSpec {
  type: ParamType;
  required: boolean;
  /** Filled in when absent, so the stored and exported params are always complete. */
  default?: boolean;
  description: string;
}

export interface IndicatorKindSpec {
  kind: string;
  description: string;
  /** Units that make sense for the figure this kind produces. */
  units: readonly IndicatorUnit[];
  /** In the order params are exported. */
  params: Readonly<Record<string, IndicatorParamSpec>>;
}

const activityCode = (description: string): IndicatorParamSpec => ({ type: 'activityCode', required: true, description });

export const INDICATOR_KINDS: readonly IndicatorKindSpec[] = [
  { kind: 'states_participating', description: 'States with an active participation', units: ['count'], params: {} },
  { kind: 'institutions_registered', description: 'Institutions registered and active in active participations', units: ['count'], params: {} },
  { kind: 'weighted_progress', description: 'Weighted progress P (SPEC §4)', units: ['percent'], params: {} },
  { kind: 'items_completed', description: 'Included plan items at 100 %', units: ['percent', 'count'], params: {} },
  { kind: 'items_completed_on_time', description: 'Items due so far that were completed by their due date', units: ['percent', 'count'], params: {} },
  {
    kind: 'institutions_completed_activity',
    description: 'Registered institutions that completed an institution-level activity',
    units: ['percent', 'count'],
    params: { activityCode: activityCode('An institution-level activity of the program') },
  },
  {
    kind: 'datasets_published',
    description: 'Dataset evidence on accepted reports of an activity',
    units: ['count'],
    params: {
      activityCode: activityCode('An activity that expects dataset evidence'),
      highValueOnly: { type: 'boolean', required: false, default: false, description: 'Count only datasets marked high-value' },
    },
  },
  {
    kind: 'metric_sum',
    description: 'Sum of a metric reported on an activity',
    units: ['count'],
    params: {
      activityCode: activityCode('The activity whose reports carry the metric'),
      metric: { type: 'metric', required: true, description: 'A metric declared on that activity' },
    },
  },
  { kind: 'reporting_round_timeliness', description: 'Reporting rounds submitted by their due date / rounds due', units: ['percent', 'count'], params: {} },
];

export const INDICATOR_KIND_CODES = INDICATOR_KINDS.map((k) => k.kind);

export function findIndicatorKind(kind: string): IndicatorKindSpec | undefined {
  return INDICATOR_KINDS.find((k) => k.kind === kind);
}

/** What params validation needs to know about the program's activities, by code. */
export interface ActivityFacts {
  level: ActivityLevel;
  evidenceKinds: readonly EvidenceKind[];
  metrics: readonly string[];
}

/** A problem in one param: `param` is its name, or null for the params object itself. */
export interface ParamProblem {
  param: string | null;
  message: string;
}

/** Checks `params` against the kind's schema and the program's activities. The kind must exist. */
export function validateIndicatorParams(spec: IndicatorKindSpec, params: Record<string, unknown>, activities: ReadonlyMap<string, ActivityFacts>): ParamProblem[] {
  const problems: ParamProblem[] = [];
  for (const name of Object.keys(params)) {
    if (!(name in spec.params)) {
      const allowed = Object.keys(spec.params);
      problems.push({ param: name, message: `${name} is not a param of kind ${spec.kind}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it takes none)'}` });
    }
  }
  for (const [name, p] of Object.entries(spec.params)) {
    const value = params[name];
    if (value === undefined || value === null) {
      if (p.required) problems.push({ param: name, message: `${name} is required for kind ${spec.kind}` });
      continue;
    }
    if (p.type === 'boolean') {
      if (typeof value !== 'boolean') problems.push({ param: name, message: `${name} must be a boolean value` });
    } else if (typeof value !== 'string') {
      problems.push({ param: name, message: `${name} must be a string` });
    } else if (p.type === 'activityCode') {
      const activity = activities.get(value);
      if (!activity) problems.push({ param: name, message: `${name} refers to an unknown activity ${value}` });
      else problems.push(...activityFits(spec.kind, name, value, activity));
    }
  }
  const metricSpec = Object.entries(spec.params).find(([, p]) => p.type === 'metric');
  if (metricSpec && typeof params[metricSpec[0]] === 'string' && typeof params.activityCode === 'string') {
    const metric = params[metricSpec[0]] as string;
    const activity = activities.get(params.activityCode);
    if (activity && !activity.metrics.includes(metric)) {
      problems.push({ param: metricSpec[0], message: `metric ${metric} is not declared on activity ${params.activityCode}` });
    }
  }
  return problems;
}

function activityFits(kind: string, param: string, code: string, a: ActivityFacts): ParamProblem[] {
  if (kind === 'institutions_completed_activity' && a.level !== 'institution') {
    return [{ param, message: `activity ${code} is not an institution-level activity` }];
  }
  if (kind === 'datasets_published' && !a.evidenceKinds.includes('dataset')) {
    return [{ param, message: `activity ${code} does not expect dataset evidence` }];
  }
  return [];
}

/** The params in catalogue order with defaults filled in: the canonical form that is stored and exported. */
export function normalizeIndicatorParams(spec: IndicatorKindSpec | undefined, params: Record<string, unknown>): Record<string, unknown> {
  if (!spec) return { ...params };
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(spec.params)) {
    const value = params[name] ?? p.default;
    if (value !== undefined) out[name] = value;
  }
  for (const [name, value] of Object.entries(params)) if (!(name in out)) out[name] = value;
  return out;
}
