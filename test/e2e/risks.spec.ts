import type { Program } from '../../libs/core/src/programs/program.entity.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Two states joined on 2025-01-01, seen on day 80 (2025-03-22). State 20 works unevenly (1.1 fast, 1.2 barely
// started and once returned, 2.1 slow) and missed a reporting round; state 21 is on plan or ahead but delivered
// its round late (2.1 ahead of plan). The numbers below are the method's (docs/early-warning.md) worked by hand.
describe('Early warning: GET /programs/:p/risks', () => {
  let t: TestApp;
  let program: Program;
  const ASOF = '2025-03-22';
  const url = (query = '') => `/api/v1/programs/${program.code}/risks${query}`;

  beforeAll(async () => {
    t = await createTestApp();
    ({ program } = await t.programs.program([
      { code: '1.1', startDay: 0, durationDays: 100 },
      { code: '1.2', startDay: 0, durationDays: 100 },
      { code: '2.1', phase: 2, startDay: 0, durationDays: 200 },
    ]));
    await t.programs.enrol(program.id, '20', '2025-01-01');
    await t.programs.enrol(program.id, '21', '2025-01-01');
    const coordinator = await t.as('coordinator');
    t.clock.set('2025-01-05');
    await t.http().post(`/api/v1/programs/${program.code}/reporting-rounds`).set(coordinator.auth)
      .send({ code: '2025-01', periodStart: '2025-01-01', periodEnd: '2025-01-31', dueOn: '2025-02-10' }).expect(201);
    t.clock.set('2025-02-20');
    await t.http().post(`/api/v1/programs/${program.code}/reporting-rounds/2025-01/submissions`).set((await t.as('state_officer', '21')).auth).send({ summary: 'Entrega tardía.' }).expect(201);

    t.clock.set(ASOF);
    const report = async (state: string, activityCode: string, percent: number, reportedOn: string) => {
      const res = await t.http().post(`/api/v1/programs/${program.code}/states/${state}/reports`).set((await t.as('state_officer', state)).auth)
        .send({ activityCode, status: 'in_progress', percent, reportedOn });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    await report('20', '1.1', 90, '2025-03-20');
    const returned = await report('20', '1.2', 5, '2025-02-15');
    await t.http().post(`/api/v1/reports/${returned}/review`).set(coordinator.auth).send({ decision: 'return', reason: 'Falta la evidencia.' }).expect(200);
    await report('20', '1.2', 10, '2025-03-01');
    await report('20', '2.1', 30, '2025-03-21');
    for (const code of ['1.1', '1.2', '2.1']) await report('21', code, 80, '2025-03-22');
  });
  afterAll(() => t.close());

  it('ranks items and states by slack at the observed pace and by history, with the terms of each score', async () => {
    const { auth } = await t.as('coordinator');
    const res = await t.http().get(url(`?asOf=${ASOF}&limit=500`)).set(auth).expect(200);
    expect(res.body).toMatchObject({ asOf: ASOF, stateCode: null, totalItems: 6, method: { pointsPerReturnedReport: 7, pointsPerLateRound: 5 } });
    const items = res.body.items as { rank: number; stateCode: string; activityCode: string; [k: string]: unknown }[];
    expect(items.map((i) => `${i.stateCode}/${i.activityCode}`)).toEqual([
      '20/1.2', '20/2.1', expect.stringMatching(/^21\/1\.[12]$/), expect.stringMatching(/^21\/1\.[12]$/), '20/1.1', '21/2.1',
    ]);
    expect(items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    // State 20's pace is the median of 1.125, 0.125 and 0.75. Item 1.2: 90 days of work at 0.75 → 120 days, 20 left.
    expect(items[0]).toMatchObject({
      stateName: 'Oaxaca', activityName: 'Actividad 1.2', progress: 10, plannedDue: '2025-04-11',
      daysLeft: 20, daysNeeded: 120, slack: -100, score: 112, band: 'projected_late',
      reasons: [
        { kind: 'slack', points: 100, text: 'Quedan 20 días para el 90 % por hacer, que al ritmo observado de la entidad (0.75 veces el previsto) tomaría unos 120 días: terminaría 100 días tarde.' },
        { kind: 'returned_reports', points: 7, text: '1 reporte devuelto de los últimos 180 días.' },
        { kind: 'missed_rounds', points: 5, text: 'La entidad no ha entregado 1 ronda de reporte vencida.' },
      ],
    });
    expect(items[4]).toMatchObject({ activityCode: '1.1', slack: 6.7, score: -1.7, band: 'tight' });
    // State 21 is on plan (pace 1: 1.1 and 1.2 at 1, 2.1 at 2): 2.1 has 40 days of work left and 120 days.
    expect(items[5]).toMatchObject({ activityCode: '2.1', daysNeeded: 40, slack: 80, score: -75, band: 'comfortable' });
    expect(items[2]).toMatchObject({ stateCode: '21', slack: 0, score: 5, reasons: [expect.objectContaining({ kind: 'slack' }), { kind: 'late_rounds', points: 5, text: 'La entidad entregó tarde 1 ronda de reporte.' }] });

    expect(res.body.states).toEqual([
      { rank: 1, stateCode: '20', stateName: 'Oaxaca', score: 60.7, openItems: 3, projectedLate: 2, pace: 0.75, paceSample: 3, returnedReports: 1, lateRounds: 0, missedRounds: 1, worstActivityCode: '1.2' },
      { rank: 2, stateCode: '21', stateName: 'Puebla', score: -21.7, openItems: 3, projectedLate: 0, pace: 1, paceSample: 3, returnedReports: 0, lateRounds: 1, missedRounds: 0, worstActivityCode: expect.stringMatching(/^1\.[12]$/) },
    ]);
  });

  it('shows the progress engine’s figures, never its own', async () => {
    const { auth } = await t.as('reviewer');
    const [risks, state] = await Promise.all([
      t.http().get(url(`?asOf=${ASOF}&stateCode=20&limit=500`)).set(auth).expect(200),
      t.http().get(`/api/v1/programs/${program.code}/states/20/progress?asOf=${ASOF}`).set(auth).expect(200),
    ]);
    for (const item of risks.body.items) {
      const engine = state.body.items.find((i: { activityCode: string }) => i.activityCode === item.activityCode);
      expect(item.progress).toBe(engine.progress);
      expect(item.plannedDue).toBe(engine.plannedDue);
    }
  });

  it('limits the list, and ranks one state on its own', async () => {
    const { auth } = await t.as('coordinator');
    const top = await t.http().get(url(`?asOf=${ASOF}&limit=2`)).set(auth).expect(200);
    expect(top.body.totalItems).toBe(6);
    expect(top.body.items.map((i: { activityCode: string }) => i.activityCode)).toEqual(['1.2', '2.1']);
    const one = await t.http().get(url(`?asOf=${ASOF}&stateCode=21`)).set(auth).expect(200);
    expect(one.body.stateCode).toBe('21');
    expect(one.body.states.map((s: { stateCode: string }) => s.stateCode)).toEqual(['21']);
    expect(one.body.items.every((i: { stateCode: string }) => i.stateCode === '21')).toBe(true);
  });

  it('shows a state officer its own state only', async () => {
    const officer = await t.as('state_officer', '20');
    const own = await t.http().get(url(`?asOf=${ASOF}`)).set(officer.auth).expect(200);
    expect(own.body.stateCode).toBe('20');
    expect(own.body.states.map((s: { stateCode: string }) => s.stateCode)).toEqual(['20']);
    expect(own.body.items).toHaveLength(3);
    await t.http().get(url('?stateCode=21')).set(officer.auth).expect(403);
  });

  it('refuses bad input with field messages, unknown programs and states with 404, and anonymous callers', async () => {
    const { auth } = await t.as('coordinator');
    for (const [query, field] of [['?limit=0', 'limit'], ['?limit=501', 'limit'], ['?limit=x', 'limit'], ['?asOf=2025-02-30', 'asOf'], ['?stateCode=2', 'stateCode'], ['?color=red', 'color']]) {
      const res = await t.http().get(url(query)).set(auth);
      expect(res.status, query).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field), query).toContain(field);
    }
    await t.http().get('/api/v1/programs/no-such-program/risks').set(auth).expect(404);
    await t.http().get(url('?stateCode=09')).set(auth).expect(404);
    await t.http().get(url()).expect(401);
  });

  it('ranks nothing before anyone joined', async () => {
    const { auth } = await t.as('coordinator');
    const early = await t.http().get(url('?asOf=2024-12-31')).set(auth).expect(200);
    expect(early.body).toMatchObject({ states: [], items: [], totalItems: 0 });
  });
});
