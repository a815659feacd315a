import fc from 'fast-check';
import {
  computeInstitutionProgress,
  computeStateProgress,
  computeStateProgressFromUnits,
  unitSnapshot,
} from '../../libs/core/src/progress/progress-math.js';
import type {
  InstitutionInput,
  PlanItemInput,
  ReportInput,
  ReviewState,
  StateProgressInput,
  UnitSnapshot,
} from '../../libs/core/src/progress/progress-types.js';
import { addDays } from '../../libs/platform/src/util/dates.js';

// The maintained path (one snapshot per unit) must give exactly what the from-scratch path gives.
const BASE = '2025-01-01';
const day = (n: number): string => addDays(BASE, n);
const REVIEW: ReviewState[] = ['submitted', 'accepted', 'returned'];

const stateArb = fc
  .record({
    items: fc.array(
      fc.record({
        level: fc.constantFrom('state' as const, 'institution' as const),
        weight: fc.constantFrom(0.1, 0.5, 1, 2, 3),
        included: fc.boolean(),
        start: fc.integer({ min: 0, max: 30 }),
        duration: fc.integer({ min: 0, max: 30 }),
        phaseNumber: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    institutions: fc.array(fc.record({ join: fc.integer({ min: 0, max: 40 }), stay: fc.option(fc.integer({ min: 0, max: 40 })) }), { maxLength: 4 }),
    reports: fc.array(
      fc.record({
        item: fc.nat(),
        institution: fc.nat(),
        percent: fc.oneof(fc.constant(100), fc.constant(0), fc.integer({ min: 0, max: 100 })),
        day: fc.integer({ min: 0, max: 60 }),
        review: fc.constantFrom(...REVIEW),
      }),
      { maxLength: 40, size: 'max' },
    ),
  })
  .map(({ items, institutions, reports }): StateProgressInput => {
    const planItems: PlanItemInput[] = items.map((i, n) => ({
      itemId: `item-${n}`,
      activityCode: `${i.phaseNumber}.${n + 1}`,
      phaseNumber: i.phaseNumber,
      level: i.level,
      weight: i.weight,
      included: i.included,
      plannedStart: day(i.start),
      plannedDue: day(i.start + i.duration),
      originalStart: day(i.start),
      originalDue: day(i.start + i.duration),
    }));
    const insts: InstitutionInput[] = institutions.map((i, n) => ({ id: `inst-${n}`, joinedOn: day(i.join), exitedOn: i.stay === null ? null : day(i.join + i.stay) }));
    const reps: ReportInput[] = reports.map((r, n) => {
      const item = planItems[r.item % planItems.length];
      return {
        id: `r${String(n).padStart(3, '0')}`,
        itemId: item.itemId,
        institutionId: item.level === 'state' || insts.length === 0 ? null : insts[r.institution % insts.length].id,
        status: r.percent === 100 ? 'completed' : 'in_progress',
        percent: r.percent,
        reportedOn: day(r.day),
        createdAt: n, // like `seq`: creation order
        reviewState: r.review,
      };
    });
    return { participation: { stateCode: '20', joinedOn: BASE, exitedOn: null }, items: planItems, institutions: insts, reports: reps };
  });

/** Snapshots of every unit that has reports, taken as of `d`. */
function snapshots(input: StateProgressInput, d: string): UnitSnapshot[] {
  const byUnit = new Map<string, ReportInput[]>();
  for (const r of input.reports) {
    const key = `${r.itemId}|${r.institutionId ?? ''}`;
    byUnit.set(key, [...(byUnit.get(key) ?? []), r]);
  }
  return [...byUnit.values()].map((reps) => unitSnapshot(reps[0].itemId, reps[0].institutionId, reps, d));
}

const explain = { explain: true };

describe('progress from maintained unit snapshots', () => {
  it('snapshots taken as of t give exactly the from-scratch figures at t', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 0, max: 65 }).map(day), (input, t) => {
        const { reports: _r, ...rest } = input;
        const fromUnits = computeStateProgressFromUnits({ ...rest, units: snapshots(input, t) }, t, undefined, explain);
        expect(fromUnits).toEqual(computeStateProgress(input, t, undefined, explain));
      }),
      { numRuns: 200 },
    );
  });

  it('snapshots over all reports are exact for any t on or after the last report date', () => {
    fc.assert(
      fc.property(stateArb, fc.integer({ min: 60, max: 90 }).map(day), (input, t) => {
        const { reports: _r, ...rest } = input;
        const fromUnits = computeStateProgressFromUnits({ ...rest, units: snapshots(input, '9999-12-31') }, t);
        expect(fromUnits).toEqual(computeStateProgress(input, t));
      }),
      { numRuns: 200 },
    );
  });

  it('a snapshot of a unit agrees with the explained unit of the from-scratch computation', () => {
    const reports: ReportInput[] = [
      { id: 'a', itemId: 'i', institutionId: null, status: 'completed', percent: 100, reportedOn: day(1), createdAt: 1, reviewState: 'accepted' },
      { id: 'b', itemId: 'i', institutionId: null, status: 'in_progress', percent: 50, reportedOn: day(2), createdAt: 2, reviewState: 'submitted' },
      { id: 'c', itemId: 'i', institutionId: null, status: 'completed', percent: 100, reportedOn: day(3), createdAt: 3, reviewState: 'submitted' },
      { id: 'd', itemId: 'i', institutionId: null, status: 'completed', percent: 100, reportedOn: day(4), createdAt: 4, reviewState: 'returned' },
      { id: 'e', itemId: 'i', institutionId: null, status: 'completed', percent: 100, reportedOn: day(5), createdAt: 5, reviewState: 'submitted' },
    ];
    expect(unitSnapshot('i', null, reports, day(9))).toEqual({
      itemId: 'i',
      institutionId: null,
      current: { id: 'e', status: 'completed', percent: 100, reportedOn: day(5), reviewState: 'submitted' },
      validated: { id: 'a', status: 'completed', percent: 100, reportedOn: day(1), reviewState: 'accepted' },
      completedOn: day(3), // back at 100 on day 3 after the drop on day 2; the returned report does not count
    });
    expect(unitSnapshot('i', null, reports, day(2)).completedOn).toBeNull();
    expect(unitSnapshot('i', null, [], day(2))).toEqual({ itemId: 'i', institutionId: null, current: null, validated: null, completedOn: null });
  });

  it('ignores snapshots of unknown items and institution-named snapshots of state-level items', () => {
    const item: PlanItemInput = { itemId: 'i', activityCode: '1.1', phaseNumber: 1, level: 'state', weight: 1, included: true, plannedStart: day(0), plannedDue: day(10), originalStart: day(0), originalDue: day(10) };
    const ref = { id: 'x', status: 'in_progress' as const, percent: 40, reportedOn: day(1), reviewState: 'submitted' as const };
    const s = computeStateProgressFromUnits(
      {
        participation: { stateCode: '20', joinedOn: BASE, exitedOn: null },
        items: [item],
        institutions: [],
        units: [
          { itemId: 'i', institutionId: 'stray', current: { ...ref, percent: 90 }, validated: null, completedOn: null },
          { itemId: 'other', institutionId: null, current: { ...ref, percent: 90 }, validated: null, completedOn: null },
          { itemId: 'i', institutionId: null, current: ref, validated: null, completedOn: null },
        ],
      },
      day(5),
    );
    expect(s.progress).toBe(40);
  });
});

describe('institution progress', () => {
  it('is the weighted mean of its units over included institution-level items', () => {
    const items: PlanItemInput[] = [
      { itemId: 's', activityCode: '1.1', phaseNumber: 1, level: 'state', weight: 5, included: true, plannedStart: day(0), plannedDue: day(10), originalStart: day(0), originalDue: day(10) },
      { itemId: 'a', activityCode: '4.1', phaseNumber: 4, level: 'institution', weight: 1, included: true, plannedStart: day(0), plannedDue: day(10), originalStart: day(0), originalDue: day(10) },
      { itemId: 'b', activityCode: '4.2', phaseNumber: 4, level: 'institution', weight: 3, included: true, plannedStart: day(0), plannedDue: day(10), originalStart: day(0), originalDue: day(10) },
      { itemId: 'c', activityCode: '4.3', phaseNumber: 4, level: 'institution', weight: 9, included: false, plannedStart: day(0), plannedDue: day(10), originalStart: day(0), originalDue: day(10) },
    ];
    const r = (id: string, itemId: string, institutionId: string | null, percent: number): ReportInput => ({
      id, itemId, institutionId, percent, status: percent === 100 ? 'completed' : 'in_progress', reportedOn: day(1), createdAt: id, reviewState: id === 'r2' ? 'accepted' : 'submitted',
    });
    const input: StateProgressInput = {
      participation: { stateCode: '20', joinedOn: BASE, exitedOn: null },
      items,
      institutions: [{ id: 'x', joinedOn: BASE, exitedOn: null }, { id: 'y', joinedOn: BASE, exitedOn: null }],
      reports: [r('r1', 'a', 'x', 100), r('r2', 'b', 'x', 20), r('r3', 'c', 'x', 100), r('r4', 's', null, 100)],
    };
    const state = computeStateProgress(input, day(5), undefined, explain);
    expect(computeInstitutionProgress(state, ['x', 'y'])).toEqual([
      { institutionId: 'x', progress: (1 * 100 + 3 * 20) / 4, validatedProgress: (3 * 20) / 4, items: 2, completedItems: 1 },
      { institutionId: 'y', progress: 0, validatedProgress: 0, items: 2, completedItems: 0 },
    ]);
    expect(() => computeInstitutionProgress(computeStateProgress(input, day(5)), ['x'])).toThrow(/explain/);
  });
});
