import {
  aggregateNationalProgress,
  compareReports,
  computeNationalProgress,
  computeStateProgress,
  currentReport,
  expectedProgress,
  isActiveAt,
  itemProgress,
  round1,
  trafficLight,
  unitCompletionDate,
} from '../../libs/core/src/progress/progress-math.js';
import { roundNationalProgress, roundStateProgress } from '../../libs/core/src/progress/progress-rounding.js';
import type {
  InstitutionInput,
  PlanItemInput,
  ReportInput,
  StateProgressInput,
} from '../../libs/core/src/progress/progress-types.js';

// Hand-computed examples. Days are in January 2025 unless stated; `d(5)` is 2025-01-05.
const d = (day: number): string => `2025-01-${String(day).padStart(2, '0')}`;

let seq = 0;
function report(itemId: string, percent: number, reportedOn: string, over: Partial<ReportInput> = {}): ReportInput {
  seq += 1;
  return {
    id: `r${String(seq).padStart(4, '0')}`,
    itemId,
    institutionId: null,
    status: percent === 100 ? 'completed' : percent === 0 ? 'not_started' : 'in_progress',
    percent,
    reportedOn,
    createdAt: seq,
    reviewState: 'submitted',
    ...over,
  };
}

/** A plan item; its original dates are its planned ones (never re-planned) unless `over` says otherwise. */
function item(code: string, over: Partial<PlanItemInput> = {}): PlanItemInput {
  const plannedStart = over.plannedStart ?? d(1);
  const plannedDue = over.plannedDue ?? d(11);
  return {
    itemId: `item-${code}`,
    activityCode: code,
    phaseNumber: 1,
    level: 'state',
    weight: 1,
    included: true,
    plannedStart,
    plannedDue,
    originalStart: plannedStart,
    originalDue: plannedDue,
    ...over,
  };
}

function inst(id: string, joinedOn = d(1), exitedOn: string | null = null): InstitutionInput {
  return { id, joinedOn, exitedOn };
}

function state(over: Partial<StateProgressInput> & { stateCode?: string; joinedOn?: string; exitedOn?: string | null } = {}): StateProgressInput {
  const { stateCode = '20', joinedOn = d(1), exitedOn = null, ...rest } = over;
  return { participation: { stateCode, joinedOn, exitedOn }, items: [], institutions: [], reports: [], ...rest };
}

describe('active at t', () => {
  it('counts from the join date and stops on the exit date', () => {
    expect(isActiveAt({ joinedOn: d(5), exitedOn: null }, d(4))).toBe(false);
    expect(isActiveAt({ joinedOn: d(5), exitedOn: null }, d(5))).toBe(true);
    expect(isActiveAt({ joinedOn: d(5), exitedOn: d(9) }, d(8))).toBe(true);
    expect(isActiveAt({ joinedOn: d(5), exitedOn: d(9) }, d(9))).toBe(false); // exited by t: exitedOn ≤ t
    expect(isActiveAt({ joinedOn: d(5), exitedOn: d(9) }, d(10))).toBe(false);
  });
});

describe('expected progress', () => {
  const window = { plannedStart: d(1), plannedDue: d(11) };

  it('grows linearly in days between start and due, clamped to 0–100', () => {
    expect(expectedProgress(window, '2024-12-31')).toBe(0);
    expect(expectedProgress(window, d(1))).toBe(0);
    expect(expectedProgress(window, d(5))).toBe(40);
    expect(expectedProgress(window, d(6))).toBe(50);
    expect(expectedProgress(window, d(11))).toBe(100);
    expect(expectedProgress(window, '2025-03-01')).toBe(100);
  });

  it('counts calendar days across months and years', () => {
    expect(expectedProgress({ plannedStart: '2024-12-22', plannedDue: '2025-01-11' }, '2025-01-01')).toBe(50);
  });

  it('when due = start: 0 before that day, 100 from it', () => {
    const instant = { plannedStart: d(10), plannedDue: d(10) };
    expect(expectedProgress(instant, d(9))).toBe(0);
    expect(expectedProgress(instant, d(10))).toBe(100);
    expect(expectedProgress(instant, d(11))).toBe(100);
  });
});

describe('traffic light', () => {
  it('is completed at P = 100 whatever the variance', () => {
    expect(trafficLight(100, -60)).toBe('completed');
  });

  it('applies the default thresholds at their exact boundaries', () => {
    expect(trafficLight(50, 3)).toBe('on_track');
    expect(trafficLight(50, 0)).toBe('on_track');
    expect(trafficLight(50, -5)).toBe('on_track');
    expect(trafficLight(50, -5.01)).toBe('at_risk');
    expect(trafficLight(50, -15)).toBe('at_risk');
    expect(trafficLight(50, -15.01)).toBe('off_track');
    expect(trafficLight(0, -100)).toBe('off_track');
  });

  it('tolerates float noise at a boundary', () => {
    expect(trafficLight(50, -5 - 1e-12)).toBe('on_track');
    expect(trafficLight(50, -15 - 1e-12)).toBe('at_risk');
    expect(trafficLight(100 - 1e-12, -50)).toBe('completed');
  });

  it('uses the program thresholds when given', () => {
    const thresholds = { atRisk: -10, offTrack: -20 };
    expect(trafficLight(50, -10, thresholds)).toBe('on_track');
    expect(trafficLight(50, -10.5, thresholds)).toBe('at_risk');
    expect(trafficLight(50, -20, thresholds)).toBe('at_risk');
    expect(trafficLight(50, -20.5, thresholds)).toBe('off_track');
  });
});

describe('round1', () => {
  it('rounds to one decimal, half away from zero, without binary surprises', () => {
    expect(round1(33.333333)).toBe(33.3);
    expect(round1(4.35)).toBe(4.4);
    expect(round1(2.25)).toBe(2.3);
    expect(round1(-2.25)).toBe(-2.3);
    expect(round1(99.96)).toBe(100);
    expect(round1(450 / 7)).toBe(64.3);
    expect(Object.is(round1(-0.04), 0)).toBe(true);
    expect(round1(null)).toBeNull();
  });
});

describe('current report of a unit', () => {
  const asOf = d(10);

  it('is null without reports', () => {
    expect(currentReport([], asOf)).toBeNull();
  });

  it('is the latest by the date it describes, not by entry order', () => {
    const late = report('x', 70, d(8));
    const early = report('x', 40, d(3)); // entered later, describes an earlier date
    expect(currentReport([late, early], asOf)).toBe(late);
  });

  it('ignores reports dated after asOf', () => {
    const counted = report('x', 40, d(10));
    const future = report('x', 90, d(11));
    expect(currentReport([counted, future], asOf)).toBe(counted);
  });

  it('ignores returned reports and falls back to the previous one', () => {
    const previous = report('x', 40, d(3));
    const returned = report('x', 90, d(8), { reviewState: 'returned' });
    expect(currentReport([previous, returned], asOf)).toBe(previous);
    expect(currentReport([returned], asOf)).toBeNull();
  });

  it('breaks a same-day tie by the later createdAt (numbers, Dates or ISO strings), then by id', () => {
    const first = report('x', 30, d(5), { createdAt: 10 });
    const second = report('x', 60, d(5), { createdAt: 11 });
    expect(currentReport([second, first], asOf)).toBe(second);

    const a = report('x', 30, d(5), { createdAt: new Date('2025-01-05T10:00:00Z') });
    const b = report('x', 60, d(5), { createdAt: new Date('2025-01-05T09:00:00Z') });
    expect(currentReport([a, b], asOf)).toBe(a);

    const c = report('x', 30, d(5), { createdAt: '2025-01-05T09:00:00.000Z' });
    const e = report('x', 60, d(5), { createdAt: '2025-01-05T10:00:00.000Z' });
    expect(currentReport([e, c], asOf)).toBe(e);

    const same1 = report('x', 30, d(5), { id: 'a', createdAt: 5 });
    const same2 = report('x', 60, d(5), { id: 'b', createdAt: 5 });
    expect(currentReport([same2, same1], asOf)).toBe(same2);
    expect(compareReports(same1, same2)).toBeLessThan(0);
  });

  it('validated: the latest accepted report only', () => {
    const accepted = report('x', 40, d(3), { reviewState: 'accepted' });
    const submitted = report('x', 80, d(6));
    const returned = report('x', 95, d(7), { reviewState: 'returned' });
    expect(currentReport([accepted, submitted, returned], asOf, true)).toBe(accepted);
    expect(currentReport([submitted], asOf, true)).toBeNull();
  });
});

describe('completion date of a unit', () => {
  it('is the first report at 100 when the unit stayed there', () => {
    const rs = [report('x', 50, d(1)), report('x', 100, d(3)), report('x', 100, d(4))];
    expect(unitCompletionDate(rs, d(10))).toBe(d(3));
  });

  it('is null while the current progress is below 100', () => {
    const rs = [report('x', 100, d(3)), report('x', 60, d(5))];
    expect(unitCompletionDate(rs, d(10))).toBeNull();
  });

  it('after a drop below 100, is the start of the latest run of 100s', () => {
    const rs = [
      report('x', 100, d(3)),
      report('x', 60, d(5)),
      report('x', 100, d(8)),
      report('x', 100, d(9)),
    ];
    expect(unitCompletionDate(rs, d(10))).toBe(d(8));
    expect(unitCompletionDate(rs, d(6))).toBeNull(); // current is the 60
    expect(unitCompletionDate(rs, d(4))).toBe(d(3)); // the drop has not happened yet
  });

  it('a returned drop does not break the run', () => {
    const rs = [report('x', 100, d(3)), report('x', 60, d(5), { reviewState: 'returned' }), report('x', 100, d(8))];
    expect(unitCompletionDate(rs, d(10))).toBe(d(3));
  });

  it('a same-day drop entered after the 100 ends the run (order by createdAt)', () => {
    const rs = [report('x', 100, d(3)), report('x', 80, d(3)), report('x', 100, d(6))];
    expect(unitCompletionDate(rs, d(10))).toBe(d(6));
  });
});

describe('item progress', () => {
  const asOf = d(10);

  it('state-level: the unit percent, 0 without reports', () => {
    const pi = item('1.1');
    expect(itemProgress(pi, [], [], asOf).progress).toBe(0);
    expect(itemProgress(pi, [report(pi.itemId, 35, d(4))], [], asOf).progress).toBe(35);
  });

  it('state-level: ignores reports on other items', () => {
    const pi = item('1.1');
    expect(itemProgress(pi, [report('item-other', 90, d(4))], [], asOf).progress).toBe(0);
  });

  it('institution-level: mean over active institutions, 0 for those without reports', () => {
    const pi = item('4.1', { level: 'institution' });
    const reports = [
      report(pi.itemId, 40, d(4), { institutionId: 'i1' }),
      report(pi.itemId, 80, d(6), { institutionId: 'i2' }),
    ];
    const result = itemProgress(pi, reports, [inst('i1'), inst('i2'), inst('i3')], asOf);
    expect(result.progress).toBe(40); // (40 + 80 + 0) / 3
    expect(result.institutions).toBe(3);
    expect(result.noInstitutions).toBe(false);
  });

  it('institution-level with no institutions: 0 and flagged', () => {
    const pi = item('4.1', { level: 'institution' });
    const result = itemProgress(pi, [report(pi.itemId, 90, d(4), { institutionId: 'gone' })], [], asOf);
    expect(result).toMatchObject({ progress: 0, validatedProgress: 0, noInstitutions: true, institutions: 0 });
  });

  it('institution-level: institutions joining or exiting around asOf', () => {
    const pi = item('4.1', { level: 'institution' });
    const institutions = [
      inst('joins-today', d(10)), // counts
      inst('joins-tomorrow', d(11)), // not yet
      inst('exits-today', d(1), d(10)), // exited by t
      inst('exits-tomorrow', d(1), d(11)), // still active
    ];
    const reports = institutions.map((i) => report(pi.itemId, 100, d(9), { institutionId: i.id }));
    const oneBelow = report(pi.itemId, 20, d(10), { institutionId: 'exits-tomorrow' });
    const result = itemProgress(pi, [...reports, oneBelow], institutions, asOf, undefined, { explain: true });
    expect(result.institutions).toBe(2);
    expect(result.progress).toBe(60); // (100 + 20) / 2
    expect(result.units?.map((u) => u.institutionId)).toEqual(['joins-today', 'exits-tomorrow']);
  });

  it('institution-level: reports without an institution are ignored', () => {
    const pi = item('4.1', { level: 'institution' });
    const result = itemProgress(pi, [report(pi.itemId, 90, d(4))], [inst('i1')], asOf);
    expect(result.progress).toBe(0);
  });

  it('completion of an institution-level item: latest of its units, only when all active are at 100', () => {
    const pi = item('4.1', { level: 'institution', plannedDue: d(8) });
    const reports = [
      report(pi.itemId, 100, d(5), { institutionId: 'i1' }),
      report(pi.itemId, 100, d(9), { institutionId: 'i2' }),
    ];
    const both = itemProgress(pi, reports, [inst('i1'), inst('i2')], asOf);
    expect(both).toMatchObject({ progress: 100, completedOn: d(9), completedOnTime: false, overdue: false });
    const onTime = itemProgress(pi, reports, [inst('i1'), inst('i2', d(1), d(9))], asOf);
    expect(onTime).toMatchObject({ progress: 100, completedOn: d(5), completedOnTime: true });
    const partial = itemProgress(pi, reports, [inst('i1'), inst('i2'), inst('i3')], asOf);
    expect(partial.completedOn).toBeNull();
    expect(itemProgress(pi, [], [], asOf).completedOn).toBeNull(); // no institutions: never complete
  });

  it('overdue when t > due and progress < 100, with days late', () => {
    const pi = item('1.1', { plannedDue: d(7) });
    expect(itemProgress(pi, [report(pi.itemId, 60, d(6))], [], asOf)).toMatchObject({ overdue: true, daysLate: 3 });
    expect(itemProgress(pi, [report(pi.itemId, 100, d(9))], [], asOf)).toMatchObject({ overdue: false, daysLate: null });
    expect(itemProgress(pi, [], [], d(7))).toMatchObject({ overdue: false, daysLate: null }); // due today: not yet
    expect(itemProgress({ ...pi, included: false }, [], [], asOf)).toMatchObject({ overdue: false, daysLate: null });
  });
});

describe('state progress: a hand-computed state', () => {
  // asOf 2025-01-06.
  //  A  phase 1, w1, 01-01→01-11: e = 50.  Reports 30 (accepted), 50; a returned 90 and a future 100 ignored → p 50, v 30
  //  E  phase 1, w1, 01-01→01-04: e = 100. Report 30 → p 30, v 0; overdue by 2 days
  //  D  phase 1, w5, excluded, due 01-02, no reports: ignored everywhere
  //  B  phase 2, w3, 01-01→01-03: e = 100. Report 100 on 01-02 (accepted) → p 100, v 100, on time
  //  C  phase 2, w2, institution-level, 01-06→01-26: e = 0. I1 40, I2 none, I3 (joins 01-07) and I4 (exits 01-06)
  //     ignored → p 20, v 0
  //  P = (50 + 30 + 300 + 40) / 7 = 60;  E = (50 + 100 + 300 + 0) / 7 = 450/7;  V = 330/7;  SV = −30/7 → on track
  //  Phase 1: P = 80/2 = 40, E = 150/2 = 75.  Phase 2: P = 340/5 = 68, E = 300/5 = 60.
  //  Due by t: B (on time) and E (not complete) → on-time rate 50.
  const asOf = d(6);
  const A = item('1.1', { weight: 1, plannedStart: d(1), plannedDue: d(11) });
  const E = item('1.2', { weight: 1, plannedStart: d(1), plannedDue: d(4) });
  const D = item('1.3', { weight: 5, included: false, plannedStart: d(1), plannedDue: d(2) });
  const B = item('2.1', { phaseNumber: 2, weight: 3, plannedStart: d(1), plannedDue: d(3) });
  const C = item('4.1', { phaseNumber: 2, level: 'institution', weight: 2, plannedStart: d(6), plannedDue: d(26) });
  const institutions = [inst('I1'), inst('I2'), inst('I3', d(7)), inst('I4', d(1), d(6))];
  const aReport = report(A.itemId, 50, d(5));
  const reports = [
    report(A.itemId, 30, d(3), { reviewState: 'accepted' }),
    aReport,
    report(A.itemId, 90, d(5), { reviewState: 'returned' }),
    report(A.itemId, 100, d(7), { reviewState: 'accepted' }),
    report(E.itemId, 30, d(4)),
    report(B.itemId, 100, d(2), { reviewState: 'accepted' }),
    report(C.itemId, 40, d(5), { institutionId: 'I1' }),
    report(C.itemId, 100, d(6), { institutionId: 'I3' }),
    report(C.itemId, 100, d(5), { institutionId: 'I4' }),
  ];
  const input = state({ items: [C, B, A, D, E], institutions, reports });

  it('computes P, validated P, E, SV and the traffic light with their arithmetic', () => {
    const s = computeStateProgress(input, asOf);
    expect(s.progress).toBe(60);
    expect(s.validatedProgress).toBeCloseTo(330 / 7, 12);
    expect(s.expected).toBeCloseTo(450 / 7, 12);
    expect(s.variance).toBeCloseTo(-30 / 7, 12);
    expect(s.status).toBe('on_track');
    expect(s.arithmetic).toEqual({
      includedItems: 4,
      sumWeights: 7,
      sumWeightedProgress: 420,
      sumWeightedValidatedProgress: 330,
      sumWeightedExpected: 450,
      sumWeightedExpectedBaseline: 450,
    });
    expect(s).toMatchObject({ stateCode: '20', asOf, participating: true, institutions: 2 });
  });

  it('computes phases over their included items', () => {
    const s = computeStateProgress(input, asOf);
    expect(s.phases.map((p) => [p.phaseNumber, p.items, p.arithmetic.includedItems, p.progress, p.expected])).toEqual([
      [1, 3, 2, 40, 75],
      [2, 2, 2, 68, 60],
    ]);
    expect(s.phases[0].status).toBe('off_track'); // −35
    expect(s.phases[1].status).toBe('on_track'); // +8
  });

  it('lists the items in phase/activity order with their figures', () => {
    const s = computeStateProgress(input, asOf);
    expect(s.items.map((i) => [i.activityCode, i.included, i.progress, i.validatedProgress, i.expected])).toEqual([
      ['1.1', true, 50, 30, 50],
      ['1.2', true, 30, 0, 100],
      ['1.3', false, 0, 0, 100],
      ['2.1', true, 100, 100, 100],
      ['4.1', true, 20, 0, 0],
    ]);
    const byCode = Object.fromEntries(s.items.map((i) => [i.activityCode, i]));
    expect(byCode['1.2']).toMatchObject({ overdue: true, daysLate: 2, status: 'off_track', variance: -70 });
    expect(byCode['1.3']).toMatchObject({ overdue: false, daysLate: null });
    expect(byCode['2.1']).toMatchObject({ status: 'completed', completedOn: d(2), completedOnTime: true });
    expect(byCode['4.1']).toMatchObject({ institutions: 2, noInstitutions: false, status: 'on_track' });
    expect(byCode['1.1'].units).toBeUndefined(); // units only on request
  });

  it('counts completed, overdue and due items and the on-time rate', () => {
    const s = computeStateProgress(input, asOf);
    expect(s).toMatchObject({ completedItems: 1, overdueItems: 1, dueItems: 2, completedOnTimeItems: 1, onTimeRate: 50 });
  });

  it('explains each item by its units and their current and validated reports', () => {
    const s = computeStateProgress(input, asOf, undefined, { explain: true });
    const a = s.items.find((i) => i.activityCode === '1.1')!;
    expect(a.units).toEqual([
      {
        institutionId: null,
        progress: 50,
        validatedProgress: 30,
        completedOn: null,
        currentReport: { id: aReport.id, status: 'in_progress', percent: 50, reportedOn: d(5), reviewState: 'submitted' },
        validatedReport: { id: reports[0].id, status: 'in_progress', percent: 30, reportedOn: d(3), reviewState: 'accepted' },
      },
    ]);
    const c = s.items.find((i) => i.activityCode === '4.1')!;
    expect(c.units?.map((u) => [u.institutionId, u.progress, u.currentReport?.id ?? null])).toEqual([
      ['I1', 40, reports[6].id],
      ['I2', 0, null],
    ]);
    // Explaining changes nothing else.
    const { items: explainedItems, ...figures } = s;
    const { items: plainItems, ...plainFigures } = computeStateProgress(input, asOf);
    expect(figures).toEqual(plainFigures);
    expect(explainedItems.map(({ units: _units, ...rest }) => rest)).toEqual(plainItems);
  });

  it('rounds only at the edge', () => {
    const rounded = roundStateProgress(computeStateProgress(input, asOf));
    expect(rounded).toMatchObject({ progress: 60, validatedProgress: 47.1, expected: 64.3, variance: -4.3, onTimeRate: 50 });
    expect(rounded.items.map((i) => i.expected)).toEqual([50, 100, 100, 100, 0]);
  });
});

describe('state progress: edge cases', () => {
  it('no reports: P = 0 and SV = −E', () => {
    const s = computeStateProgress(state({ items: [item('1.1')] }), d(6));
    expect(s).toMatchObject({ progress: 0, validatedProgress: 0, expected: 50, variance: -50, status: 'off_track' });
  });

  it('excluded items do not move P or E', () => {
    const base = [item('1.1')];
    const excluded = item('1.3', { included: false, weight: 9, plannedDue: d(2) });
    const reports = [report('item-1.1', 50, d(3)), report(excluded.itemId, 100, d(2))];
    const withExcluded = computeStateProgress(state({ items: [...base, excluded], reports }), d(6));
    const without = computeStateProgress(state({ items: base, reports }), d(6));
    expect(withExcluded.progress).toBe(without.progress);
    expect(withExcluded.expected).toBe(without.expected);
    expect(withExcluded.completedItems).toBe(0);
  });

  it('no included item: P = E = 0', () => {
    const s = computeStateProgress(state({ items: [item('1.3', { included: false })] }), d(6));
    expect(s).toMatchObject({ progress: 0, expected: 0, variance: 0, onTimeRate: null });
    expect(s.arithmetic.sumWeights).toBe(0);
  });

  it('completed when every included item is at 100, exactly, whatever the weights', () => {
    const items = [item('1.1', { weight: 0.1 }), item('1.2', { weight: 0.2 }), item('1.3', { weight: 0.3 })];
    const reports = items.map((i) => report(i.itemId, 100, d(2)));
    const s = computeStateProgress(state({ items, reports }), d(6));
    expect(s.progress).toBe(100);
    expect(s.status).toBe('completed');
    expect(s.completedItems).toBe(3);
  });

  it('traffic-light boundaries on a computed state: SV = −5 on track, SV = −15 at risk', () => {
    // One item 01-01 → 01-11, asOf 01-06: E = 50.
    const pi = item('1.1');
    const at = (percent: number) => computeStateProgress(state({ items: [pi], reports: [report(pi.itemId, percent, d(5))] }), d(6));
    expect(at(45)).toMatchObject({ variance: -5, status: 'on_track' });
    expect(at(44)).toMatchObject({ variance: -6, status: 'at_risk' });
    expect(at(35)).toMatchObject({ variance: -15, status: 'at_risk' });
    expect(at(34)).toMatchObject({ variance: -16, status: 'off_track' });
    expect(computeStateProgress(state({ items: [pi], reports: [report(pi.itemId, 45, d(5))] }), d(6), { atRisk: -3, offTrack: -4 }).status).toBe('off_track');
  });

  it('ties between same-day reports are broken by createdAt', () => {
    const pi = item('1.1');
    const reports = [report(pi.itemId, 70, d(5), { createdAt: 2 }), report(pi.itemId, 20, d(5), { createdAt: 1 })];
    expect(computeStateProgress(state({ items: [pi], reports }), d(6)).progress).toBe(70);
  });

  it('on-time rate: null when nothing is due; an item due today counts as due', () => {
    const pi = item('1.1', { plannedDue: d(11) });
    expect(computeStateProgress(state({ items: [pi] }), d(10)).onTimeRate).toBeNull();
    const dueToday = computeStateProgress(state({ items: [pi] }), d(11));
    expect(dueToday).toMatchObject({ dueItems: 1, completedOnTimeItems: 0, onTimeRate: 0, overdueItems: 0 });
    const late = computeStateProgress(state({ items: [pi], reports: [report(pi.itemId, 100, d(12))] }), d(15));
    expect(late).toMatchObject({ dueItems: 1, completedOnTimeItems: 0, onTimeRate: 0, overdueItems: 0, completedItems: 1 });
    const early = computeStateProgress(state({ items: [pi], reports: [report(pi.itemId, 100, d(5))] }), d(8));
    expect(early).toMatchObject({ dueItems: 0, onTimeRate: null, completedItems: 1 }); // done early, not due yet
  });

  it('a drop below 100 moves the completion date and can make it late', () => {
    const pi = item('1.1', { plannedDue: d(6) });
    const reports = [report(pi.itemId, 100, d(4)), report(pi.itemId, 80, d(5)), report(pi.itemId, 100, d(8))];
    const s = computeStateProgress(state({ items: [pi], reports }), d(10));
    expect(s.items[0]).toMatchObject({ completedOn: d(8), completedOnTime: false });
    expect(s.onTimeRate).toBe(0);
  });

  it('a state whose participation is not active is computed but flagged', () => {
    const pi = item('1.1');
    expect(computeStateProgress(state({ items: [pi], exitedOn: d(6) }), d(6)).participating).toBe(false);
    expect(computeStateProgress(state({ items: [pi], joinedOn: d(7) }), d(6)).participating).toBe(false);
    expect(computeStateProgress(state({ items: [pi], exitedOn: d(7) }), d(6)).participating).toBe(true);
  });
});

describe('national progress', () => {
  // One item 01-01 → 01-11, asOf 01-06 (E = 50 for every state).
  const pi = item('1.1', { plannedDue: d(11) });
  const late = item('1.2', { plannedDue: d(3), weight: 1 });
  const oax = state({ stateCode: '20', items: [pi], reports: [report(pi.itemId, 60, d(5), { reviewState: 'accepted' })], institutions: [inst('a'), inst('b')] });
  const ver = state({ stateCode: '30', items: [pi, late], reports: [report(pi.itemId, 20, d(5))], institutions: [inst('c')] });
  // P = (20 + 0)/2 = 10, E = (50 + 100)/2 = 75 → off track, 1 overdue item
  const gto = state({ stateCode: '11', items: [pi], reports: [report(pi.itemId, 48, d(5))] }); // SV −2 → on track
  const withdrawn = state({ stateCode: '28', exitedOn: d(6), items: [pi], reports: [report(pi.itemId, 100, d(2))], institutions: [inst('x')] });
  const notYet = state({ stateCode: '22', joinedOn: d(7), items: [pi] });

  it('is the plain mean over states participating at asOf', () => {
    const n = computeNationalProgress([oax, ver, gto, withdrawn, notYet], d(6));
    // P = (60 + 10 + 48) / 3, E = (50 + 75 + 50) / 3, validated = (60 + 0 + 0) / 3
    expect(n.national.progress).toBeCloseTo(118 / 3, 12);
    expect(n.national.expected).toBeCloseTo(175 / 3, 12);
    expect(n.national.variance).toBeCloseTo(-19, 12);
    expect(n.national.validatedProgress).toBe(20);
    expect(n.national.status).toBe('off_track');
    expect(n.national).toMatchObject({
      states: 3,
      institutions: 3,
      overdueItems: 1,
      distribution: { completed: 0, on_track: 2, at_risk: 0, off_track: 1 },
    });
    expect(n.states.map((s) => [s.stateCode, s.progress, s.expected, s.status])).toEqual([
      ['11', 48, 50, 'on_track'],
      ['20', 60, 50, 'on_track'],
      ['30', 10, 75, 'off_track'],
    ]);
    expect(n.arithmetic).toEqual({ states: 3, sumProgress: 118, sumValidatedProgress: 60, sumExpected: 175, sumExpectedBaseline: 175 });
    expect(roundNationalProgress(n).national).toMatchObject({ progress: 39.3, expected: 58.3, variance: -19 });
  });

  it('each state weighs the same, whatever its number of items or institutions', () => {
    const n = computeNationalProgress([oax, ver], d(6));
    expect(n.national.progress).toBe(35); // (60 + 10) / 2
  });

  it('aggregating precomputed states gives the same result and skips non-participating ones', () => {
    const states = [oax, ver, gto, withdrawn, notYet].map((s) => computeStateProgress(s, d(6)));
    expect(aggregateNationalProgress(states, d(6))).toEqual(computeNationalProgress([oax, ver, gto, withdrawn, notYet], d(6)));
  });

  it('has no figures when no state participates', () => {
    const n = computeNationalProgress([withdrawn, notYet], d(6));
    expect(n.national).toEqual({
      progress: null,
      validatedProgress: null,
      expected: null,
      variance: null,
      expectedBaseline: null,
      varianceBaseline: null,
      status: null,
      states: 0,
      institutions: 0,
      overdueItems: 0,
      distribution: { completed: 0, on_track: 0, at_risk: 0, off_track: 0 },
    });
    expect(n.states).toEqual([]);
  });

  it('is completed when every state is at 100, and uses the program thresholds', () => {
    const done = (code: string) => state({ stateCode: code, items: [pi], reports: [report(pi.itemId, 100, d(2))] });
    expect(computeNationalProgress([done('01'), done('02'), done('03')], d(6)).national).toMatchObject({
      progress: 100,
      status: 'completed',
      distribution: { completed: 3, on_track: 0, at_risk: 0, off_track: 0 },
    });
    const n = computeNationalProgress([gto], d(6), { atRisk: -1, offTrack: -10 }); // SV −2
    expect(n.national.status).toBe('at_risk');
    expect(n.thresholds).toEqual({ atRisk: -1, offTrack: -10 });
  });
});

describe('baseline: expected progress and variance against the original dates', () => {
  // Two items, as of 01-11:
  //  A  w1, original 01-01→01-11 (e₀ = 100), re-planned to 01-01→01-21: e = 50. Report 40 → p 40
  //  B  w3, never re-planned, 01-01→01-21: e = e₀ = 50. Report 80 → p 80
  //  P = (40 + 240) / 4 = 70;  E = (50 + 150) / 4 = 50, SV = +20;  E₀ = (100 + 150) / 4 = 62.5, SV₀ = +7.5
  const asOf = d(11);
  const A = item('1.1', { plannedStart: d(1), plannedDue: d(21), originalStart: d(1), originalDue: d(11) });
  const B = item('1.2', { weight: 3, plannedStart: d(1), plannedDue: d(21) });
  const input = state({ items: [A, B], reports: [report(A.itemId, 40, d(10)), report(B.itemId, 80, d(10))] });

  it('computes each item’s expected progress by the same rule on its original dates', () => {
    const s = computeStateProgress(input, asOf);
    expect(s.items.map((i) => [i.activityCode, i.originalStart, i.originalDue, i.expected, i.variance, i.expectedBaseline, i.varianceBaseline])).toEqual([
      ['1.1', d(1), d(11), 50, -10, 100, -60],
      ['1.2', d(1), d(21), 50, 30, 50, 30],
    ]);
    expect(expectedProgress({ plannedStart: A.originalStart, plannedDue: A.originalDue }, asOf)).toBe(s.items[0].expectedBaseline);
  });

  it('weights the baseline like E, over the same included items, and keeps the traffic light on SV', () => {
    const s = computeStateProgress(input, asOf);
    expect(s).toMatchObject({ progress: 70, expected: 50, variance: 20, expectedBaseline: 62.5, varianceBaseline: 7.5, status: 'on_track' });
    expect(s.arithmetic).toMatchObject({ sumWeights: 4, sumWeightedExpected: 200, sumWeightedExpectedBaseline: 250 });
    expect(s.phases[0]).toMatchObject({ expectedBaseline: 62.5, varianceBaseline: 7.5 });
    // An item excluded by a re-plan leaves both E and E₀.
    const excluded = computeStateProgress({ ...input, items: [{ ...A, included: false }, B] }, asOf);
    expect(excluded).toMatchObject({ expected: 50, expectedBaseline: 50 });
    // Lateness and the on-time rate follow the current plan: A is not overdue against its new due date.
    expect(s.items[0].overdue).toBe(false);
  });

  it('averages nationally like E, and rounds at the edge', () => {
    const other = state({ stateCode: '30', items: [item('1.1', { plannedStart: d(1), plannedDue: d(21) })] });
    const n = computeNationalProgress([input, other], asOf);
    // 30: P 0, E 50, E₀ 50.  National E₀ = (62.5 + 50) / 2 = 56.25, SV₀ = 35 − 56.25.
    expect(n.national).toMatchObject({ progress: 35, expected: 50, expectedBaseline: 56.25, varianceBaseline: -21.25 });
    expect(n.arithmetic.sumExpectedBaseline).toBe(112.5);
    expect(n.states.map((s) => [s.stateCode, s.expectedBaseline, s.varianceBaseline])).toEqual([
      ['20', 62.5, 7.5],
      ['30', 50, -50],
    ]);
    expect(roundNationalProgress(n).national).toMatchObject({ expectedBaseline: 56.3, varianceBaseline: -21.3 });
    const rounded = roundStateProgress(computeStateProgress({ ...input, items: [A, { ...B, weight: 2 }] }, asOf));
    // P = 200/3, E₀ = 200/3 → 66.7 and 0.
    expect(rounded).toMatchObject({ expectedBaseline: 66.7, varianceBaseline: 0 });
  });
});
