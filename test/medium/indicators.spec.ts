import fc from 'fast-check';
import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { IndicatorsService } from '../../libs/core/src/indicators/indicators.service.js';
import { InstitutionsService } from '../../libs/core/src/institutions/institutions.service.js';
import { ParticipationsService } from '../../libs/core/src/plans/participations.service.js';
import { DailyJobsService } from '../../libs/core/src/progress/jobs/daily-jobs.service.js';
import { currentReport, isActiveAt, round1 } from '../../libs/core/src/progress/progress-math.js';
import type { ReportInput } from '../../libs/core/src/progress/progress-types.js';
import { Indicator } from '../../libs/core/src/programs/indicator.entity.js';
import { ReportsService } from '../../libs/core/src/reports/reports.service.js';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { addDays } from '../../libs/platform/src/util/dates.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// The indicators that read report contents (datasets on current accepted reports, metric sums on current reports,
// institutions at 100 on an activity) must equal a from-scratch count over the raw rows, with the current and
// validated report of each unit taken from the engine's reference rules (progress-math `currentReport`).
// And a figure read from a daily progress snapshot must equal the same figure computed live.

const BASE = '2025-01-01';
const day = (n: number) => addDays(BASE, n);
const TODAY = day(40);
const STATES = ['01', '02', '03'];
const URLS = ['https://datos.example.mx/a', 'https://datos.example.mx/b', 'https://datos.example.mx/c', 'https://datos.example.mx/d'];

const INDICATORS = [
  { code: 'K-DS', unit: 'count', kind: 'datasets_published', params: { activityCode: 'I1', highValueOnly: false } },
  { code: 'K-DSHV', unit: 'count', kind: 'datasets_published', params: { activityCode: 'I1', highValueOnly: true } },
  { code: 'K-MET', unit: 'count', kind: 'metric_sum', params: { activityCode: 'A1', metric: 'personas' } },
  { code: 'K-INSTDONE', unit: 'percent', kind: 'institutions_completed_activity', params: { activityCode: 'I1' } },
  { code: 'K-INSTDONE-N', unit: 'count', kind: 'institutions_completed_activity', params: { activityCode: 'I1' } },
  { code: 'K-STATES', unit: 'count', kind: 'states_participating', params: {} },
  { code: 'K-INST', unit: 'count', kind: 'institutions_registered', params: {} },
  { code: 'K-PROG', unit: 'percent', kind: 'weighted_progress', params: {} },
  { code: 'K-DONE', unit: 'percent', kind: 'items_completed', params: {} },
  { code: 'K-ONTIME', unit: 'percent', kind: 'items_completed_on_time', params: {} },
] as const;

type Row = ReportInput & { stateCode: string; activityCode: string; metrics: Record<string, number> };

describe('Indicators: report-content kinds equal a from-scratch count; snapshots equal live figures', () => {
  let t: TestApp;
  let coordinator: AuthUser;
  let indicators: IndicatorsService;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await t.as('coordinator')).user;
    indicators = t.app.get(IndicatorsService);
  });
  beforeEach(() => t.clock.set(TODAY));
  afterAll(() => t.close());

  async function program() {
    const fixture = await t.programs.program([
      { code: 'A1', startDay: 0, durationDays: 10, metrics: ['personas'], evidenceKinds: ['url'] },
      { code: 'A2', startDay: 5, durationDays: 20, optional: true, evidenceKinds: ['url'] },
      { code: 'I1', phase: 2, level: 'institution', startDay: 0, durationDays: 30, weight: 2, evidenceKinds: ['dataset'] },
    ]);
    await t.dataSource.getRepository(Indicator).save(
      INDICATORS.map((i, position) => ({ programId: fixture.program.id, code: i.code, name: i.code, definition: null, unit: i.unit, direction: 'up' as const, kind: i.kind, params: { ...i.params }, baselineValue: null, baselineDate: null, position })),
    );
    return fixture.program;
  }

  async function attempt<T>(write: () => Promise<T>): Promise<T | null> {
    try {
      return await write();
    } catch (e) {
      if (e instanceof BadRequestException || e instanceof ConflictException || e instanceof NotFoundException) return null;
      throw e;
    }
  }

  /** The reference: counts over raw rows, per participating state, pooled nationally. */
  async function reference(programId: string, asOf: string) {
    const q = <T>(sql: string) => t.dataSource.query(sql, [programId]) as Promise<T[]>;
    const parts = await q<{ stateCode: string; joinedOn: string; exitedOn: string | null }>(
      `SELECT state_code AS "stateCode", joined_on::text AS "joinedOn", exited_on::text AS "exitedOn" FROM participation WHERE program_id = $1`,
    );
    const institutions = await q<{ id: string; stateCode: string; joinedOn: string; exitedOn: string | null }>(
      `SELECT i.id, p.state_code AS "stateCode", i.joined_on::text AS "joinedOn", i.exited_on::text AS "exitedOn" FROM institution i JOIN participation p ON p.id = i.participation_id WHERE p.program_id = $1`,
    );
    const reports = await q<Row & { seq: string }>(
      `SELECT r.id, r.plan_item_id AS "itemId", r.institution_id AS "institutionId", r.status, r.percent::float8 AS percent, r.reported_on::text AS "reportedOn",
              r.seq::text AS seq, r.review_state AS "reviewState", r.metrics, p.state_code AS "stateCode", a.code AS "activityCode"
         FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id JOIN activity a ON a.id = pi.activity_id
        WHERE p.program_id = $1`,
    );
    const evidence = await q<{ reportId: string; url: string; highValue: boolean }>(
      `SELECT e.report_id AS "reportId", e.url, e.high_value AS "highValue" FROM evidence e JOIN report r ON r.id = e.report_id JOIN plan_item pi ON pi.id = r.plan_item_id
         JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1 AND e.kind = 'dataset'`,
    );
    const rows: Row[] = reports.map(({ seq, ...r }) => ({ ...r, createdAt: Number(seq) }));
    const perState = parts
      .filter((p) => isActiveAt(p, asOf))
      .map((p) => {
        const active = institutions.filter((i) => i.stateCode === p.stateCode && isActiveAt(i, asOf));
        const unit = (activityCode: string, institutionId: string | null) =>
          rows.filter((r) => r.stateCode === p.stateCode && r.activityCode === activityCode && (institutionId === null || r.institutionId === institutionId));
        const urls = new Set<string>();
        const hv = new Set<string>();
        let done = 0;
        for (const i of active) {
          const validated = currentReport(unit('I1', i.id), asOf, true);
          for (const e of evidence.filter((x) => x.reportId === validated?.id)) {
            urls.add(e.url);
            if (e.highValue) hv.add(e.url);
          }
          if ((currentReport(unit('I1', i.id), asOf)?.percent ?? 0) === 100) done += 1;
        }
        const a1 = currentReport(unit('A1', null), asOf) as Row | null;
        return { datasets: urls.size, highValue: hv.size, personas: a1?.metrics.personas ?? 0, done, institutions: active.length };
      });
    const sum = (f: (s: (typeof perState)[number]) => number) => perState.reduce((acc, s) => acc + f(s), 0);
    const institutionsTotal = sum((s) => s.institutions);
    return {
      'K-DS': sum((s) => s.datasets),
      'K-DSHV': sum((s) => s.highValue),
      'K-MET': sum((s) => s.personas),
      'K-INSTDONE': institutionsTotal === 0 ? null : (100 * sum((s) => s.done)) / institutionsTotal,
      'K-INSTDONE-N': sum((s) => s.done),
      'K-STATES': perState.length,
      'K-INST': institutionsTotal,
    };
  }

  const scenario = fc.record({
    states: fc.uniqueArray(fc.record({ code: fc.constantFrom(...STATES), join: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 3, selector: (s) => s.code }),
    institutions: fc.array(fc.record({ state: fc.nat(), join: fc.integer({ min: 0, max: 15 }), stay: fc.option(fc.integer({ min: 1, max: 30 })) }), { minLength: 1, maxLength: 5 }),
    reports: fc.array(
      fc.record({
        state: fc.nat(),
        onInstitution: fc.boolean(),
        institution: fc.nat(),
        percent: fc.oneof(fc.constant(100), fc.constant(0), fc.integer({ min: 1, max: 99 })),
        day: fc.integer({ min: 0, max: 38 }),
        personas: fc.integer({ min: 0, max: 500 }),
        datasets: fc.uniqueArray(fc.record({ url: fc.constantFrom(...URLS), highValue: fc.boolean() }), { maxLength: 3, selector: (d) => d.url }),
        review: fc.constantFrom('none', 'accept', 'accept', 'return'),
      }),
      { maxLength: 16, size: 'max' },
    ),
    exit: fc.option(fc.record({ state: fc.nat(), day: fc.integer({ min: 8, max: 40 }) })),
    dates: fc.array(fc.integer({ min: 0, max: 40 }).map(day), { minLength: 2, maxLength: 3 }),
  });

  it('datasets, metric sums and institutions at 100 for random histories, exits and dates', async () => {
    const reports = t.app.get(ReportsService);
    const institutionsService = t.app.get(InstitutionsService);
    const participations = t.app.get(ParticipationsService);
    // The property must not pass vacuously: some reports are written and some figures are not zero.
    const seen = { reports: 0, datasets: 0, personas: 0, done: 0 };
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        t.clock.set(TODAY);
        const p = await program();
        const enrolled: { code: string; join: number; institutions: string[] }[] = [];
        for (const st of s.states) {
          await t.programs.enrol(p.id, st.code, day(st.join));
          enrolled.push({ ...st, institutions: [] });
        }
        for (const [n, i] of s.institutions.entries()) {
          const st = enrolled[i.state % enrolled.length];
          const joinedOn = day(Math.max(st.join, i.join));
          t.clock.set(joinedOn);
          const created = await attempt(() => institutionsService.register(coordinator, p.id, st.code, { name: `Institución ${n}`, order: 'state', joinedOn }));
          if (created) st.institutions.push(created.id);
        }
        // Reports in creation order by date, so every one is accepted by the rules (not in the future, not before joining).
        for (const r of [...s.reports].sort((a, b) => a.day - b.day)) {
          const st = enrolled[r.state % enrolled.length];
          const reportedOn = day(Math.max(st.join, r.day));
          t.clock.set(reportedOn);
          const onInstitution = r.onInstitution && st.institutions.length > 0;
          const status = r.percent === 100 ? 'completed' : r.percent === 0 ? 'not_started' : 'in_progress';
          const dto = onInstitution
            ? { activityCode: 'I1', institutionId: st.institutions[r.institution % st.institutions.length], status, percent: r.percent, reportedOn, evidence: r.datasets.map((d) => ({ kind: 'dataset', title: 'Conjunto', url: d.url, highValue: d.highValue })) }
            : { activityCode: 'A1', status, percent: r.percent, reportedOn, metrics: { personas: r.personas } };
          const written = await attempt(() => reports.submit(coordinator, p.id, st.code, dto as never));
          if (written) seen.reports += 1;
          if (written && r.review === 'accept') await reports.accept(coordinator, written.report.id);
          if (written && r.review === 'return') await reports.return(coordinator, written.report.id, 'Sin soporte.');
        }
        t.clock.set(TODAY);
        if (s.exit) {
          const st = enrolled[s.exit.state % enrolled.length];
          await attempt(() => participations.changeExit(coordinator, p.id, st.code, { exitedOn: day(Math.max(st.join, s.exit!.day)), justification: 'Retiro.' }));
        }
        for (const asOf of [...s.dates, TODAY]) {
          const computed = await indicators.programIndicators(p.id, asOf);
          const values = Object.fromEntries(computed.national!.map((f) => [f.code, f.value]));
          const expected = await reference(p.id, asOf);
          seen.datasets += expected['K-DS'];
          seen.personas += expected['K-MET'];
          seen.done += expected['K-INSTDONE-N'];
          for (const [code, value] of Object.entries(expected)) {
            if (value === null) expect(values[code], `${code} as of ${asOf}`).toBeNull();
            else expect(values[code], `${code} as of ${asOf}`).toBeCloseTo(value, 9);
          }
        }
      }),
      { numRuns: 12 },
    );
    expect(seen.reports).toBeGreaterThan(30);
    expect(seen.datasets).toBeGreaterThan(0);
    expect(seen.personas).toBeGreaterThan(0);
    expect(seen.done).toBeGreaterThan(0);
  }, 240_000);

  it('a figure read from a daily snapshot equals the one computed live, nationally and per state', async () => {
    const p = await program();
    for (const [code, join] of [['01', 0], ['02', 3], ['03', 12]] as const) await t.programs.enrol(p.id, code, day(join));
    const [participation]: { id: string }[] = await t.dataSource.query(`SELECT id FROM participation WHERE program_id = $1 AND state_code = '01'`, [p.id]);
    await t.programs.institution(participation.id, { joinedOn: day(0) });
    await t.programs.institution(participation.id, { joinedOn: day(0) });
    const reports = t.app.get(ReportsService);
    t.clock.set(day(8));
    for (const [state, percent] of [['01', 100], ['02', 40]] as const) {
      await reports.submit(coordinator, p.id, state, { activityCode: 'A1', status: percent === 100 ? 'completed' : 'in_progress', percent, reportedOn: day(8) } as never);
    }
    const dates = [day(9), day(11), day(15)];
    for (const d of dates) await t.app.get(DailyJobsService).runDailyJobs(d);
    t.clock.set(TODAY);
    const progressKinds = INDICATORS.filter((i) => ['states_participating', 'institutions_registered', 'weighted_progress', 'items_completed', 'items_completed_on_time'].includes(i.kind));
    for (const ind of progressKinds) {
      for (const scope of [undefined, '01', '02']) {
        const series = await indicators.series(p.id, ind.code, { from: day(9), to: day(15), stateCode: scope });
        const snapshotPoints = series.points.filter((x) => x.source === 'snapshot');
        expect(snapshotPoints.map((x) => x.date), `${ind.code} ${scope ?? 'national'}`).toEqual(dates);
        for (const point of snapshotPoints) {
          const live = await indicators.programIndicators(p.id, point.date);
          const figures = scope === undefined ? live.national! : live.states.find((x) => x.stateCode === scope)!.indicators;
          const value = figures.find((f) => f.code === ind.code)!.value;
          expect(point.value, `${ind.code} ${scope ?? 'national'} ${point.date}`).toBe(round1(value));
        }
      }
    }
  }, 120_000);
});
