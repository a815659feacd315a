import { DemoDataService } from '../../libs/core/src/demo/demo-data.service.js';
import { DEMO_PARTICIPATIONS, MODEL_PROGRAM_CODE } from '../../libs/core/src/demo/demo-users.js';
import { IndicatorsService } from '../../libs/core/src/indicators/indicators.service.js';
import { ProgressService } from '../../libs/core/src/progress/progress.service.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const TODAY = '2026-06-30';

describe('The model program’s ten indicators on the demo data', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
    await t.app.get(DemoDataService).seed();
    auth = (await t.as('reviewer')).auth;
  }, 180_000);
  afterAll(() => t.close());

  type Figure = { code: string; kind: string; value: number | null; status: string | null; target: { value: number; date: string | null } | null };

  it('all ten compute nationally, with numbers, targets and a status', async () => {
    const res = await t.http().get(`/api/v1/programs/${MODEL_PROGRAM_CODE}/indicators`).set(auth).expect(200);
    expect(res.body).toMatchObject({ programCode: MODEL_PROGRAM_CODE, asOf: TODAY, scope: 'national' });
    const figures: Figure[] = res.body.indicators;
    expect(figures.map((f) => f.code)).toEqual(['IND-01', 'IND-02', 'IND-03', 'IND-04', 'IND-05', 'IND-06', 'IND-07', 'IND-08', 'IND-09', 'IND-10']);
    for (const f of figures) {
      expect(typeof f.value, `${f.code} (${f.kind})`).toBe('number');
      expect(Number.isFinite(f.value)).toBe(true);
      expect(f.target, f.code).not.toBeNull();
      expect(['met', 'on_track', 'behind'], f.code).toContain(f.status);
    }
    const v = Object.fromEntries(figures.map((f) => [f.code, f.value!]));
    expect(v['IND-01']).toBe(DEMO_PARTICIPATIONS.length); // every demo state joined before today
    expect(v['IND-02']).toBeGreaterThan(0);
    expect(v['IND-08']).toBeLessThanOrEqual(v['IND-07']); // high-value datasets are some of the datasets
    for (const code of ['IND-03', 'IND-04', 'IND-05', 'IND-06', 'IND-10']) expect(v[code]).toBeGreaterThanOrEqual(0);
    for (const code of ['IND-03', 'IND-04', 'IND-05', 'IND-06', 'IND-10']) expect(v[code]).toBeLessThanOrEqual(100);
  });

  it('agree with the progress engine: one home for each number', async () => {
    const progress = await t.app.get(ProgressService).programProgress(MODEL_PROGRAM_CODE, TODAY);
    const indicators = await t.app.get(IndicatorsService).programIndicators(MODEL_PROGRAM_CODE, TODAY);
    const national = Object.fromEntries(indicators.national!.map((f) => [f.code, f.value]));
    expect(national['IND-01']).toBe(progress.national.national.states);
    expect(national['IND-02']).toBe(progress.national.national.institutions);
    expect(national['IND-03']).toBe(progress.national.national.progress);
    expect(indicators.states.map((s) => s.stateCode)).toEqual(progress.states.map((s) => s.stateCode));
    for (const s of progress.states) {
      const own = Object.fromEntries(indicators.states.find((x) => x.stateCode === s.stateCode)!.indicators.map((f) => [f.code, f.value]));
      expect(own['IND-03']).toBe(s.progress);
      expect(own['IND-05']).toBe(s.onTimeRate);
      expect(own['IND-02']).toBe(s.institutions);
    }
    // Count kinds nationally are sums over the states.
    for (const code of ['IND-02', 'IND-07', 'IND-08', 'IND-09']) {
      const sum = indicators.states.reduce((acc, s) => acc + (s.indicators.find((f) => f.code === code)!.value ?? 0), 0);
      expect(national[code], code).toBeCloseTo(sum, 9);
    }
  });

  it('every participating state computes them too, and a review round freezes them all', async () => {
    for (const { stateCode } of DEMO_PARTICIPATIONS) {
      const res = await t.http().get(`/api/v1/programs/${MODEL_PROGRAM_CODE}/indicators?stateCode=${stateCode}`).set(auth).expect(200);
      expect(res.body.indicators).toHaveLength(10);
      for (const f of res.body.indicators as Figure[]) if (f.kind !== 'items_completed_on_time' && f.kind !== 'reporting_round_timeliness') expect(typeof f.value, `${stateCode} ${f.code}`).toBe('number');
    }
    const round = await t.http().post(`/api/v1/programs/${MODEL_PROGRAM_CODE}/review-rounds`).set(auth).send({ title: 'Revisión semestral', asOf: TODAY }).expect(201);
    expect(round.body.code).toBe('RR-2026-001');
    expect(round.body.figures.indicators).toHaveLength(10);
    expect(round.body.figures.progress.states).toHaveLength(DEMO_PARTICIPATIONS.length);
    for (const i of round.body.figures.indicators) expect(Object.keys(i.states)).toHaveLength(DEMO_PARTICIPATIONS.length);
    const diff = await t.http().get(`/api/v1/programs/${MODEL_PROGRAM_CODE}/review-rounds/RR-2026-001/differences`).set(auth).expect(200);
    expect(diff.body).toMatchObject({ changed: 0, differences: [] });
  });

  it('a series of an indicator over the demo year', async () => {
    const res = await t.http().get(`/api/v1/programs/${MODEL_PROGRAM_CODE}/indicators/IND-07/series?from=2025-07-01`).set(auth).expect(200);
    expect(res.body.points).toHaveLength(13); // 07-01, eleven month ends, 06-30
    const values = res.body.points.map((p: { value: number }) => p.value);
    expect(values.every((x: number) => typeof x === 'number')).toBe(true);
  });
});
