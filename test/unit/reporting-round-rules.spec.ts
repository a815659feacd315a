import { demoSubmissionDate, demoSummary } from '../../libs/core/src/reporting-rounds/demo-reporting-rounds.js';
import {
  isDueBy,
  isExpected,
  lastEndedQuarter,
  percent,
  quarterCount,
  quarterRound,
  quartersBetween,
  roundPhase,
  stateRoundStatus,
  tally,
} from '../../libs/core/src/reporting-rounds/reporting-round-rules.js';

const q1 = { periodStart: '2025-01-01', periodEnd: '2025-03-31' };

describe('isExpected: participating on at least one day of the round’s period', () => {
  it.each([
    ['joined before the period, still in', '2024-12-01', null, true],
    ['joined on the first day', '2025-01-01', null, true],
    ['joined mid-period', '2025-02-15', null, true],
    ['joined on the last day', '2025-03-31', null, true],
    ['joined the day after the period (after its period: not counted)', '2025-04-01', null, false],
    ['joined long after', '2025-09-01', null, false],
    ['withdrew before the period', '2024-06-01', '2024-12-31', false],
    ['withdrew on the first day (the exit day no longer counts)', '2024-06-01', '2025-01-01', false],
    ['withdrew on the second day (active on the first)', '2024-06-01', '2025-01-02', true],
    ['withdrew mid-period', '2024-06-01', '2025-02-15', true],
    ['withdrew after the period', '2024-06-01', '2025-06-30', true],
    ['joined and withdrew inside the period', '2025-02-01', '2025-03-01', true],
    ['joined and withdrew the same day (never active)', '2025-02-01', '2025-02-01', false],
  ])('%s', (_, joinedOn, exitedOn, expected) => {
    expect(isExpected({ joinedOn, exitedOn }, q1)).toBe(expected);
  });
});

describe('stateRoundStatus', () => {
  const round = { dueOn: '2025-04-15' };
  it.each([
    [false, null, '2025-05-01', 'not_expected'],
    [true, null, '2025-04-01', 'pending'],
    [true, null, '2025-04-15', 'pending'], // the due day itself is still on time
    [true, null, '2025-04-16', 'overdue'],
    [true, '2025-04-15', '2025-04-20', 'submitted'],
    [true, '2025-04-16', '2025-04-20', 'late'],
    [true, '2025-04-16', '2025-04-15', 'pending'], // as of before it was made, it does not exist yet
    [true, '2025-04-25', '2025-04-20', 'overdue'],
  ] as const)('expected %s, submitted %s, as of %s → %s', (expected, submittedOn, asOf, status) => {
    expect(stateRoundStatus(expected, round, submittedOn, asOf)).toBe(status);
  });
});

describe('roundPhase and isDueBy', () => {
  const round = { ...q1, dueOn: '2025-04-15' };
  it.each([
    ['2024-12-31', 'upcoming', false],
    ['2025-01-01', 'in_period', false],
    ['2025-03-31', 'in_period', false],
    ['2025-04-01', 'open', false],
    ['2025-04-15', 'open', true],
    ['2025-04-16', 'closed', true],
  ] as const)('as of %s → %s, due %s', (asOf, phase, due) => {
    expect(roundPhase(round, asOf)).toBe(phase);
    expect(isDueBy(round, asOf)).toBe(due);
  });
});

describe('tally: counts and percentages over expected (round, state) pairs', () => {
  it('is null when nothing is expected', () => {
    expect(tally([])).toEqual({ expected: 0, submitted: 0, onTime: 0, completeness: null, timeliness: null });
    expect(tally([{ expected: false, dueOn: '2025-04-15', submittedOn: '2025-04-01' }]).completeness).toBeNull();
  });

  it('counts on time by the due date, late as submitted only, and ignores pairs not expected', () => {
    const f = tally([
      { expected: true, dueOn: '2025-04-15', submittedOn: '2025-04-15' },
      { expected: true, dueOn: '2025-04-15', submittedOn: '2025-04-16' },
      { expected: true, dueOn: '2025-04-15', submittedOn: null },
      { expected: false, dueOn: '2025-04-15', submittedOn: '2025-04-01' },
    ]);
    expect(f).toMatchObject({ expected: 3, submitted: 2, onTime: 1 });
    expect(f.completeness).toBeCloseTo(66.6667, 3);
    expect(f.timeliness).toBeCloseTo(33.3333, 3);
  });

  it('percent keeps full precision (rounding happens at the edge)', () => {
    expect(percent(1, 3)).toBeCloseTo(33.333333, 5);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('calendar quarters', () => {
  it('quarterRound: code, Spanish name, period and due date', () => {
    expect(quarterRound(2025, 1, 15)).toEqual({ code: '2025-Q1', name: 'Primer trimestre 2025', periodStart: '2025-01-01', periodEnd: '2025-03-31', dueOn: '2025-04-15' });
    expect(quarterRound(2024, 1, 0).periodEnd).toBe('2024-03-31');
    expect(quarterRound(2025, 4, 15)).toEqual({ code: '2025-Q4', name: 'Cuarto trimestre 2025', periodStart: '2025-10-01', periodEnd: '2025-12-31', dueOn: '2026-01-15' });
    expect(quarterRound(2025, 2, 30)).toMatchObject({ periodStart: '2025-04-01', periodEnd: '2025-06-30', dueOn: '2025-07-30' });
    expect(quarterRound(2025, 3, 15)).toMatchObject({ periodStart: '2025-07-01', periodEnd: '2025-09-30', dueOn: '2025-10-15' });
  });

  it('quartersBetween: every quarter overlapping [from, to], across years', () => {
    expect(quartersBetween('2025-02-10', '2025-07-01', 15).map((q) => q.code)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3']);
    expect(quartersBetween('2024-11-30', '2025-01-01', 15).map((q) => q.code)).toEqual(['2024-Q4', '2025-Q1']);
    expect(quartersBetween('2025-04-01', '2025-06-30', 15).map((q) => q.code)).toEqual(['2025-Q2']);
    expect(quarterCount('2024-11-30', '2025-01-01')).toBe(2);
    expect(quarterCount('2025-01-01', '2034-12-31')).toBe(40);
  });

  it('lastEndedQuarter: the quarter before today’s', () => {
    expect(lastEndedQuarter('2025-04-01')).toEqual({ year: 2025, quarter: 1 });
    expect(lastEndedQuarter('2025-03-31')).toEqual({ year: 2024, quarter: 4 });
    expect(lastEndedQuarter('2026-01-01')).toEqual({ year: 2025, quarter: 4 });
  });
});

describe('demo submissions: deterministic, mostly on time', () => {
  it('is the same every time and has on-time, late and missing deliveries', () => {
    const rounds = quartersBetween('2025-01-01', '2026-12-31', 15);
    const states = ['04', '07', '11', '19', '20', '22', '25', '27', '28', '30', '31'];
    const fates = { onTime: 0, late: 0, missing: 0 };
    for (const r of rounds) {
      for (const s of states) {
        const d = demoSubmissionDate(s, r);
        expect(demoSubmissionDate(s, r)).toBe(d);
        if (d === null) fates.missing += 1;
        else {
          expect(d > r.periodEnd).toBe(true);
          fates[d <= r.dueOn ? 'onTime' : 'late'] += 1;
        }
      }
    }
    expect(fates.onTime).toBeGreaterThan(fates.late + fates.missing);
    expect(fates.late).toBeGreaterThan(0);
    expect(fates.missing).toBeGreaterThan(0);
    expect(demoSummary('20', '2025-Q1')).toBe(demoSummary('20', '2025-Q1'));
    expect(demoSummary('20', '2025-Q1').length).toBeLessThanOrEqual(2000);
  });
});
