import fc from 'fast-check';
import {
  compareReports,
  computeNationalProgress,
  computeStateProgress,
  itemProgress,
} from '../../libs/core/src/progress/progress-math.js';
import type {
  InstitutionInput,
  PlanItemInput,
  ReportInput,
  ReviewState,
  StateProgressInput,
} from '../../libs/core/src/progress/progress-types.js';
import { addDays } from '../../libs/platform/src/util/dates.js';

// Random states on a 60-day window from BASE: small enough to hit ties, boundaries, exits and empty cases often.
const BASE = '2025-01-01';
const day = (n: number): string => addDays(BASE, n);
const REVIEW_STATES: ReviewState[] = ['submitted', 'accepted', 'returned'];

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
        // A re-plan moved the item from its original window (null: never re-planned).
        original: fc.option(fc.record({ start: fc.integer({ min: 0, max: 30 }), duration: fc.integer({ min: 0, max: 30 }) })),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    institutions: fc.array(
      fc.record({ join: fc.integer({ min: 0, max: 40 }), stay: fc.option(fc.integer({ min: 0, max: 40 })) }),
      { maxLength: 4 },
    ),
    reports: fc.array(
      fc.record({
        item: fc.nat(),
        institution: fc.option(fc.nat()),
        percent: fc.oneof(
          fc.constant(100),
          fc.constant(0),
          fc.integer({ min: 0, max: 100 }),
          fc.double({ min: 0, max: 100, noNaN: true }),
        ),
        day: fc.integer({ min: 0, max: 60 }),
        createdAt: fc.integer({ min: 0, max: 15 }),
        review: fc.constantFrom(...REVIEW_STATES),
      }),
      // size 'max': lengths spread over the whole range, so units often get several reports (drops, ties, runs).
      { maxLength: 40, size: 'max' },
    ),
    exit: fc.option(fc.integer({ min: 0, max: 60 })),
  })
  .map(({ items, institutions, reports, exit }): StateProgressInput => {
    const planItems: PlanItemInput[] = items.map((i, n) => ({
      itemId: `item-${n}`,
      activityCode: `${i.phaseNumber}.${n + 1}`,
      phaseNumber: i.phaseNumber,
      level: i.level,
      weight: i.weight,
      included: i.included,
      plannedStart: day(i.start),
      plannedDue: day(i.start + i.duration),
      originalStart: day(i.original?.start ?? i.start),
      originalDue: day(i.original ? i.original.start + i.original.duration : i.start + i.duration),
    }));
    const insts: InstitutionInput[] = institutions.map((i, n) => ({
      id: `inst-${n}`,
      joinedOn: day(i.join),
      exitedOn: i.stay === null ? null : day(i.join + i.stay),
    }));
    const reps: ReportInput[] = reports.map((r, n) => ({
      id: `r${String(n).padStart(3, '0')}`,
      itemId: planItems[r.item % planItems.length].itemId,
      // One index past the list is an institution the state does not know.
      institutionId: r.institution === null ? null : `inst-${r.institution % (insts.length + 1)}`,
      status: r.percent === 100 ? 'completed' : 'in_progress',
      percent: r.percent,
      reportedOn: day(r.day),
      createdAt: r.createdAt,
      reviewState: r.review,
    }));
    return {
      participation: { stateCode: '20', joinedOn: BASE, exitedOn: exit === null ? null : day(exit) },
      items: planItems,
      institutions: insts,
      reports: reps,
    };
  });

const asOfArb = fc.integer({ min: 0, max: 65 }).map(day);
const explain = { explain: true };

/** Naive reference for one unit: sort its counting reports, take the last, walk back over the run of 100s. */
function naiveUnit(reports: ReportInput[], t: string) {
  const counting = reports.filter((r) => r.reportedOn <= t && r.reviewState !== 'returned').sort(compareReports);
  const current = counting.at(-1) ?? null;
  const accepted = counting.filter((r) => r.reviewState === 'accepted');
  let completedOn: string | null = null;
  if (current !== null && current.percent >= 100) {
    let k = counting.length - 1;
    while (k > 0 && counting[k - 1].percent >= 100) k -= 1;
    completedOn = counting[k].reportedOn;
  }
  return { current: current?.id ?? null, validated: accepted.at(-1)?.id ?? null, completedOn };
}

describe('progress engine properties', () => {
  it('keeps every percentage within 0–100', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, (input, t) => {
        const s = computeStateProgress(input, t);
        for (const f of [s, ...s.phases, ...s.items]) {
          for (const v of [f.progress, f.validatedProgress, f.expected, f.expectedBaseline]) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(100);
          }
        }
        if (s.onTimeRate !== null) expect(s.onTimeRate).toBeGreaterThanOrEqual(0);
        if (s.onTimeRate !== null) expect(s.onTimeRate).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('expected progress never decreases as asOf moves forward', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, fc.integer({ min: 0, max: 30 }), (input, t, step) => {
        const earlier = computeStateProgress(input, t);
        const later = computeStateProgress(input, addDays(t, step));
        expect(later.expected).toBeGreaterThanOrEqual(earlier.expected - 1e-9);
        expect(later.expectedBaseline).toBeGreaterThanOrEqual(earlier.expectedBaseline - 1e-9);
        later.items.forEach((item, n) => expect(item.expected).toBeGreaterThanOrEqual(earlier.items[n].expected));
      }),
    );
  });

  it('reports dated after asOf change nothing', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, (input, t) => {
        const dated = { ...input, reports: input.reports.filter((r) => r.reportedOn <= t) };
        expect(computeStateProgress(input, t, undefined, explain)).toEqual(computeStateProgress(dated, t, undefined, explain));
      }),
    );
  });

  it('returned reports change nothing compared with removing them', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, (input, t) => {
        const kept = { ...input, reports: input.reports.filter((r) => r.reviewState !== 'returned') };
        expect(computeStateProgress(input, t, undefined, explain)).toEqual(computeStateProgress(kept, t, undefined, explain));
      }),
    );
  });

  it('does not depend on the order reports arrive in', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, (input, t) => {
        const reversed = { ...input, reports: [...input.reports].reverse() };
        expect(computeStateProgress(reversed, t, undefined, explain)).toEqual(computeStateProgress(input, t, undefined, explain));
      }),
    );
  });

  it('agrees with a naive per-unit reference (current, validated, completion date)', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, (input, t) => {
        const s = computeStateProgress(input, t, undefined, explain);
        for (const item of s.items) {
          for (const unit of item.units ?? []) {
            const mine = input.reports.filter(
              (r) => r.itemId === item.itemId && (item.level === 'state' || r.institutionId === unit.institutionId),
            );
            const ref = naiveUnit(mine, t);
            expect(unit.currentReport?.id ?? null).toBe(ref.current);
            expect(unit.validatedReport?.id ?? null).toBe(ref.validated);
            expect(unit.completedOn).toBe(ref.completedOn);
          }
          // An item has a completion date exactly when it is at 100.
          expect(item.completedOn !== null).toBe(item.progress === 100);
        }
      }),
    );
  });

  it('state P and E are the weighted means of the included items; single-item evaluation agrees', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, (input, t) => {
        const s = computeStateProgress(input, t);
        const included = s.items.filter((i) => i.included);
        const w = included.reduce((sum, i) => sum + i.weight, 0);
        const p = w === 0 ? 0 : included.reduce((sum, i) => sum + i.weight * i.progress, 0) / w;
        const e = w === 0 ? 0 : included.reduce((sum, i) => sum + i.weight * i.expected, 0) / w;
        expect(s.progress).toBeCloseTo(p, 9);
        expect(s.expected).toBeCloseTo(e, 9);
        for (const item of s.items) {
          const plan = input.items.find((i) => i.itemId === item.itemId)!;
          expect(itemProgress(plan, input.reports, input.institutions, t)).toEqual(item);
        }
      }),
    );
  });

  it('national figures are the plain mean over participating states', () => {
    fc.assert(
      fc.property(fc.array(stateArb, { maxLength: 4 }), asOfArb, (raw, t) => {
        const states = raw.map((s, n) => ({ ...s, participation: { ...s.participation, stateCode: String(n + 1).padStart(2, '0') } }));
        const n = computeNationalProgress(states, t);
        const counted = states
          .map((s) => computeStateProgress(s, t))
          .filter((s) => s.participating);
        expect(n.national.states).toBe(counted.length);
        if (counted.length === 0) {
          expect(n.national.progress).toBeNull();
          return;
        }
        const mean = counted.reduce((sum, s) => sum + s.progress, 0) / counted.length;
        expect(n.national.progress).toBeCloseTo(mean, 9);
        expect(n.national.institutions).toBe(counted.reduce((sum, s) => sum + s.institutions, 0));
        expect(n.national.overdueItems).toBe(counted.reduce((sum, s) => sum + s.overdueItems, 0));
      }),
    );
  });
});

describe('baseline (original plan) figures', () => {
  /** The same state with its plan put back on the original dates: what the baseline must be computed from. */
  const onOriginalDates = (input: StateProgressInput): StateProgressInput => ({
    ...input,
    items: input.items.map((i) => ({ ...i, plannedStart: i.originalStart, plannedDue: i.originalDue })),
  });
  const neverReplanned = (input: StateProgressInput): StateProgressInput => ({
    ...input,
    items: input.items.map((i) => ({ ...i, originalStart: i.plannedStart, originalDue: i.plannedDue })),
  });

  it('with original dates equal to the current ones, every baseline figure equals the current one exactly', () => {
    fc.assert(
      fc.property(fc.array(stateArb, { minLength: 1, maxLength: 3 }), asOfArb, (raw, t) => {
        const states = raw.map((s, n) => neverReplanned({ ...s, participation: { ...s.participation, stateCode: String(n + 1).padStart(2, '0') } }));
        for (const input of states) {
          const s = computeStateProgress(input, t);
          for (const f of [s, ...s.phases, ...s.items]) {
            expect(f.expectedBaseline).toBe(f.expected);
            expect(f.varianceBaseline).toBe(f.variance);
          }
          expect(s.arithmetic.sumWeightedExpectedBaseline).toBe(s.arithmetic.sumWeightedExpected);
        }
        const n = computeNationalProgress(states, t);
        expect(n.national.expectedBaseline).toBe(n.national.expected);
        expect(n.national.varianceBaseline).toBe(n.national.variance);
        for (const st of n.states) expect(st.varianceBaseline).toBe(st.variance);
      }),
    );
  });

  it('is the current expected progress of the same plan put on its original dates (the same functions, fed the original dates)', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, (input, t) => {
        const s = computeStateProgress(input, t);
        const original = computeStateProgress(onOriginalDates(input), t);
        expect(s.expectedBaseline).toBe(original.expected);
        expect(s.varianceBaseline).toBe(original.variance);
        // Progress itself does not depend on the dates: only the expected side moves.
        expect(original.progress).toBe(s.progress);
        s.phases.forEach((ph, k) => expect(ph.expectedBaseline).toBe(original.phases[k].expected));
        s.items.forEach((item, k) => {
          expect(item.expectedBaseline).toBe(original.items[k].expected);
          expect(item.varianceBaseline).toBe(original.items[k].variance);
        });
      }),
    );
  });

  it('moving only the current dates changes expected and variance, never the baseline', () => {
    fc.assert(
      fc.property(stateArb, asOfArb, fc.integer({ min: 1, max: 40 }), (input, t, later) => {
        const replanned = { ...input, items: input.items.map((i) => ({ ...i, plannedDue: addDays(i.plannedDue, later) })) };
        const before = computeStateProgress(input, t);
        const after = computeStateProgress(replanned, t);
        expect(after.expectedBaseline).toBe(before.expectedBaseline);
        expect(after.varianceBaseline).toBe(before.varianceBaseline);
        // A later due date never raises what is expected by now.
        expect(after.expected).toBeLessThanOrEqual(before.expected + 1e-9);
      }),
    );
  });

  it('national baseline figures are the plain mean of the participating states’ baseline figures', () => {
    fc.assert(
      fc.property(fc.array(stateArb, { minLength: 1, maxLength: 4 }), asOfArb, (raw, t) => {
        const states = raw.map((s, n) => ({ ...s, participation: { ...s.participation, stateCode: String(n + 1).padStart(2, '0') } }));
        const n = computeNationalProgress(states, t);
        const counted = states.map((s) => computeStateProgress(s, t)).filter((s) => s.participating);
        if (counted.length === 0) {
          expect(n.national.expectedBaseline).toBeNull();
          expect(n.national.varianceBaseline).toBeNull();
          return;
        }
        const mean = counted.reduce((sum, s) => sum + s.expectedBaseline, 0) / counted.length;
        expect(n.national.expectedBaseline).toBeCloseTo(mean, 9);
        expect(n.national.varianceBaseline).toBeCloseTo(n.national.progress! - n.national.expectedBaseline!, 9);
      }),
    );
  });
});
