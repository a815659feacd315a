import { DemoDataService } from '../../libs/core/src/demo/demo-data.service.js';
import { DEMO_PARTICIPATIONS, DEMO_PASSWORD, demoUsers } from '../../libs/core/src/demo/demo-users.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/** What `npm start` seeds into an empty embedded database, checked through the API like a newcomer would. */
describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    t.clock.set('2026-11-26');
    expect(await t.app.get(DemoDataService).seedIfEmpty()).toBe(true);
  }, 120_000);
  afterAll(() => t.close());

  const login = async (email: string) => {
    const res = await t.http().post('/api/v1/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200);
    return { Authorization: `Bearer ${res.body.accessToken}` };
  };

  it('every demo account of the README signs in with the demo password', async () => {
    for (const u of demoUsers()) {
      const auth = await login(u.email);
      const me = await t.http().get('/api/v1/me').set(auth).expect(200);
      expect(me.body).toMatchObject({ email: u.email, role: u.role, stateCode: u.stateCode ?? null });
    }
  });

  it('enrols the eleven states of the minutes with plans, institutions and report histories', async () => {
    const auth = await login('coordinator@rumbo.demo');
    const states = await t.http().get('/api/v1/programs/condatos-2024/states').set(auth).expect(200);
    expect(states.body.map((s: { stateCode: string }) => s.stateCode).sort()).toEqual(DEMO_PARTICIPATIONS.map((p) => p.stateCode).sort());
    const plan = await t.http().get('/api/v1/programs/condatos-2024/states/20/plan').set(auth).expect(200);
    expect(plan.body.items).toHaveLength(15);
    const institutions = await t.http().get('/api/v1/programs/condatos-2024/states/20/institutions').set(auth).expect(200);
    expect(institutions.body.length).toBeGreaterThanOrEqual(3);
    const [{ accepted, returned, submitted }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE review_state = 'accepted')::int AS accepted, count(*) FILTER (WHERE review_state = 'returned')::int AS returned, count(*) FILTER (WHERE review_state = 'submitted')::int AS submitted FROM report`,
    );
    expect(accepted).toBeGreaterThan(100);
    expect(returned).toBeGreaterThan(0);
    expect(submitted).toBeGreaterThan(0);
  });

  it('the eleven joined through the convocatoria in the minutes’ two cohorts, with dated manifiestos; others are on the way', async () => {
    const auth = await login('coordinator@rumbo.demo');
    const funnel = (await t.http().get('/api/v1/programs/condatos-2024/pipeline/funnel').set(auth).expect(200)).body;
    expect(Object.fromEntries(funnel.stages.map((s: { stage: string; count: number }) => [s.stage, s.count]))).toEqual({ candidate: 2, interested: 1, convened: 1, joined: 11, declined: 1 });
    const cohorts = Object.fromEntries(funnel.cohorts.map((c: { cohort: string | null; total: number }) => [c.cohort ?? '-', c.total]));
    expect(cohorts).toEqual({ 'Iniciativas relacionadas': 5, 'Manifestaron interés': 6, '-': 5 });
    const oaxaca = (await t.http().get('/api/v1/programs/condatos-2024/pipeline').set(await login('officer.20@rumbo.demo')).expect(200)).body;
    expect(oaxaca).toHaveLength(1);
    expect(oaxaca[0]).toMatchObject({ stateCode: '20', stage: 'joined', cohort: 'Manifestaron interés', joinedOn: '2025-01-15', interestFileId: expect.any(String) });
    expect(oaxaca[0].history.map((h: { to: string }) => h.to)).toEqual(['candidate', 'interested', 'convened', 'joined']);
    const manifiesto = await t.http().get(`/api/v1/files/${oaxaca[0].interestFileId}`).set(auth).expect(200);
    expect(manifiesto.headers['content-type']).toContain('application/pdf');
    const sessions = (await t.http().get('/api/v1/programs/condatos-2024/pipeline/20/sessions').set(auth).expect(200)).body;
    expect(sessions.map((s: { heldOn: string }) => s.heldOn)).toEqual(['2024-12-06', '2025-02-09']);
  });

  it('keeps the draft of 6 Aug 2024 and the approved text of 19 Nov 2024, and the consultation on the draft with the minutes’ figures', async () => {
    const auth = await login('reviewer@rumbo.demo');
    const versions = (await t.http().get('/api/v1/programs/condatos-2024/versions').set(auth).expect(200)).body;
    expect(versions.map((v: { label: string; issuedOn: string }) => [v.label, v.issuedOn])).toEqual([['Borrador para consulta', '2024-08-06'], ['Aprobado por el Consejo Nacional', '2024-11-19']]);
    const diff = (await t.http().get(`/api/v1/programs/condatos-2024/versions/diff?from=${versions[0].id}&to=${versions[1].id}`).set(auth).expect(200)).body;
    expect(diff.activities.added.map((a: { code: string }) => a.code)).toEqual(['2.2']);
    expect(diff.activities.changed.map((c: { key: string; changes: { field: string }[] }) => [c.key, c.changes.map((x) => x.field)])).toEqual([['4.2', ['durationDays']], ['5.1', ['name']]]);
    const rounds = (await t.http().get('/api/v1/programs/condatos-2024/consultation-rounds').set(auth).expect(200)).body;
    expect(rounds.map((r: { figures: object }) => r.figures)).toEqual([
      { comments: 40, form: 14, substance: 26, attended: 30, notAttended: 10, attendedPercent: 75 },
      { comments: 452, form: 90, substance: 362, attended: 316, notAttended: 136, attendedPercent: 69.9 },
    ]);
  });

  it('gives the dashboard something to show: every traffic light but one at least, re-planned items, a frozen review round', async () => {
    const auth = await login('reviewer@rumbo.demo');
    const progress = await t.http().get('/api/v1/programs/condatos-2024/progress').set(auth).expect(200);
    expect(progress.body.national.states).toBe(11);
    const statuses = new Set(progress.body.states.map((s: { status: string }) => s.status));
    expect(statuses.has('off_track')).toBe(true);
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    const plan = await t.http().get('/api/v1/programs/condatos-2024/states/30/plan').set(auth).expect(200);
    expect(plan.body.items.some((i: { replanned: boolean }) => i.replanned)).toBe(true);
    const rounds = await t.http().get('/api/v1/programs/condatos-2024/review-rounds').set(auth).expect(200);
    expect(JSON.stringify(rounds.body)).toContain('DEMO/CEATP/ACUERDO/2026-07');
    const reporting = await t.http().get('/api/v1/programs/condatos-2024/reporting-rounds').set(auth).expect(200);
    expect(reporting.body.rounds.length).toBeGreaterThanOrEqual(6);
  });

  it('seeds only an empty database: starting again adds nothing', async () => {
    const [{ n: before }] = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
    expect(await t.app.get(DemoDataService).seedIfEmpty()).toBe(false);
    const [{ n: after }] = await t.dataSource.query('SELECT count(*)::int AS n FROM report');
    expect(after).toBe(before);
  });
  it('shows a full weekly trend on first start, computed from the seeded report history', async () => {
    const auth = await login('coordinator@rumbo.demo');
    const trend = (await t.http().get('/api/v1/programs/condatos-2024/progress/trend').set(auth).expect(200)).body;
    expect(trend.points.length).toBeGreaterThan(40);
    expect(trend.points.at(-1).date).toBe('2026-11-26');
    const today = (await t.http().get('/api/v1/programs/condatos-2024/progress').set(auth).expect(200)).body.national;
    expect(trend.points.at(-1).progress).toBe(today.progress);
    expect(trend.points.at(-1).progress).toBeGreaterThan(trend.points[4].progress);
  });
});
