import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/**
 * The trend is computed from the report history: each weekly point is exactly the figure the progress
 * routes answer as of that date (one home for each number), with no stored snapshot involved.
 */
describe('Progress trend from the report history', () => {
  let t: TestApp;
  let coord: { Authorization: string };
  let program: string;
  beforeAll(async () => {
    t = await createTestApp();
    coord = (await t.as('coordinator')).auth;
    t.clock.set('2025-03-05');
    const fx = await t.programs.program([
      { code: '1.1', startDay: 0, durationDays: 30 },
      { code: '1.2', startDay: 20, durationDays: 40 },
    ]);
    program = fx.program.code;
    await t.programs.enrol(fx.program.id, '20', '2025-01-01');
    await t.programs.enrol(fx.program.id, '07', '2025-01-15');
    const report = (state: string, activityCode: string, percent: number, reportedOn: string) =>
      t.http().post(`/api/v1/programs/${program}/states/${state}/reports`).set(coord)
        .send({ activityCode, percent, reportedOn, status: percent === 100 ? 'completed' : 'in_progress', evidence: percent === 100 ? [{ kind: 'url', title: 'Acta', url: 'https://example.org/acta' }] : undefined })
        .expect(201);
    await report('20', '1.1', 30, '2025-01-10');
    await report('20', '1.1', 100, '2025-01-28');
    await report('07', '1.1', 50, '2025-02-03');
    await report('20', '1.2', 40, '2025-02-20');
  });
  afterAll(() => t.close());

  const trend = (query: string) => t.http().get(`/api/v1/programs/${program}/progress/trend${query}`).set(coord);

  it('has a point every week from the first join to today, each equal to the national figures as of that date', async () => {
    const res = await trend('').expect(200);
    expect(res.body.scope).toBe('national');
    const dates = res.body.points.map((p: { date: string }) => p.date);
    expect(dates).toEqual(['2025-01-01', '2025-01-08', '2025-01-15', '2025-01-22', '2025-01-29', '2025-02-05', '2025-02-12', '2025-02-19', '2025-02-26', '2025-03-05']);
    for (const point of res.body.points) {
      const national = (await t.http().get(`/api/v1/programs/${program}/progress?asOf=${point.date}`).set(coord).expect(200)).body.national;
      expect(point, point.date).toEqual({
        date: point.date,
        progress: national.progress,
        validatedProgress: national.validatedProgress,
        expected: national.expected,
        variance: national.variance,
        expectedBaseline: national.expectedBaseline,
        varianceBaseline: national.varianceBaseline,
        status: national.status,
      });
    }
    // The history moves: nothing reported on the first day, state 20's activity 1.1 done by the fifth week.
    expect(res.body.points[0].progress).toBe(0);
    expect(res.body.points.at(-1).progress).toBeGreaterThan(res.body.points[3].progress);
  });

  it('follows one state from its own join, matching its figures as of each date', async () => {
    const res = await trend('?stateCode=07&to=2025-02-12').expect(200);
    expect(res.body.scope).toBe('07');
    expect(res.body.points.map((p: { date: string }) => p.date)).toEqual(['2025-01-15', '2025-01-22', '2025-01-29', '2025-02-05', '2025-02-12']);
    for (const point of res.body.points) {
      const state = (await t.http().get(`/api/v1/programs/${program}/states/07/progress?asOf=${point.date}`).set(coord).expect(200)).body;
      expect(point.progress, point.date).toBe(state.progress);
      expect(point.expected, point.date).toBe(state.expected);
    }
    expect(res.body.points.at(-1).progress).toBeGreaterThan(0);
  });

  it('answers the stored-snapshot route unchanged and empty when no job ran, while the trend is full', async () => {
    const snapshots = await t.http().get(`/api/v1/programs/${program}/progress/snapshots`).set(coord).expect(200);
    expect(snapshots.body.points).toEqual([]);
    expect((await trend('').expect(200)).body.points.length).toBe(10);
  });

  it('refuses bad ranges and unknown scopes, naming the field', async () => {
    expect((await trend('?from=2025-02-01&to=2025-01-01').expect(400)).body.errors).toEqual([{ field: 'to', message: 'to (2025-01-01) must not be before from (2025-02-01)' }]);
    expect((await trend('?from=2000-01-01').expect(400)).body.errors[0].field).toBe('from');
    expect((await trend('?stateCode=2x').expect(400)).body.errors[0].field).toBe('stateCode');
    await trend('?stateCode=09').expect(404);
    await t.http().get('/api/v1/programs/no-existe/progress/trend').set(coord).expect(404);
    await t.http().get(`/api/v1/programs/${program}/progress/trend`).expect(401);
  });
});
