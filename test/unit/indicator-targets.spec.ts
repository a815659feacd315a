import { achievement, expectedNow, judge, selectTarget } from '../../libs/core/src/indicators/indicator-targets.js';
import { measureValue, poolMeasures, progressMeasure, stateCountsFromSnapshot, type StateCounts } from '../../libs/core/src/indicators/indicator-values.js';
import { seriesDates } from '../../libs/core/src/indicators/indicators.service.js';

describe('indicator targets', () => {
  describe('selectTarget', () => {
    const targets = [
      { value: 1, date: '2025-06-30' },
      { value: 2, date: '2025-12-31' },
      { value: 3, date: '2025-03-31' },
      { value: 9, date: null },
    ];
    it.each([
      ['2025-01-01', 3], // nearest future one
      ['2025-03-31', 3], // on the date itself it still applies
      ['2025-04-01', 1],
      ['2025-12-31', 2],
      ['2026-01-01', 2], // all past: the latest
    ])('as of %s → the target of value %d', (asOf, value) => {
      expect(selectTarget(targets, asOf)?.value).toBe(value);
    });
    it('falls back to the undated target, and to null without targets', () => {
      expect(selectTarget([{ value: 80, date: null }], '2030-01-01')).toEqual({ value: 80, date: null });
      expect(selectTarget([], '2030-01-01')).toBeNull();
    });
  });

  describe('expectedNow: a straight line from baseline to target, clamped to the segment', () => {
    const baseline = { value: 10, date: '2025-01-01' };
    const target = { value: 110, date: '2025-04-11' }; // 100 days later
    it.each([
      ['2024-12-01', 10],
      ['2025-01-01', 10],
      ['2025-01-26', 35],
      ['2025-04-11', 110],
      ['2026-01-01', 110],
    ])('as of %s → %d', (asOf, value) => {
      expect(expectedNow(baseline, target, asOf)).toBeCloseTo(value, 10);
    });
    it('goes down for a falling target', () => {
      expect(expectedNow({ value: 50, date: '2025-01-01' }, { value: 10, date: '2025-01-11' }, '2025-01-06')).toBe(30);
    });
    it('is the target itself without a line: undated target, baseline without date or after the target, no baseline', () => {
      expect(expectedNow(baseline, { value: 80, date: null }, '2025-02-01')).toBe(80);
      expect(expectedNow({ value: 0, date: null }, target, '2025-02-01')).toBe(110);
      expect(expectedNow({ value: 0, date: '2025-05-01' }, target, '2025-02-01')).toBe(110);
      expect(expectedNow(null, target, '2025-02-01')).toBe(110);
    });
  });

  describe('achievement (0–100)', () => {
    it.each([
      // value, baseline, target, direction, expected
      [50, 0, 100, 'up', 50],
      [60, 20, 100, 'up', 50], // (60 − 20) / (100 − 20)
      [10, 20, 100, 'up', 0], // below the baseline: clamped
      [150, 0, 100, 'up', 100], // beyond the target: clamped
      [30, 50, 10, 'down', 50], // (30 − 50) / (10 − 50)
      [5, 50, 10, 'down', 100],
      [60, 50, 10, 'down', 0],
      [40, null, 80, 'up', 50], // no baseline: value / target
      [20, null, 10, 'down', 50], // no baseline, down: target / value
      [0, null, 0, 'up', 100], // a zero target is met by anything
      [3, 5, 5, 'up', 0], // target = baseline, not reached
      [5, 5, 5, 'up', 100],
    ] as const)('value %d, baseline %s, target %d, %s → %d', (value, baseline, target, direction, expected) => {
      expect(achievement(value, baseline, target, direction)).toBeCloseTo(expected, 10);
    });
  });

  describe('judge: met, on_track, behind', () => {
    const baseline = { value: 0, date: '2025-01-01' };
    const dueNextYear = { value: 100, date: '2026-01-01' }; // 365 days
    it('a target due next year is judged today on the straight line', () => {
      // 2025-07-02 is day 182: 49.86 expected.
      expect(judge(50, baseline, dueNextYear, 'up', '2025-07-02')).toMatchObject({ status: 'on_track', achievement: 50 });
      expect(judge(49, baseline, dueNextYear, 'up', '2025-07-02')).toMatchObject({ status: 'behind', achievement: 49 });
      expect(judge(49, baseline, dueNextYear, 'up', '2025-07-02').expectedNow).toBeCloseTo((100 * 182) / 365, 10);
      expect(judge(100, baseline, dueNextYear, 'up', '2025-07-02')).toMatchObject({ status: 'met', achievement: 100 });
    });
    it('exactly on the line is on track (float noise tolerated)', () => {
      expect(judge((100 * 182) / 365, baseline, dueNextYear, 'up', '2025-07-02').status).toBe('on_track');
    });
    it('a down indicator is on track at or below the line', () => {
      const down = { value: 10, date: '2025-01-11' };
      expect(judge(30, { value: 50, date: '2025-01-01' }, down, 'down', '2025-01-06').status).toBe('on_track');
      expect(judge(31, { value: 50, date: '2025-01-01' }, down, 'down', '2025-01-06').status).toBe('behind');
      expect(judge(10, { value: 50, date: '2025-01-01' }, down, 'down', '2025-01-06').status).toBe('met');
    });
    it('past due and not reached is behind; undated targets are met or behind', () => {
      expect(judge(99, baseline, { value: 100, date: '2025-06-30' }, 'up', '2025-07-01').status).toBe('behind');
      expect(judge(79.9, null, { value: 80, date: null }, 'up', '2025-07-01')).toMatchObject({ status: 'behind', expectedNow: 80 });
      expect(judge(80, null, { value: 80, date: null }, 'up', '2025-07-01')).toMatchObject({ status: 'met', achievement: 100 });
    });
    it('no target or no value: nothing to judge', () => {
      expect(judge(5, baseline, null, 'up', '2025-07-01')).toEqual({ expectedNow: null, achievement: null, status: null });
      expect(judge(null, baseline, dueNextYear, 'up', '2025-01-01')).toEqual({ expectedNow: 0, achievement: null, status: null });
    });
  });
});

describe('indicator values from progress counts', () => {
  const counts = (over: Partial<StateCounts> = {}): StateCounts => ({
    stateCode: '20',
    participating: true,
    progress: 40,
    institutions: 3,
    completedItems: 2,
    includedItems: 8,
    dueItems: 4,
    completedOnTimeItems: 3,
    ...over,
  });

  it('reads each progress kind from the counts', () => {
    const s = counts();
    expect(measureValue(progressMeasure('states_participating', s), 'count')).toBe(1);
    expect(measureValue(progressMeasure('states_participating', counts({ participating: false })), 'count')).toBe(0);
    expect(measureValue(progressMeasure('institutions_registered', s), 'count')).toBe(3);
    expect(measureValue(progressMeasure('weighted_progress', s), 'percent')).toBe(40);
    expect(measureValue(progressMeasure('items_completed', s), 'percent')).toBe(25);
    expect(measureValue(progressMeasure('items_completed', s), 'count')).toBe(2);
    expect(measureValue(progressMeasure('items_completed_on_time', s), 'percent')).toBe(75);
    expect(measureValue(progressMeasure('items_completed_on_time', counts({ dueItems: 0, completedOnTimeItems: 0 })), 'percent')).toBeNull();
  });

  it('pools shares nationally (Σ numerators / Σ denominators), sums counts', () => {
    const a = progressMeasure('items_completed', counts({ completedItems: 1, includedItems: 2 }));
    const b = progressMeasure('items_completed', counts({ completedItems: 1, includedItems: 8 }));
    expect(measureValue(poolMeasures([a, b]), 'percent')).toBe(20); // 2 / 10, not the mean of 50 % and 12.5 %
    expect(measureValue(poolMeasures([a, b]), 'count')).toBe(2);
    expect(measureValue(poolMeasures([{ numerator: 4, denominator: null }, { numerator: 5, denominator: null }]), 'count')).toBe(9);
    expect(measureValue(poolMeasures([]), 'percent')).toBeNull();
    expect(measureValue(poolMeasures([]), 'count')).toBe(0);
  });

  it('reads the same counts from a daily snapshot row, or nothing when a field is missing', () => {
    const figures = { progress: 40, institutions: 3, completedItems: 2, dueItems: 4, completedOnTimeItems: 3, onTimeRate: 75, arithmetic: { includedItems: 8 } };
    expect(stateCountsFromSnapshot('20', figures)).toEqual(counts());
    expect(stateCountsFromSnapshot('20', { ...figures, arithmetic: {} })).toBeNull();
  });
});

describe('series dates', () => {
  it('from, every month end in between, to', () => {
    expect(seriesDates('2025-01-15', '2025-04-10')).toEqual(['2025-01-15', '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-10']);
    expect(seriesDates('2024-01-31', '2024-03-31')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(seriesDates('2025-05-05', '2025-05-05')).toEqual(['2025-05-05']);
  });
});
