import { plannedWindow } from '../../libs/core/src/plans/plan-dates.js';
import { applyReplan, expectedVersion, needsApproval } from '../../libs/core/src/plans/plan-rules.js';

describe('plannedWindow: dates from the join date and the activity offsets', () => {
  it.each([
    ['2025-01-15', 0, 30, '2025-01-15', '2025-02-14'],
    ['2025-01-15', 15, 45, '2025-01-30', '2025-03-16'],
    ['2025-01-15', 240, 90, '2025-09-12', '2025-12-11'],
    ['2025-01-15', 420, 45, '2026-03-11', '2026-04-25'],
    ['2024-02-10', 19, 0, '2024-02-29', '2024-02-29'], // leap day; zero duration: due = start
    ['2025-12-20', 10, 5, '2025-12-30', '2026-01-04'], // across the year
  ])('join %s, start +%i, duration %i → %s .. %s', (joinedOn, startDay, durationDays, start, due) => {
    expect(plannedWindow(joinedOn, { startDay, durationDays })).toEqual({ plannedStart: start, plannedDue: due });
  });
});

describe('applyReplan: the re-planning rules', () => {
  const current = { included: true, plannedStart: '2025-03-01', plannedDue: '2025-03-31' };
  const mandatory = { code: '1.1', optional: false };
  const optional = { code: '1.3', optional: true };

  it('keeps the fields not sent', () => {
    expect(applyReplan(current, mandatory, { plannedDue: '2025-04-30' })).toEqual({ after: { ...current, plannedDue: '2025-04-30' }, errors: [] });
  });

  it('excludes only optional activities', () => {
    expect(applyReplan(current, optional, { included: false }).errors).toEqual([]);
    expect(applyReplan(current, mandatory, { included: false }).errors).toEqual([{ field: 'included', message: 'activity 1.1 is not optional and cannot be excluded' }]);
  });

  it('refuses a due date before the start, whichever field moved', () => {
    expect(applyReplan(current, mandatory, { plannedDue: '2025-02-28' }).errors.map((e) => e.field)).toEqual(['plannedDue']);
    expect(applyReplan(current, mandatory, { plannedStart: '2025-04-01' }).errors.map((e) => e.field)).toEqual(['plannedDue']);
    expect(applyReplan(current, mandatory, { plannedStart: '2025-03-31' }).errors).toEqual([]); // due = start is allowed
  });

  it('needs something to change', () => {
    expect(applyReplan(current, mandatory, {}).errors).toEqual([{ field: 'body', message: 'send at least one of included, plannedStart, plannedDue' }]);
    expect(applyReplan(current, mandatory, { included: true, plannedStart: '2025-03-01' }).errors).toEqual([{ field: 'body', message: 'nothing changes: the item already has these values' }]);
  });

  it('reports every field at fault at once', () => {
    expect(applyReplan(current, mandatory, { included: false, plannedDue: '2025-01-01' }).errors.map((e) => e.field)).toEqual(['included', 'plannedDue']);
  });
});

describe('expectedVersion: body version or If-Match', () => {
  it.each([
    [undefined, undefined, null],
    [3, undefined, 3],
    [undefined, '"3"', 3],
    [undefined, 'W/"3"', 3],
    [undefined, '3', 3],
    [undefined, '*', null],
    [4, '"4"', 4],
  ])('body %s, If-Match %s → %s', (body, header, version) => {
    expect(expectedVersion(body, header)).toEqual({ version, errors: [] });
  });

  it.each(['abc', '"0"', '"1", "2"', 'W/"x"'])('refuses If-Match %s', (header) => {
    expect(expectedVersion(undefined, header).errors.map((e) => e.field)).toEqual(['If-Match']);
  });

  it('refuses a body version and If-Match that disagree', () => {
    expect(expectedVersion(2, '"3"')).toEqual({ version: null, errors: [{ field: 'version', message: 'version (2) and If-Match (3) disagree' }] });
  });
});

describe('needsApproval: which re-plans wait for the coordination (issue 9.4)', () => {
  const current = { included: true, plannedStart: '2025-03-01', plannedDue: '2025-03-31' };
  const later = { ...current, plannedDue: '2025-04-01' };

  it('a state officer moving the due date later', () => {
    expect(needsApproval('state_officer', current, later)).toBe(true);
    expect(needsApproval('state_officer', current, { ...later, plannedStart: '2025-02-01', included: false })).toBe(true);
  });

  it('not a due date moved earlier, kept, or a start or scope change alone', () => {
    expect(needsApproval('state_officer', current, { ...current, plannedDue: '2025-03-30' })).toBe(false);
    expect(needsApproval('state_officer', current, { ...current, plannedStart: '2025-03-15' })).toBe(false);
    expect(needsApproval('state_officer', current, { ...current, included: false })).toBe(false);
    expect(needsApproval('state_officer', current, current)).toBe(false);
  });

  it('never the coordination (or any national role)', () => {
    for (const role of ['coordinator', 'admin', 'reviewer'] as const) expect(needsApproval(role, current, later)).toBe(false);
  });
});
