import fc from 'fast-check';
import { assessItem, assessState, observedPace, RISK_METHOD, rankItems, type RiskItemFigures, type StateHistory } from '../../libs/core/src/risks/risk-math.js';
import { itemReasons } from '../../libs/core/src/risks/risk-reasons.js';
import { addDays } from '../../libs/platform/src/util/dates.js';

const BASE = '2025-01-01';
const day = (n: number) => addDays(BASE, n);
const NO_HISTORY: StateHistory = { returnedByItem: new Map(), lateRounds: 0, missedRounds: 0 };

function item(id: string, start: number, duration: number, progress: number, extra: Partial<RiskItemFigures> = {}): RiskItemFigures {
  return { itemId: id, plannedStart: day(start), plannedDue: day(start + duration), originalStart: day(start), originalDue: day(start + duration), progress, completedOn: null, ...extra };
}

describe('early warning: pace and slack', () => {
  it('reads the pace as actual ÷ planned speed, the median over items with evidence', () => {
    const asOf = day(50);
    // On plan: 50 % of a 100-day item after 50 days; twice as fast: done in 25 of 50 planned days.
    expect(observedPace([item('a', 0, 100, 50)], asOf)).toEqual({ ratio: 1, sample: 1 });
    expect(observedPace([item('a', 0, 50, 100, { completedOn: day(25) })], asOf)).toEqual({ ratio: 2, sample: 1 });
    expect(observedPace([item('a', 0, 100, 25), item('b', 0, 100, 50), item('c', 0, 100, 100, { completedOn: day(50) })], asOf).ratio).toBe(1);
    // Nothing started yet, or started too recently to judge a 0 %: the planned pace is assumed.
    expect(observedPace([item('a', 60, 30, 0), item('b', 45, 30, 0)], asOf)).toEqual({ ratio: 1, sample: 0 });
    // Stalled long enough: speed 0, clamped to the minimum.
    expect(observedPace([item('a', 0, 30, 0)], asOf)).toEqual({ ratio: RISK_METHOD.paceMin, sample: 1 });
  });

  it('measures work by the original dates, so a later deadline only adds days left', () => {
    const asOf = day(50);
    const pace = { ratio: 0.5, sample: 3 };
    const original = item('a', 0, 100, 40);
    const replanned = { ...original, plannedDue: day(160) };
    const a = assessItem(original, pace, NO_HISTORY, asOf);
    const b = assessItem(replanned, pace, NO_HISTORY, asOf);
    // 60 % of 100 days of work at half the planned speed: 120 days; 50 days left → 70 days late.
    expect(a).toMatchObject({ daysLeft: 50, daysNeeded: 120, slack: -70, score: 70, band: 'projected_late' });
    expect(b).toMatchObject({ daysLeft: 110, daysNeeded: 120, slack: -10 });
  });

  it('adds history to the score and bands the slack', () => {
    const pace = { ratio: 1, sample: 2 };
    const history: StateHistory = { returnedByItem: new Map([['a', 2]]), lateRounds: 1, missedRounds: 1 };
    const risk = assessItem(item('a', 0, 100, 50), pace, history, day(80));
    expect(risk).toMatchObject({ daysLeft: 20, daysNeeded: 50, slack: -30, returnedReports: 2 });
    expect(risk.score).toBe(30 + 2 * RISK_METHOD.pointsPerReturnedReport + 2 * RISK_METHOD.pointsPerLateRound);
    expect(assessItem(item('a', 0, 10, 10), pace, NO_HISTORY, day(20)).band).toBe('overdue');
    expect(assessItem(item('a', 0, 100, 85), pace, NO_HISTORY, day(80)).band).toBe('tight');
    expect(assessItem(item('a', 0, 100, 90), pace, NO_HISTORY, day(50)).band).toBe('comfortable');
  });

  it('explains each score with terms that add up to it, in Spanish', () => {
    const history: StateHistory = { returnedByItem: new Map([['a', 1]]), lateRounds: 2, missedRounds: 0 };
    const pace = { ratio: 0.5, sample: 3 };
    const risk = assessItem(item('a', 0, 100, 40), pace, history, day(50));
    const reasons = itemReasons(risk, 40, pace, { late: 2, missed: 0 });
    expect(reasons.map((r) => r.kind)).toEqual(['slack', 'returned_reports', 'late_rounds']);
    expect(reasons.reduce((s, r) => s + r.points, 0)).toBeCloseTo(risk.score, 9);
    expect(reasons[0]!.text).toBe('Quedan 50 días para el 60 % por hacer, que al ritmo observado de la entidad (0.5 veces el previsto) tomaría unos 120 días: terminaría 70 días tarde.');
    expect(reasons[1]!.text).toBe('1 reporte devuelto de los últimos 180 días.');
    expect(reasons[2]!.text).toBe('La entidad entregó tarde 2 rondas de reporte.');
  });
});

// Random states: a handful of items on a 200-day window, each with progress and maybe a completion.
const stateArb = fc.record({
  items: fc.array(
    fc.record({ start: fc.integer({ min: 0, max: 120 }), duration: fc.integer({ min: 0, max: 120 }), progress: fc.constantFrom(0, 10, 25, 50, 75, 99, 100), done: fc.integer({ min: 0, max: 150 }) }),
    { minLength: 1, maxLength: 7 },
  ),
  asOf: fc.integer({ min: 0, max: 200 }),
  returned: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }),
  lateRounds: fc.integer({ min: 0, max: 3 }),
  missedRounds: fc.integer({ min: 0, max: 3 }),
});

type StateCase = typeof stateArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: StateCase) {
  const items = s.items.map((x, i) => item(`i${i}`, x.start, x.duration, x.progress, x.progress >= 100 ? { completedOn: day(Math.min(x.start + x.done, s.asOf)) } : {}));
  const history: StateHistory = { returnedByItem: new Map(s.returned.map((n, i) => [`i${i}`, n])), lateRounds: s.lateRounds, missedRounds: s.missedRounds };
  return { items, history, asOf: day(s.asOf) };
}

describe('early warning: properties', () => {
  it('more slack never ranks riskier, all else equal (a later due date, the same work and history)', () => {
    fc.assert(
      fc.property(stateArb, fc.nat(), fc.integer({ min: 1, max: 90 }), (s, pick, extra) => {
        const { items, history, asOf } = build(s);
        const open = items.filter((i) => i.progress < 100);
        fc.pre(open.length > 0);
        const target = open[pick % open.length]!;
        const later = items.map((i) => (i === target ? { ...i, plannedDue: addDays(i.plannedDue, extra) } : i));
        const before = assessState('20', items, history, asOf);
        const after = assessState('20', later, history, asOf);
        const rankOf = (r: typeof before) => r.items.findIndex((x) => x.itemId === target.itemId);
        const riskBefore = before.items[rankOf(before)]!;
        const riskAfter = after.items[rankOf(after)]!;
        expect(riskAfter.slack).toBeGreaterThan(riskBefore.slack);
        expect(riskAfter.score).toBeLessThan(riskBefore.score);
        expect(rankOf(after)).toBeGreaterThanOrEqual(rankOf(before));
        expect(after.state.score!).toBeLessThanOrEqual(before.state.score!);
        expect(after.state.projectedLate).toBeLessThanOrEqual(before.state.projectedLate);
      }),
      { numRuns: 300 },
    );
  });

  it('more returned reports never rank less risky, all else equal', () => {
    fc.assert(
      fc.property(stateArb, fc.nat(), (s, pick) => {
        const { items, history, asOf } = build(s);
        const open = items.filter((i) => i.progress < 100);
        fc.pre(open.length > 0);
        const target = open[pick % open.length]!;
        const more: StateHistory = { ...history, returnedByItem: new Map([...history.returnedByItem, [target.itemId, (history.returnedByItem.get(target.itemId) ?? 0) + 1]]) };
        const rankOf = (h: StateHistory) => assessState('20', items, h, asOf).items.findIndex((x) => x.itemId === target.itemId);
        expect(rankOf(more)).toBeLessThanOrEqual(rankOf(history));
        expect(assessState('20', items, more, asOf).state.score!).toBeGreaterThanOrEqual(assessState('20', items, history, asOf).state.score!);
      }),
      { numRuns: 300 },
    );
  });

  it('ranks every open item exactly once, riskiest first, and the reasons sum to each score', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const { items, history, asOf } = build(s);
        const result = assessState('20', items, history, asOf);
        expect(result.items.map((r) => r.itemId).sort()).toEqual(items.filter((i) => i.progress < 100).map((i) => i.itemId).sort());
        expect(rankItems(result.items)).toEqual(result.items);
        for (let i = 1; i < result.items.length; i++) expect(result.items[i - 1]!.score).toBeGreaterThanOrEqual(result.items[i]!.score);
        for (const r of result.items) {
          const progress = items.find((i) => i.itemId === r.itemId)!.progress;
          const sum = itemReasons(r, progress, result.pace, { late: history.lateRounds, missed: history.missedRounds }).reduce((t, x) => t + x.points, 0);
          expect(sum).toBeCloseTo(r.score, 9);
        }
        expect(result.state.score === null).toBe(result.items.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
