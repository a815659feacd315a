import type { Institution } from '../../libs/core/src/institutions/institution.entity.js';
import type { Program } from '../../libs/core/src/programs/program.entity.js';
import type { ActivitySpec } from '../../libs/testing/src/factories/program.factory.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Hand-computed figures. The state joins on 2025-01-01, so the plan is:
//   1.1 state level,       weight 1, 2025-01-01 → 2025-01-11
//   1.2 state level, opt., weight 2, 2025-01-01 → 2025-01-01 (due = start)
//   2.1 institution level, weight 3, 2025-01-01 → 2025-01-21
const ACTIVITIES: ActivitySpec[] = [
  { code: '1.1', startDay: 0, durationDays: 10, weight: 1 },
  { code: '1.2', startDay: 0, durationDays: 0, weight: 2, optional: true },
  { code: '2.1', phase: 2, level: 'institution', startDay: 0, durationDays: 20, weight: 3 },
];
const JOINED = '2025-01-01';
const TODAY = '2025-01-06';
const J = 'Ajuste acordado con la coordinación.';

describe('Progress: figures, explanation and public data over HTTP', () => {
  let t: TestApp;
  let coord: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    coord = (await t.as('coordinator')).auth;
  });
  beforeEach(() => t.clock.set(TODAY));
  afterAll(() => t.close());

  const api = (path: string) => `/api/v1${path}`;
  const national = (program: string, asOf?: string) => t.http().get(api(`/programs/${program}/progress${asOf ? `?asOf=${asOf}` : ''}`)).set(coord);
  const stateOf = (program: string, state = '20', asOf?: string) => t.http().get(api(`/programs/${program}/states/${state}/progress${asOf ? `?asOf=${asOf}` : ''}`)).set(coord);

  async function report(program: string, body: { activityCode: string; percent: number; reportedOn: string; institutionId?: string }, state = '20'): Promise<string> {
    const status = body.percent === 100 ? 'completed' : body.percent === 0 ? 'not_started' : 'in_progress';
    const res = await t.http().post(api(`/programs/${program}/states/${state}/reports`)).set(coord).send({ ...body, status });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const review = (id: string, decision: 'accept' | 'return') =>
    t.http().post(api(`/reports/${id}/review`)).set(coord).send(decision === 'return' ? { decision, reason: 'Falta la evidencia.' } : { decision }).expect(200);

  async function setup(): Promise<{ program: Program; participationId: string }> {
    const { program } = await t.programs.program(ACTIVITIES);
    const { participation } = await t.programs.enrol(program.id, '20', JOINED);
    return { program, participationId: participation.id };
  }

  /** The fixture most tests share: two institutions and a report history with a tie and a returned report. */
  async function withReports(): Promise<{ program: Program; a: Institution; b: Institution; returnedId: string; acceptedId: string }> {
    const { program, participationId } = await setup();
    const a = await t.programs.institution(participationId, { name: 'Secretaría de Finanzas', acronym: 'SEFIN', joinedOn: '2025-01-01' });
    const b = await t.programs.institution(participationId, { name: 'Archivo General', joinedOn: '2025-01-03' });
    await report(program.code, { activityCode: '1.1', percent: 40, reportedOn: '2025-01-03' });
    await report(program.code, { activityCode: '1.1', percent: 60, reportedOn: '2025-01-05' });
    await report(program.code, { activityCode: '1.1', percent: 70, reportedOn: '2025-01-05' }); // same date, created later: current
    await report(program.code, { activityCode: '1.2', percent: 100, reportedOn: '2025-01-02' }); // one day after due
    const acceptedId = await report(program.code, { activityCode: '2.1', institutionId: a.id, percent: 50, reportedOn: '2025-01-04' });
    await review(acceptedId, 'accept');
    const returnedId = await report(program.code, { activityCode: '2.1', institutionId: b.id, percent: 100, reportedOn: '2025-01-05' });
    return { program, a, b, returnedId, acceptedId };
  }

  describe('national and state figures', () => {
    it('with no reports: zero progress, expected by the calendar, the due = start item overdue', async () => {
      const { program } = await setup();
      const res = await national(program.code).expect(200);
      // E = (1·50 + 2·100 + 3·25) / 6 = 54.1666…
      expect(res.body).toEqual({
        programId: program.id,
        programCode: program.code,
        programName: 'Programa de prueba',
        asOf: TODAY,
        thresholds: { atRisk: -5, offTrack: -15 },
        // Phase 1: E = (1·50 + 2·100) / 3 = 83.33…; phase 2: E = 25.
        phases: [
          // Never re-planned: the baseline (original dates) is the current plan.
          { number: 1, name: 'Fase 1', states: 1, progress: 0, validatedProgress: 0, expected: 83.3, variance: -83.3, expectedBaseline: 83.3, varianceBaseline: -83.3, status: 'off_track' },
          { number: 2, name: 'Fase 2', states: 1, progress: 0, validatedProgress: 0, expected: 25, variance: -25, expectedBaseline: 25, varianceBaseline: -25, status: 'off_track' },
        ],
        national: {
          progress: 0,
          validatedProgress: 0,
          expected: 54.2,
          variance: -54.2,
          expectedBaseline: 54.2,
          varianceBaseline: -54.2,
          status: 'off_track',
          states: 1,
          institutions: 0,
          overdueItems: 1,
          completedItems: 0,
          distribution: { completed: 0, on_track: 0, at_risk: 0, off_track: 1 },
        },
        states: [
          {
            stateCode: '20',
            stateName: 'Oaxaca',
            progress: 0,
            validatedProgress: 0,
            expected: 54.2,
            variance: -54.2,
            expectedBaseline: 54.2,
            varianceBaseline: -54.2,
            status: 'off_track',
            overdueItems: 1,
            onTimeRate: 0,
            institutions: 0,
            completedItems: 0,
            dueItems: 1,
            includedItems: 3,
          },
        ],
      });

      const state = await stateOf(program.code).expect(200);
      const items = Object.fromEntries(state.body.items.map((i: { activityCode: string }) => [i.activityCode, i]));
      expect(items['1.2']).toMatchObject({ expected: 100, progress: 0, overdue: true, daysLate: 5, completedOn: null });
      expect(items['1.1']).toMatchObject({ expected: 50, overdue: false, daysLate: null });
      // An institution-level item without institutions is 0 and flagged.
      expect(items['2.1']).toMatchObject({ progress: 0, expected: 25, noInstitutions: true, institutions: 0 });
      expect(state.body.institutions).toEqual([]);
    });

    it('phases nationally: the plain mean of each state’s phase figures, over the states that include an item of the phase', async () => {
      const { program } = await t.programs.program([
        { code: '1.1', startDay: 0, durationDays: 10, weight: 1 },
        { code: '1.2', startDay: 0, durationDays: 10, weight: 3 },
        { code: '2.1', phase: 2, startDay: 0, durationDays: 20, weight: 1, optional: true },
      ]);
      await t.programs.enrol(program.id, '20', JOINED);
      await t.programs.enrol(program.id, '21', JOINED);
      await report(program.code, { activityCode: '1.1', percent: 80, reportedOn: '2025-01-02' });
      await report(program.code, { activityCode: '2.1', percent: 30, reportedOn: '2025-01-03' });
      await report(program.code, { activityCode: '1.2', percent: 20, reportedOn: '2025-01-04' }, '21');
      await t.http().patch(api(`/programs/${program.code}/states/21/plan/2.1`)).set(coord).send({ included: false, justification: J }).expect(200);
      const res = await national(program.code).expect(200);
      // Phase 1: 20 → (1·80 + 3·0) / 4 = 20; 21 → (1·0 + 3·20) / 4 = 15; mean 17.5. E = 50 in both.
      // Phase 2: only 20 includes 2.1 → P 30, E 25; 21 (every item of the phase excluded) is left out.
      expect(res.body.phases).toEqual([
        { number: 1, name: 'Fase 1', states: 2, progress: 17.5, validatedProgress: 0, expected: 50, variance: -32.5, expectedBaseline: 50, varianceBaseline: -32.5, status: 'off_track' },
        { number: 2, name: 'Fase 2', states: 1, progress: 30, validatedProgress: 0, expected: 25, variance: 5, expectedBaseline: 25, varianceBaseline: 5, status: 'on_track' },
      ]);
      // Each state's own phase figures agree.
      const s21 = (await stateOf(program.code, '21').expect(200)).body;
      expect(s21.phases.map((ph: { phaseNumber: number; progress: number }) => [ph.phaseNumber, ph.progress])).toEqual([[1, 15], [2, 0]]);
      // A past date before any report: phases at 0, still over the same states.
      const past = await national(program.code, '2025-01-01').expect(200);
      expect(past.body.phases.map((ph: { states: number; progress: number; expected: number }) => [ph.states, ph.progress, ph.expected])).toEqual([[2, 0, 0], [1, 0, 0]]);
      // The public route has the same phases, and the program's name and code.
      const pub = await t.http().get(api(`/public/programs/${program.code}/progress`)).expect(200);
      expect(pub.body).toMatchObject({ programCode: program.code, programName: 'Programa de prueba', phases: res.body.phases });
    });

    it('due = start: expected is 0 before the day and 100 from it', async () => {
      const { program } = await setup();
      const before = await stateOf(program.code, '20', '2024-12-31').expect(200);
      expect(before.body.participating).toBe(false); // not joined yet, still explains itself
      expect(before.body.items.find((i: { activityCode: string }) => i.activityCode === '1.2')).toMatchObject({ expected: 0, overdue: false });
      const on = await stateOf(program.code, '20', '2025-01-01').expect(200);
      expect(on.body.items.find((i: { activityCode: string }) => i.activityCode === '1.2')).toMatchObject({ expected: 100, overdue: false });
      // Before the join date the state is not counted nationally.
      const nat = await national(program.code, '2024-12-31').expect(200);
      expect(nat.body.national).toMatchObject({ progress: null, expected: null, variance: null, status: null, states: 0 });
      expect(nat.body.states).toEqual([]);
    });

    it('reports: ties go to the later-created, returned reports do not count, validated uses accepted only', async () => {
      const { program, a, b, returnedId } = await withReports();
      // Before the return is decided, B's 100 counts: 2.1 = (50 + 100) / 2.
      let s = (await stateOf(program.code).expect(200)).body;
      expect(s.items.find((i: { activityCode: string }) => i.activityCode === '2.1').progress).toBe(75);

      await review(returnedId, 'return');
      // Read right after the write: already exact.
      s = (await stateOf(program.code).expect(200)).body;
      // P = (1·70 + 2·100 + 3·25) / 6 = 57.5; E = 54.1666…; V = (3·25) / 6 = 12.5
      expect(s).toMatchObject({ progress: 57.5, validatedProgress: 12.5, expected: 54.2, variance: 3.3, status: 'on_track', overdueItems: 0, onTimeRate: 0, completedItems: 1, dueItems: 1, activeInstitutions: 2 });
      const items = Object.fromEntries(s.items.map((i: { activityCode: string }) => [i.activityCode, i]));
      expect(items['1.1']).toMatchObject({ progress: 70, validatedProgress: 0 });
      expect(items['1.2']).toMatchObject({ progress: 100, completedOn: '2025-01-02', completedOnTime: false, overdue: false, status: 'completed' });
      expect(items['2.1']).toMatchObject({ progress: 25, validatedProgress: 25, noInstitutions: false, institutions: 2 });
      expect(s.phases).toEqual([
        { phaseNumber: 1, phaseName: 'Fase 1', items: 2, progress: 90, validatedProgress: 0, expected: 83.3, variance: 6.7, expectedBaseline: 83.3, varianceBaseline: 6.7, status: 'on_track' },
        { phaseNumber: 2, phaseName: 'Fase 2', items: 1, progress: 25, validatedProgress: 25, expected: 25, variance: 0, expectedBaseline: 25, varianceBaseline: 0, status: 'on_track' },
      ]);
      // Institutions by name, each with its own progress over the institution-level items.
      expect(s.institutions).toEqual([
        { id: b.id, name: 'Archivo General', acronym: null, order: 'state', joinedOn: '2025-01-03', exitedOn: null, progress: 0, validatedProgress: 0, items: 1, completedItems: 0 },
        { id: a.id, name: 'Secretaría de Finanzas', acronym: 'SEFIN', order: 'state', joinedOn: '2025-01-01', exitedOn: null, progress: 50, validatedProgress: 50, items: 1, completedItems: 0 },
      ]);
      const nat = (await national(program.code).expect(200)).body;
      expect(nat.national).toMatchObject({ progress: 57.5, validatedProgress: 12.5, expected: 54.2, variance: 3.3, status: 'on_track', institutions: 2, completedItems: 1 });
    });

    it('a past date ignores reports dated after it (computed from history)', async () => {
      const { program } = await withReports();
      const s = (await stateOf(program.code, '20', '2025-01-04').expect(200)).body;
      // 1.1 = 40 (the 01-05 reports are later); 2.1 = (50 + 0) / 2; E = (30 + 200 + 45) / 6
      expect(s).toMatchObject({ asOf: '2025-01-04', progress: 52.5, expected: 45.8, variance: 6.7 });
      expect(s.items.map((i: { progress: number }) => i.progress)).toEqual([40, 100, 25]);
      const nat = (await national(program.code, '2025-01-04').expect(200)).body;
      expect(nat.national).toMatchObject({ progress: 52.5, expected: 45.8 });
      // Before any report: nothing counts.
      const first = (await stateOf(program.code, '20', '2025-01-01').expect(200)).body;
      expect(first.progress).toBe(0);
    });

    it('exclusion and re-planned dates change the figures at once', async () => {
      const { program } = await withReports();
      const plan = (code: string) => t.http().patch(api(`/programs/${program.code}/states/20/plan/${code}`)).set(coord);
      await plan('1.2').send({ included: false, justification: J }).expect(200);
      let s = (await stateOf(program.code).expect(200)).body;
      // Over 1.1 and 2.1 only: P = (70 + 3·75) / 4 = 73.75; E = (50 + 75) / 4 = 31.25
      expect(s).toMatchObject({ progress: 73.8, expected: 31.3, includedItems: 2, dueItems: 0, onTimeRate: null });
      expect(s.items.find((i: { activityCode: string }) => i.activityCode === '1.2')).toMatchObject({ included: false, replanned: true, overdue: false });

      await plan('1.1').send({ plannedDue: '2025-01-21', justification: J }).expect(200);
      s = (await stateOf(program.code).expect(200)).body;
      // 1.1 expected = 5/20 → 25; E = (25 + 75) / 4 = 25
      expect(s.items.find((i: { activityCode: string }) => i.activityCode === '1.1')).toMatchObject({ expected: 25, plannedDue: '2025-01-21', originalDue: '2025-01-11', replanned: true });
      expect(s.expected).toBe(25);
      expect((await national(program.code).expect(200)).body.national.expected).toBe(25);
    });

    it('institutions joining or exiting change institution-level items at once', async () => {
      const { program, participationId } = await setup();
      const a = await t.programs.institution(participationId, { name: 'Secretaría A', joinedOn: '2025-01-01' });
      await report(program.code, { activityCode: '2.1', institutionId: a.id, percent: 80, reportedOn: '2025-01-02' });
      expect((await stateOf(program.code).expect(200)).body.items[2].progress).toBe(80);
      await t.programs.institution(participationId, { name: 'Secretaría B', joinedOn: '2025-01-04' });
      expect((await stateOf(program.code).expect(200)).body.items[2].progress).toBe(40);
      // An exit dated today: no longer active today (the exit date is the first day it does not count).
      await t.dataSource.query(`UPDATE institution SET exited_on = '2025-01-06' WHERE name = 'Secretaría B'`);
      expect((await stateOf(program.code).expect(200)).body.items[2].progress).toBe(80);
      expect((await national(program.code).expect(200)).body.national.institutions).toBe(1);
    });

    it('withdrawal: the state stops counting nationally from its exit date, and still explains itself', async () => {
      const { program } = await setup();
      await t.programs.enrol(program.id, '21', JOINED);
      await report(program.code, { activityCode: '1.1', percent: 100, reportedOn: '2025-01-02' });
      await t.http().patch(api(`/programs/${program.code}/states/21`)).set(coord).send({ exitedOn: '2025-01-05', justification: J }).expect(200);
      const before = (await national(program.code, '2025-01-04').expect(200)).body;
      expect(before.national.states).toBe(2);
      expect(before.states.map((s: { stateCode: string }) => s.stateCode)).toEqual(['20', '21']);
      const after = (await national(program.code).expect(200)).body;
      expect(after.national.states).toBe(1);
      expect(after.states.map((s: { stateCode: string }) => s.stateCode)).toEqual(['20']);
      // 20: P = (1·100) / 6
      expect(after.national.progress).toBe(16.7);
      const withdrawn = (await stateOf(program.code, '21').expect(200)).body;
      expect(withdrawn).toMatchObject({ participating: false, exitedOn: '2025-01-05' });
    });

    it('answers 404 for an unknown program or a state that does not participate', async () => {
      const { program } = await setup();
      await t.http().get(api('/programs/no-such-program/progress')).set(coord).expect(404);
      await t.http().get(api('/programs/00000000-0000-4000-8000-000000000000/progress')).set(coord).expect(404);
      const res = await stateOf(program.code, '05').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, errors: [] });
    });

    it('validates asOf with a field message, and refuses unknown query fields', async () => {
      const { program } = await setup();
      for (const bad of ['2025-02-30', 'yesterday', '2025-1-5', '']) {
        const res = await t.http().get(api(`/programs/${program.code}/progress`)).query({ asOf: bad }).set(coord).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, errors: [{ field: 'asOf', message: 'asOf must be a calendar date YYYY-MM-DD' }] });
      }
      const state = await stateOf(program.code, '20', 'nope').expect(400);
      expect(state.body.errors).toEqual([{ field: 'asOf', message: 'asOf must be a calendar date YYYY-MM-DD' }]);
      const extra = await t.http().get(api(`/programs/${program.code}/progress?from=2025-01-01`)).set(coord).expect(400);
      expect(extra.body.errors[0].field).toBe('from');
      const pub = await t.http().get(api(`/public/programs/${program.code}/progress.csv?asOf=2025-13-01`)).expect(400);
      expect(pub.body.errors).toEqual([{ field: 'asOf', message: 'asOf must be a calendar date YYYY-MM-DD' }]);
    });
  });

  describe('access', () => {
    it('needs a signed-in user; any role reads the figures of every state', async () => {
      const { program } = await withReports();
      await t.http().get(api(`/programs/${program.code}/progress`)).expect(401);
      const other = (await t.as('state_officer', '07')).auth;
      for (const role of ['admin', 'reviewer', 'state_officer'] as const) {
        const auth = role === 'state_officer' ? other : (await t.as(role)).auth;
        await t.http().get(api(`/programs/${program.code}/progress`)).set(auth).expect(200);
        const s = await t.http().get(api(`/programs/${program.code}/states/20/progress`)).set(auth).expect(200);
        expect(s.body.items).toHaveLength(3);
      }
    });

    it('explanations name reports: another state’s officer gets 403 for a state, but may read the national one', async () => {
      const { program } = await withReports();
      const other = (await t.as('state_officer', '07')).auth;
      const own = (await t.as('state_officer', '20')).auth;
      for (const url of [`/programs/${program.code}/states/20/progress/explain`, `/programs/${program.code}/progress/explain?stateCode=20`]) {
        const res = await t.http().get(api(url)).set(other).expect(403);
        expect(res.body).toMatchObject({ statusCode: 403 });
        await t.http().get(api(url)).set(own).expect(200);
      }
      const nat = await t.http().get(api(`/programs/${program.code}/progress/explain`)).set(other).expect(200);
      expect(nat.body.scope).toBe('national');
    });
  });

  describe('explanation', () => {
    it('a state figure: items, weights, units, their current and validated reports, and the sums', async () => {
      const { program, a, b, acceptedId } = await withReports();
      const res = await t.http().get(api(`/programs/${program.code}/states/20/progress/explain?asOf=2025-01-06`)).set(coord).expect(200);
      const e = res.body;
      expect(e).toMatchObject({ scope: 'state', stateCode: '20', stateName: 'Oaxaca', asOf: '2025-01-06', participating: true });
      // Before the return: P = (70 + 200 + 3·75) / 6 = 82.5
      expect(e.figures).toMatchObject({ progress: 82.5, expected: 54.2 });
      expect(e.arithmetic).toEqual({ includedItems: 3, sumWeights: 6, sumWeightedProgress: 495, sumWeightedValidatedProgress: 75, sumWeightedExpected: 325, sumWeightedExpectedBaseline: 325 });
      const [i11, i12, i21] = e.items;
      expect(i11).toMatchObject({ activityCode: '1.1', weight: 1, progress: 70, expected: 50, weightedProgress: 70, weightedExpected: 50 });
      expect(i11.units).toHaveLength(1);
      expect(i11.units[0]).toMatchObject({ institutionId: null, progress: 70, currentReport: { percent: 70, reportedOn: '2025-01-05', reviewState: 'submitted' }, validatedReport: null });
      expect(i12.units[0]).toMatchObject({ progress: 100, completedOn: '2025-01-02' });
      expect(i21).toMatchObject({ weight: 3, progress: 75, weightedProgress: 225 });
      // One unit per active institution (in id order: the order the engine averages in).
      const units = Object.fromEntries(i21.units.map((u: { institutionId: string }) => [u.institutionId, u]));
      expect(i21.units.map((u: { institutionId: string }) => u.institutionId)).toEqual([a.id, b.id].sort());
      expect(units[a.id]).toMatchObject({ institutionName: 'Secretaría de Finanzas', progress: 50, validatedProgress: 50, currentReport: { id: acceptedId, reviewState: 'accepted' }, validatedReport: { id: acceptedId } });
      expect(units[b.id]).toMatchObject({ institutionName: 'Archivo General', progress: 100, validatedProgress: 0, completedOn: '2025-01-05', validatedReport: null });
      expect(e.formulas.length).toBeGreaterThan(2);
    });

    it('the national figure: each state’s P and E and their plain mean', async () => {
      const { program } = await withReports();
      await t.programs.enrol(program.id, '21', JOINED);
      await report(program.code, { activityCode: '1.1', percent: 100, reportedOn: '2025-01-04' }, '21');
      const res = await t.http().get(api(`/programs/${program.code}/progress/explain`)).set(coord).expect(200);
      const e = res.body;
      // 20: P = 82.5; 21: P = 100 / 6 = 16.666…; mean = 49.58…
      expect(e.states.map((s: { stateCode: string; progress: number }) => [s.stateCode, s.progress])).toEqual([
        ['20', 82.5],
        ['21', 16.7],
      ]);
      expect(e.arithmetic).toEqual({ states: 2, sumProgress: 99.2, sumValidatedProgress: 12.5, sumExpected: 108.3, sumExpectedBaseline: 108.3 });
      expect(e.figures).toMatchObject({ progress: 49.6, expected: 54.2, states: 2 });
      expect(e.states[1].arithmetic).toEqual({ includedItems: 3, sumWeights: 6, sumWeightedProgress: 100, sumWeightedValidatedProgress: 0, sumWeightedExpected: 325, sumWeightedExpectedBaseline: 325 });
    });
  });

  describe('public open data', () => {
    it('JSON without sign-in, national and per-state figures only, cacheable for 60 s', async () => {
      const { program } = await withReports();
      const res = await t.http().get(api(`/public/programs/${program.code}/progress`)).expect(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.body).toEqual((await national(program.code).expect(200)).body);
      expect(JSON.stringify(res.body)).not.toContain('institutionId');
    });

    it('CSV with a header row, a national row and es-MX state names, UTF-8', async () => {
      const { program } = await withReports();
      await t.programs.enrol(program.id, '16', JOINED); // Michoacán de Ocampo: an accented name
      const res = await t.http().get(api(`/public/programs/${program.code}/progress.csv?asOf=2025-01-06`)).buffer(true).parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.headers['content-disposition']).toBe(`inline; filename="avance-${program.code}-2025-01-06.csv"`);
      const text = (res.body as Buffer).toString('utf8');
      expect(text.split('\r\n')).toEqual([
        'scope,stateCode,stateName,asOf,progress,validatedProgress,expected,variance,status,overdueItems,onTimeRate,institutions,expectedBaseline,varianceBaseline',
        // Never re-planned: the baseline columns repeat expected and variance.
        'national,,Nacional,2025-01-06,41.3,6.3,54.2,-12.9,at_risk,1,,2,54.2,-12.9', // SV = 41.25 − 54.1666…
        'state,16,Michoacán de Ocampo,2025-01-06,0,0,54.2,-54.2,off_track,1,0,0,54.2,-54.2',
        'state,20,Oaxaca,2025-01-06,82.5,12.5,54.2,28.3,on_track,0,0,2,54.2,28.3',
        '',
      ]);
    });

    it('draft programs are not published; unknown ones are 404', async () => {
      const { program } = await t.programs.program(ACTIVITIES, { status: 'draft' });
      await t.http().get(api(`/public/programs/${program.code}/progress`)).expect(404);
      await t.http().get(api(`/public/programs/${program.code}/progress.csv`)).expect(404);
      await t.http().get(api('/public/programs/nothing-here/progress')).expect(404);
    });
  });
});
