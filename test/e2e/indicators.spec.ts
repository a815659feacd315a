import { DailyJobsService } from '../../libs/core/src/progress/jobs/daily-jobs.service.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// A small program whose indicators cover every kind of the catalogue, and figures computed by hand.
//
// Plan of a state joining on 2025-01-01 (day offsets 0):
//   A1 state level,        weight 1, 2025-01-01 → 2025-01-11, metric `personas`
//   A2 state level, opt.,  weight 1, 2025-01-01 → 2025-01-21 (re-planned to 2025-01-31 in state 20)
//   I1 institution level,  weight 2, 2025-01-01 → 2025-01-31, dataset evidence
//
// State 20 joins 2025-01-01; institutions X and Y (from 2025-01-01) and Z (2025-01-01, exits 2025-02-10).
//   A1: 50 % on 01-05 (personas 30), 100 % on 01-10 (personas 80), a returned 100 % on 01-12 (personas 500).
//   A2: 100 % on 01-25 (late for 01-21, on time after the re-plan to 01-31).
//   I1: X 100 % on 01-20 [d1 hv, d2] accepted, X 100 % on 02-01 [d1 hv, d2, d3] accepted (supersedes it);
//       Y 60 % on 01-25 [d4 hv] accepted, Y 80 % on 02-05 [d4 hv, d5] still submitted;
//       Z 100 % on 01-28 [d6] accepted (Z exits 02-10, so from then on it counts nowhere).
// State 11 joins 2025-01-01 and withdraws 2025-02-01: A1 100 % on 01-05 (personas 1000).
// State 22 joins 2025-02-10, no reports.
// Reporting round R1 (period January, due 02-10): 20 submits on 02-05; 11 expected, never submits; 22 not expected.
const TODAY = '2025-02-15';
const J = 'Ajuste acordado con la coordinación estatal.';

const target = (value: number, date: string | null, stateCode?: string) =>
  stateCode ? { scope: 'state', stateCode, value, date } : { scope: 'national', value, date };
const BASE = { value: 0, date: '2025-01-01' };

function programDocument(code: string) {
  return {
    code,
    name: 'Programa de prueba de indicadores',
    phases: [
      { number: 1, name: 'Planeación' },
      { number: 2, name: 'Implementación' },
    ],
    // These figures are about indicators: the url activities are reported done without links (rule off).
    activities: [
      { code: 'A1', phase: 1, name: 'Sensibilizar', level: 'state', startDay: 0, durationDays: 10, weight: 1, metrics: ['personas'], evidenceKinds: ['url'], completionNeedsEvidence: false },
      { code: 'A2', phase: 1, name: 'Aprobar', level: 'state', startDay: 0, durationDays: 20, weight: 1, optional: true, evidenceKinds: ['url'], completionNeedsEvidence: false },
      { code: 'I1', phase: 2, name: 'Publicar datos', level: 'institution', startDay: 0, durationDays: 30, weight: 2, evidenceKinds: ['dataset'] },
    ],
    indicators: [
      // The nearest future target (3 by 06-30) applies, not the later one; baseline 0 on 01-01.
      { code: 'K-STATES', name: 'Entidades', unit: 'count', kind: 'states_participating', baseline: BASE, targets: [target(5, '2026-06-30'), target(3, '2025-06-30')] },
      // A target due next year, judged today on the straight line; and a state target that is behind.
      { code: 'K-INST', name: 'Instituciones', unit: 'count', kind: 'institutions_registered', baseline: BASE, targets: [target(10, '2026-01-01'), target(5, '2025-03-01', '20')] },
      { code: 'K-PROG', name: 'Avance', unit: 'percent', kind: 'weighted_progress', baseline: BASE, targets: [target(100, '2025-12-31')] },
      // Only a past target: the latest past one applies.
      { code: 'K-DONE', name: 'Concluidas', unit: 'percent', kind: 'items_completed', baseline: BASE, targets: [target(10, '2025-01-15'), target(20, '2025-02-01')] },
      { code: 'K-DONE-N', name: 'Concluidas (número)', unit: 'count', kind: 'items_completed', baseline: null, targets: [] },
      // No baseline, an undated target: met or behind against it.
      { code: 'K-ONTIME', name: 'En plazo', unit: 'percent', kind: 'items_completed_on_time', baseline: null, targets: [target(80, null)] },
      { code: 'K-INSTDONE', name: 'Instituciones que publicaron', unit: 'percent', kind: 'institutions_completed_activity', params: { activityCode: 'I1' }, baseline: BASE, targets: [target(80, '2025-12-31')] },
      { code: 'K-DS', name: 'Conjuntos', unit: 'count', kind: 'datasets_published', params: { activityCode: 'I1' }, baseline: BASE, targets: [target(20, '2025-12-31')] },
      { code: 'K-DSHV', name: 'Conjuntos de alto valor', unit: 'count', kind: 'datasets_published', params: { activityCode: 'I1', highValueOnly: true }, baseline: BASE, targets: [] },
      { code: 'K-MET', name: 'Personas', unit: 'count', kind: 'metric_sum', params: { activityCode: 'A1', metric: 'personas' }, baseline: BASE, targets: [target(50, '2025-12-31')] },
      { code: 'K-RR', name: 'Rondas a tiempo', unit: 'percent', kind: 'reporting_round_timeliness', baseline: null, targets: [target(90, null)] },
      { code: 'K-RR-N', name: 'Rondas a tiempo (número)', unit: 'count', kind: 'reporting_round_timeliness', baseline: null, targets: [] },
    ],
  };
}

type Figure = { code: string; value: number | null; status: string | null } & Record<string, unknown>;

describe('Indicators: every kind against hand-computed figures, targets and series', () => {
  let t: TestApp;
  let coord: { Authorization: string };
  let programCode: string;
  let programId: string;
  const ids: Record<string, string> = {};

  const api = (path: string) => `/api/v1${path}`;
  const indicators = async (query = '', auth = coord) => (await t.http().get(api(`/programs/${programCode}/indicators${query}`)).set(auth).expect(200)).body;
  const byCode = (body: { indicators: Figure[] }) => Object.fromEntries(body.indicators.map((i) => [i.code, i]));
  const values = (body: { indicators: Figure[] }) => Object.fromEntries(body.indicators.map((i) => [i.code, i.value]));

  async function report(state: string, body: Record<string, unknown>): Promise<string> {
    const percent = body.percent as number;
    const status = percent === 100 ? 'completed' : percent === 0 ? 'not_started' : 'in_progress';
    const res = await t.http().post(api(`/programs/${programCode}/states/${state}/reports`)).set(coord).send({ status, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }
  const review = (id: string, decision: 'accept' | 'return') =>
    t.http().post(api(`/reports/${id}/review`)).set(coord).send(decision === 'return' ? { decision, reason: 'Cifra sin soporte.' } : { decision }).expect(200);
  const dataset = (n: number, highValue = false) => ({ kind: 'dataset', title: `Conjunto ${n}`, url: `https://datos.example.mx/conjunto-${n}`, highValue });
  async function institution(state: string, name: string, joinedOn: string): Promise<string> {
    const res = await t.http().post(api(`/programs/${programCode}/states/${state}/institutions`)).set(coord).send({ name, order: 'state', joinedOn }).expect(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    coord = (await t.as('coordinator')).auth;
    programCode = `ind-${Date.now().toString(36)}`;
    t.clock.set('2025-01-01');
    const imported = await t.http().post(api('/programs/import')).set(coord).send(programDocument(programCode));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    programId = imported.body.id;
    for (const stateCode of ['20', '11']) await t.http().post(api(`/programs/${programCode}/states`)).set(coord).send({ stateCode, joinedOn: '2025-01-01' }).expect(201);
    ids.X = await institution('20', 'Secretaría de Finanzas', '2025-01-01');
    ids.Y = await institution('20', 'Archivo General', '2025-01-01');
    ids.Z = await institution('20', 'Instituto de Catastro', '2025-01-01');

    t.clock.set('2025-01-31');
    await report('20', { activityCode: 'A1', percent: 50, reportedOn: '2025-01-05', metrics: { personas: 30 } });
    await report('20', { activityCode: 'A1', percent: 100, reportedOn: '2025-01-10', metrics: { personas: 80 } });
    await review(await report('20', { activityCode: 'A1', percent: 100, reportedOn: '2025-01-12', metrics: { personas: 500 } }), 'return');
    await report('20', { activityCode: 'A2', percent: 100, reportedOn: '2025-01-25' });
    await review(await report('20', { activityCode: 'I1', institutionId: ids.X, percent: 100, reportedOn: '2025-01-20', evidence: [dataset(1, true), dataset(2)] }), 'accept');
    await review(await report('20', { activityCode: 'I1', institutionId: ids.Y, percent: 60, reportedOn: '2025-01-25', evidence: [dataset(4, true)] }), 'accept');
    await review(await report('20', { activityCode: 'I1', institutionId: ids.Z, percent: 100, reportedOn: '2025-01-28', evidence: [dataset(6)] }), 'accept');
    await report('11', { activityCode: 'A1', percent: 100, reportedOn: '2025-01-05', metrics: { personas: 1000 } });
    await t.http().post(api(`/programs/${programCode}/reporting-rounds`)).set(coord).send({ code: 'R1', periodStart: '2025-01-01', periodEnd: '2025-01-31', dueOn: '2025-02-10' }).expect(201);

    t.clock.set('2025-02-05');
    await review(await report('20', { activityCode: 'I1', institutionId: ids.X, percent: 100, reportedOn: '2025-02-01', evidence: [dataset(1, true), dataset(2), dataset(3)] }), 'accept');
    await report('20', { activityCode: 'I1', institutionId: ids.Y, percent: 80, reportedOn: '2025-02-05', evidence: [dataset(4, true), dataset(5)] });
    const officer20 = (await t.as('state_officer', '20')).auth;
    await t.http().post(api(`/programs/${programCode}/reporting-rounds/R1/submissions`)).set(officer20).send({ summary: 'Reporte de enero.' }).expect(201);

    t.clock.set('2025-02-10');
    await t.http().post(api(`/programs/${programCode}/states`)).set(coord).send({ stateCode: '22', joinedOn: '2025-02-10' }).expect(201);
    await t.http().patch(api(`/programs/${programCode}/states/11`)).set(coord).send({ exitedOn: '2025-02-01', justification: 'El organismo garante comunicó su retiro.' }).expect(200);
    await t.http().patch(api(`/programs/${programCode}/states/20/institutions/${ids.Z}`)).set(coord).send({ exitedOn: '2025-02-10', justification: 'Se fusionó con otra dependencia.' }).expect(200);
    await t.http().patch(api(`/programs/${programCode}/states/20/plan/A2`)).set(coord).send({ plannedDue: '2025-01-31', justification: J }).expect(200);
  });
  beforeEach(() => t.clock.set(TODAY));
  afterAll(() => t.close());

  describe('values per kind', () => {
    it('national, today: participating states only, pooled shares, mean progress, current reports only', async () => {
      const body = await indicators();
      expect(body).toMatchObject({ programId, programCode, asOf: TODAY, scope: 'national' });
      expect(body.participating).toBeUndefined();
      expect(values(body)).toEqual({
        'K-STATES': 2, // 20 and 22; 11 withdrew on 02-01
        'K-INST': 2, // X and Y; Z exited on 02-10
        'K-PROG': 47.5, // mean(P20 = (100 + 100 + 2·90) / 4 = 95, P22 = 0)
        'K-DONE': 33.3, // (2 + 0) / (3 + 3)
        'K-DONE-N': 2,
        'K-ONTIME': 66.7, // (2 + 0) / (3 due + 0 due): A1 and A2 (re-planned) on time, I1 overdue
        'K-INSTDONE': 50, // X at 100 of X, Y
        'K-DS': 4, // X's current accepted report: d1 d2 d3; Y's accepted one: d4 (d5 is on a pending report)
        'K-DSHV': 2, // d1, d4
        'K-MET': 80, // A1's current report in 20 (80 supersedes 30; the returned 500 never counts); 11 withdrew
        'K-RR': 50, // R1: 20 on time, 11 expected and missing, 22 joined after the period
        'K-RR-N': 1,
      });
    });

    it('a state today, and a state outside its participation window', async () => {
      expect(values(await indicators('?stateCode=20'))).toEqual({
        'K-STATES': 1,
        'K-INST': 2,
        'K-PROG': 95,
        'K-DONE': 66.7,
        'K-DONE-N': 2,
        'K-ONTIME': 66.7,
        'K-INSTDONE': 50,
        'K-DS': 4,
        'K-DSHV': 2,
        'K-MET': 80,
        'K-RR': 100,
        'K-RR-N': 1,
      });
      const s22 = await indicators('?stateCode=22');
      expect(s22).toMatchObject({ scope: '22', participating: true });
      // Nothing due yet: the on-time share has nothing to be a share of; no reporting round expected.
      expect(values(s22)).toMatchObject({ 'K-STATES': 1, 'K-INST': 0, 'K-PROG': 0, 'K-DONE': 0, 'K-ONTIME': null, 'K-INSTDONE': null, 'K-DS': 0, 'K-RR': null, 'K-RR-N': 0 });
      const s11 = await indicators('?stateCode=11');
      expect(s11).toMatchObject({ scope: '11', participating: false });
      expect(values(s11)).toMatchObject({ 'K-STATES': 0, 'K-PROG': 25, 'K-MET': 1000, 'K-RR': 0 });
    });

    it('as of an earlier date: 11 still participates, 22 not yet; reports dated later do not count', async () => {
      // As of 01-20, 20: A1 100 (on time), A2 0, I1 = mean(X 100, Y 0, Z 0) → P = (100 + 0 + 2·33.33) / 4 = 41.67;
      // 11: A1 100 → P = 25. Due so far: A1 in each state, both on time.
      expect(values(await indicators('?asOf=2025-01-20'))).toEqual({
        'K-STATES': 2,
        'K-INST': 3,
        'K-PROG': 33.3,
        'K-DONE': 33.3, // (1 + 1) / 6
        'K-DONE-N': 2,
        'K-ONTIME': 100,
        'K-INSTDONE': 33.3, // X of X, Y, Z (11 has no institutions)
        'K-DS': 2, // X's first accepted report
        'K-DSHV': 1,
        'K-MET': 1080, // 20: 80, 11: 1000
        'K-RR': null, // R1 not due yet
        'K-RR-N': 0,
      });
      expect(values(await indicators('?asOf=2025-01-20&stateCode=20'))).toMatchObject({ 'K-PROG': 41.7, 'K-INSTDONE': 33.3, 'K-DS': 2 });
    });

    it('a returned report falls back to the previous one; a pending one counts for progress but not for datasets', async () => {
      // Return Y's pending 80 %: Y is back at its accepted 60 % (I1 = 80, P20 = 90) and datasets are unchanged.
      const [pending] = await t.dataSource.query(`SELECT id FROM report WHERE institution_id = $1 AND review_state = 'submitted'`, [ids.Y]);
      await review(pending.id, 'return');
      const body = values(await indicators('?stateCode=20'));
      expect(body).toMatchObject({ 'K-PROG': 90, 'K-DS': 4, 'K-INSTDONE': 50 });
      // Accept a new Y report at 100 % with d4 and d5: both Y's datasets now count, and Y completed the activity.
      await review(await report('20', { activityCode: 'I1', institutionId: ids.Y, percent: 100, reportedOn: '2025-02-14', evidence: [dataset(4, true), dataset(5)] }), 'accept');
      expect(values(await indicators('?stateCode=20'))).toMatchObject({ 'K-PROG': 100, 'K-DONE': 100, 'K-DS': 5, 'K-DSHV': 2, 'K-INSTDONE': 100, 'K-ONTIME': 66.7 });
      expect(values(await indicators())).toMatchObject({ 'K-PROG': 50, 'K-DONE': 50, 'K-INSTDONE': 100, 'K-DS': 5 });
    });
  });

  describe('baselines, targets, achievement and status', () => {
    it('national: straight line from baseline to the applicable target', async () => {
      // Figures of the first test (before the later Y report) are not needed here: judged on today's values.
      const body = byCode(await indicators('?asOf=2025-02-15'));
      // K-STATES: 2 against 3 by 2025-06-30 (the nearest future target), line from 0 on 2025-01-01:
      // 3 · 45 / 180 = 0.75 expected now → on track; achievement 2 / 3.
      expect(body['K-STATES']).toMatchObject({ value: 2, baseline: BASE, target: { value: 3, date: '2025-06-30' }, expectedNow: 0.8, achievement: 66.7, status: 'on_track', scope: 'national', unit: 'count', direction: 'up', kind: 'states_participating' });
      // K-INST: due next year (2026-01-01): 10 · 45 / 365 = 1.23 expected now; 2 is on track; 20 % achieved.
      expect(body['K-INST']).toMatchObject({ value: 2, target: { value: 10, date: '2026-01-01' }, expectedNow: 1.2, achievement: 20, status: 'on_track' });
      // K-PROG: 100 by 2025-12-31: 100 · 45 / 364 = 12.4 expected; 50 → on track, 50 % of the way.
      expect(body['K-PROG']).toMatchObject({ value: 50, target: { value: 100, date: '2025-12-31' }, expectedNow: 12.4, achievement: 50, status: 'on_track' });
      // K-DONE: only past targets: the latest (20 by 02-01) applies; 50 ≥ 20 → met.
      expect(body['K-DONE']).toMatchObject({ value: 50, target: { value: 20, date: '2025-02-01' }, expectedNow: 20, achievement: 100, status: 'met' });
      // K-ONTIME: no baseline, 80 every period: 66.7 is behind; achievement 66.67 / 80.
      expect(body['K-ONTIME']).toMatchObject({ value: 66.7, baseline: null, target: { value: 80, date: null }, expectedNow: 80, achievement: 83.3, status: 'behind' });
      // K-MET: 80 ≥ 50 → met.
      expect(body['K-MET']).toMatchObject({ value: 80, achievement: 100, status: 'met' });
      // No target in the scope: no judgement.
      expect(body['K-DSHV']).toMatchObject({ target: null, expectedNow: null, achievement: null, status: null });
    });

    it('a state is judged against its own targets only', async () => {
      const body = byCode(await indicators('?stateCode=20'));
      // K-INST in 20: 5 by 2025-03-01: 5 · 45 / 59 = 3.81 expected; 2 → behind; 40 % achieved.
      expect(body['K-INST']).toMatchObject({ scope: '20', value: 2, target: { value: 5, date: '2025-03-01' }, expectedNow: 3.8, achievement: 40, status: 'behind' });
      // National targets do not apply to a state.
      expect(body['K-PROG']).toMatchObject({ scope: '20', target: null, status: null, achievement: null });
    });
  });

  describe('series', () => {
    it('computes monthly points, and reads the daily snapshot of a date where there is one', async () => {
      const res = await t.http().get(api(`/programs/${programCode}/indicators/K-PROG/series?from=2025-01-01&to=2025-02-15`)).set(coord).expect(200);
      expect(res.body).toMatchObject({ programId, indicatorCode: 'K-PROG', unit: 'percent', scope: 'national', from: '2025-01-01', to: '2025-02-15', baseline: BASE, targets: [{ value: 100, date: '2025-12-31' }] });
      const computed = res.body.points;
      expect(computed.map((p: { date: string }) => p.date)).toEqual(['2025-01-01', '2025-01-31', '2025-02-15']);
      expect(computed.every((p: { source: string }) => p.source === 'computed')).toBe(true);
      const today = (await indicators()).indicators.find((i: Figure) => i.code === 'K-PROG').value;
      expect(computed[2].value).toBe(today);
      expect(computed[0].value).toBe(0);

      await t.app.get(DailyJobsService).runDailyJobs('2025-02-15');
      const again = await t.http().get(api(`/programs/${programCode}/indicators/K-PROG/series?from=2025-01-01&to=2025-02-15`)).set(coord).expect(200);
      expect(again.body.points[2]).toEqual({ date: '2025-02-15', value: today, source: 'snapshot' });
      // Pooled shares come from the states' snapshot rows too.
      const done = await t.http().get(api(`/programs/${programCode}/indicators/K-DONE/series?from=2025-02-15&to=2025-02-15`)).set(coord).expect(200);
      expect(done.body.points).toEqual([{ date: '2025-02-15', value: (await indicators()).indicators.find((i: Figure) => i.code === 'K-DONE').value, source: 'snapshot' }]);
      // Kinds the snapshot does not hold are computed.
      const ds = await t.http().get(api(`/programs/${programCode}/indicators/K-DS/series?from=2025-02-15&to=2025-02-15&stateCode=20`)).set(coord).expect(200);
      expect(ds.body.points).toEqual([{ date: '2025-02-15', value: 5, source: 'computed' }]);
    });

    it('defaults to the earliest join date until today', async () => {
      const res = await t.http().get(api(`/programs/${programCode}/indicators/K-STATES/series?stateCode=11`)).set(coord).expect(200);
      expect(res.body).toMatchObject({ scope: '11', from: '2025-01-01', to: TODAY, targets: [] });
      expect(res.body.points.map((p: { date: string; value: number }) => [p.date, p.value])).toEqual([
        ['2025-01-01', 1],
        ['2025-01-31', 1],
        ['2025-02-15', 0],
      ]);
    });
  });

  describe('access and bad input', () => {
    it('any signed-in role reads the figures of any state; without a token 401', async () => {
      for (const [role, state] of [['state_officer', '11'], ['reviewer'], ['admin']] as const) {
        const { auth } = await t.as(role, state);
        expect((await indicators('?stateCode=20', auth)).indicators).toHaveLength(12);
      }
      await t.http().get(api(`/programs/${programCode}/indicators`)).expect(401);
    });

    const bad: [string, string, string | null][] = [
      ['a malformed asOf', '/indicators?asOf=2025-02-30', 'asOf'],
      ['a malformed stateCode', '/indicators?stateCode=9', 'stateCode'],
      ['an unknown query field', '/indicators?scope=national', 'scope'],
      ['to before from', '/indicators/K-PROG/series?from=2025-02-01&to=2025-01-01', 'to'],
      ['a series too long', '/indicators/K-PROG/series?from=2000-01-01&to=2025-01-01', 'from'],
    ];
    it.each(bad)('%s → 400 naming the field', async (_, path, field) => {
      const res = await t.http().get(api(`/programs/${programCode}${path}`)).set(coord).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('unknown program, indicator or non-participating state → 404', async () => {
      await t.http().get(api('/programs/no-such-program/indicators')).set(coord).expect(404);
      await t.http().get(api(`/programs/${programCode}/indicators?stateCode=05`)).set(coord).expect(404);
      await t.http().get(api(`/programs/${programCode}/indicators/K-NOPE/series`)).set(coord).expect(404);
      await t.http().get(api(`/programs/${programCode}/indicators/K-PROG/series?stateCode=05`)).set(coord).expect(404);
    });
  });
});
