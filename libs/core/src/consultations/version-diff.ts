import type { ActivityDocument, PhaseDocument, ProgramDocument } from '../programs/program-document.js';

/** One field of an activity or phase that differs between two versions. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface ItemDiff<T> {
  added: T[];
  removed: T[];
  changed: { key: string; name: string; changes: FieldChange[] }[];
}

export interface VersionDiff {
  phases: ItemDiff<{ number: number; name: string }>;
  activities: ItemDiff<{ code: string; name: string; phase: number }>;
}

const ACTIVITY_FIELDS: readonly (keyof ActivityDocument)[] = ['name', 'phase', 'level', 'startDay', 'durationDays', 'weight', 'optional', 'evidenceKinds', 'completionNeedsEvidence', 'metrics'];
const PHASE_FIELDS: readonly (keyof PhaseDocument)[] = ['name', 'description'];

/**
 * What changed from one version's document to another's: phases (by number) and activities (by code) added,
 * removed, or kept with different fields. Values are compared as JSON, so lists compare in order.
 */
export function diffProgramDocuments(from: ProgramDocument, to: ProgramDocument): VersionDiff {
  return {
    phases: diffBy(from.phases, to.phases, (p) => String(p.number), PHASE_FIELDS, (p) => ({ number: p.number, name: p.name })),
    activities: diffBy(from.activities, to.activities, (a) => a.code, ACTIVITY_FIELDS, (a) => ({ code: a.code, name: a.name, phase: a.phase })),
  };
}

function diffBy<T extends { name: string }, S>(from: readonly T[], to: readonly T[], key: (x: T) => string, fields: readonly (keyof T)[], short: (x: T) => S): ItemDiff<S> {
  const before = new Map(from.map((x) => [key(x), x]));
  const after = new Map(to.map((x) => [key(x), x]));
  const changed: ItemDiff<S>['changed'] = [];
  for (const [k, b] of before) {
    const a = after.get(k);
    if (!a) continue;
    const changes = fields.filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null)).map((f) => ({ field: String(f), from: b[f] ?? null, to: a[f] ?? null }));
    if (changes.length) changed.push({ key: k, name: a.name, changes });
  }
  return {
    added: to.filter((x) => !before.has(key(x))).map(short),
    removed: from.filter((x) => !after.has(key(x))).map(short),
    changed,
  };
}
