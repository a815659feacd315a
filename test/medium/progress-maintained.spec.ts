import fc from 'fast-check';
import { BadRequestException, ConflictException, NotFoundException } from '@nestjs/common';
import { ParticipationsService } from '../../libs/core/src/plans/participations.service.js';
import { PlansService } from '../../libs/core/src/plans/plans.service.js';
import { aggregateNationalPhases, computeNationalProgress, computeStateProgress, isActiveAt, unitSteps } from '../../libs/core/src/progress/progress-math.js';
import type { ActivityLevel, ReportInput, StateProgressInput, UnitStep } from '../../libs/core/src/progress/progress-types.js';
import { ProgressMaintainer } from '../../libs/core/src/progress/progress.maintainer.js';
import { ProgressRepository, type UnitStepRow } from '../../libs/core/src/progress/progress.repository.js';
import { ProgressService } from '../../libs/core/src/progress/progress.service.js';
import { ReportsService } from '../../libs/core/src/reports/reports.service.js';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { addDays } from '../../libs/platform/src/util/dates.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// The maintained figures (unit_progress and the unit steps kept by the report-write hook, versioned caches) must
// equal a plain from-scratch computation: the pure engine fed with every row of the database, today and for past
// dates (which read the steps). The stored steps themselves must equal the engine's `unitSteps` of every unit,
// whether maintained write by write (only the tail from the written date on is rewritten) or rebuilt from history.

const BASE = '2025-01-01';
const day = (n: number) => addDays(BASE, n);
const TODAY = day(40);
const STATES = ['01', '02', '03', '04'];
const J = 'Cambio acordado con la coordinación.';

describe('Progress: maintained figures equal the from-scratch computation', () => {
  let t: TestApp;
  let coordinator: AuthUser;
  let reports: ReportsService;
  let progress: ProgressService;
  let plans: PlansService;
  let participations: ParticipationsService;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await t.as('coordinator')).user;
    reports = t.app.get(ReportsService);
    progress = t.app.get(ProgressService);
    plans = t.app.get(PlansService);
    participations = t.app.get(ParticipationsService);
  });
  beforeEach(() => t.clock.set(TODAY));
  afterAll(() => t.close());

  /** Every row the figures depend on, straight from the tables, as engine input. */
  async function fromScratch(programId: string): Promise<{ inputs: StateProgressInput[]; thresholds: { atRisk: number; offTrack: number } }> {
    const q = <T>(sql: string) => t.dataSource.query(sql, [programId]) as Promise<T[]>;
    const [program] = await q<{ atRisk: number; offTrack: number }>(`SELECT threshold_at_risk::float8 AS "atRisk", threshold_off_track::float8 AS "offTrack" FROM program WHERE id = $1`);
    const parts = await q<{ id: string; stateCode: string; joinedOn: string; exitedOn: string | null }>(
      `SELECT id, state_code AS "stateCode", joined_on::text AS "joinedOn", exited_on::text AS "exitedOn" FROM participation WHERE program_id = $1 ORDER BY state_code`,
    );
    const items = await q<{ participationId: string; itemId: string; activityCode: string; phaseNumber: number; level: ActivityLevel; weight: number; included: boolean; plannedStart: string; plannedDue: string; originalStart: string; originalDue: string }>(
      `SELECT pi.participation_id AS "participationId", pi.id AS "itemId", a.code AS "activityCode", ph.number AS "phaseNumber", a.level,
              a.weight::float8 AS weight, pi.included, pi.planned_start::text AS "plannedStart", pi.planned_due::text AS "plannedDue",
              pi.original_start::text AS "originalStart", pi.original_due::text AS "originalDue"
         FROM plan_item pi JOIN participation p ON p.id = pi.participation_id JOIN activity a ON a.id = pi.activity_id JOIN phase ph ON ph.id = a.phase_id
        WHERE p.program_id = $1`,
    );
    const institutions = await q<{ participationId: string; id: string; joinedOn: string; exitedOn: string | null }>(
      `SELECT i.participation_id AS "participationId", i.id, i.joined_on::text AS "joinedOn", i.exited_on::text AS "exitedOn"
         FROM institution i JOIN participation p ON p.id = i.participation_id WHERE p.program_id = $1 ORDER BY i.id`,
    );
    const rows = await q<Omit<ReportInput, 'createdAt'> & { participationId: string; seq: string }>(
      `SELECT pi.participation_id AS "participationId", r.id, r.plan_item_id AS "itemId", r.institution_id AS "institutionId", r.status,
              r.percent::float8 AS percent, r.reported_on::text AS "reportedOn", r.seq::text AS seq, r.review_state AS "reviewState"
         FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1`,
    );
    return {
      thresholds: program,
      inputs: parts.map((p) => ({
        participation: { stateCode: p.stateCode, joinedOn: p.joinedOn, exitedOn: p.exitedOn },
        items: items.filter((i) => i.participationId === p.id).map(({ participationId: _, ...i }) => i),
        institutions: institutions.filter((i) => i.participationId === p.id).map(({ participationId: _, ...i }) => i),
        reports: rows.filter((r) => r.participationId === p.id).map(({ participationId: _, seq, ...r }) => ({ ...r, createdAt: Number(seq) })),
      })),
    };
  }

  /** Maintained national and state figures as of each date equal the from-scratch ones, exactly. */
  async function expectExact(programId: string, dates: (string | undefined)[]): Promise<void> {
    const { inputs, thresholds } = await fromScratch(programId);
    const phaseNumbers = ((await t.dataSource.query(`SELECT number FROM phase WHERE program_id = $1 ORDER BY number`, [programId])) as { number: number }[]).map((p) => p.number);
    for (const asOf of dates) {
      const t0 = asOf ?? TODAY;
      const maintained = await progress.programProgress(programId, asOf);
      expect(maintained.asOf).toBe(t0);
      expect(maintained.national).toEqual(computeNationalProgress(inputs, t0, thresholds));
      const scratchStates = inputs.filter((i) => isActiveAt(i.participation, t0)).map((i) => computeStateProgress(i, t0, thresholds));
      expect(maintained.phases).toEqual(aggregateNationalPhases(scratchStates, thresholds, phaseNumbers));
      for (const input of inputs) {
        const detail = await progress.stateProgress(programId, input.participation.stateCode, asOf);
        expect(detail.progress).toEqual(computeStateProgress(input, t0, thresholds, { explain: true }));
      }
    }
  }

  /** A stored step in the engine's shape. */
  function toStep(r: UnitStepRow): UnitStep {
    return {
      validFrom: r.validFrom,
      validTo: r.validTo,
      snapshot: {
        itemId: r.itemId,
        institutionId: r.institutionId,
        current: r.currentId === null ? null : { id: r.currentId, status: r.currentStatus!, percent: r.currentPercent!, reportedOn: r.currentReportedOn!, reviewState: r.currentReviewState! },
        validated: r.validatedId === null ? null : { id: r.validatedId, status: r.validatedStatus!, percent: r.validatedPercent!, reportedOn: r.validatedReportedOn!, reviewState: 'accepted' },
        completedOn: r.completedOn,
      },
    };
  }

  /** Every unit's stored steps equal the engine's `unitSteps` over the unit's reports. */
  async function expectSteps(programId: string): Promise<number> {
    const { inputs } = await fromScratch(programId);
    const repo = t.app.get(ProgressRepository);
    const units = new Map<string, ReportInput[]>();
    for (const r of inputs.flatMap((i) => i.reports)) {
      const key = `${r.itemId}|${r.institutionId ?? ''}`;
      units.set(key, [...(units.get(key) ?? []), r]);
    }
    for (const reports of units.values()) {
      const { itemId, institutionId } = reports[0];
      expect((await repo.findUnitSteps(itemId, institutionId)).map(toStep)).toEqual(unitSteps(itemId, institutionId, reports));
    }
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM unit_progress_step s JOIN plan_item pi ON pi.id = s.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1`,
      [programId],
    );
    expect(n).toBe([...units.values()].reduce((sum, reports) => sum + unitSteps(reports[0].itemId, reports[0].institutionId, reports).length, 0));
    return n;
  }

  /** Writes that the rules refuse (a date before an institution joined, an excluded item…) are simply skipped. */
  async function attempt<T>(write: () => Promise<T>): Promise<T | null> {
    try {
      return await write();
    } catch (e) {
      if (e instanceof BadRequestException || e instanceof ConflictException || e instanceof NotFoundException) return null;
      throw e;
    }
  }

  const scenario = fc.record({
    activities: fc.array(
      fc.record({
        level: fc.constantFrom<ActivityLevel>('state', 'institution'),
        weight: fc.constantFrom(0.5, 1, 2, 3),
        start: fc.integer({ min: 0, max: 20 }),
        duration: fc.integer({ min: 0, max: 20 }),
        optional: fc.boolean(),
        phase: fc.integer({ min: 1, max: 2 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    states: fc.uniqueArray(fc.record({ code: fc.constantFrom(...STATES), join: fc.integer({ min: 0, max: 8 }) }), { minLength: 1, maxLength: 3, selector: (s) => s.code }),
    institutions: fc.array(fc.record({ state: fc.nat(), join: fc.integer({ min: 0, max: 20 }), stay: fc.option(fc.integer({ min: 1, max: 30 })) }), { maxLength: 5 }),
    reports: fc.array(
      fc.record({
        state: fc.nat(),
        activity: fc.nat(),
        institution: fc.nat(),
        percent: fc.oneof(fc.constant(100), fc.constant(0), fc.integer({ min: 1, max: 99 }), fc.constant(37.25)),
        day: fc.integer({ min: 0, max: 25 }),
        review: fc.constantFrom('none', 'none', 'accept', 'return'),
        readAfter: fc.boolean(),
      }),
      { maxLength: 22, size: 'max' },
    ),
    replans: fc.array(fc.record({ state: fc.nat(), activity: fc.nat(), exclude: fc.boolean(), start: fc.integer({ min: 0, max: 30 }), duration: fc.integer({ min: 0, max: 30 }) }), { maxLength: 2 }),
    exit: fc.option(fc.record({ state: fc.nat(), day: fc.integer({ min: 10, max: 45 }) })),
    pastDates: fc.array(fc.integer({ min: 0, max: 30 }).map(day), { minLength: 2, maxLength: 3 }),
  });

  it('for random programs, participations, institutions, reports, reviews, re-plans, exits and dates', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { program, activities } = await t.programs.program(
          s.activities.map((a, n) => ({ code: `${a.phase}.${n + 1}`, phase: a.phase, level: a.level, weight: a.weight, startDay: a.start, durationDays: a.duration, optional: a.optional })),
        );
        const enrolled = [];
        for (const st of s.states) enrolled.push({ code: st.code, ...(await t.programs.enrol(program.id, st.code, day(st.join))) });
        // Warm the caches before the writes, so the checks below also prove invalidation.
        await progress.programProgress(program.id);

        const institutions = [];
        for (const i of s.institutions) {
          const e = enrolled[i.state % enrolled.length];
          const joinedOn = day(Math.max(i.join, s.states.find((x) => x.code === e.code)!.join));
          const inst = await t.programs.institution(e.participation.id, { joinedOn, exitedOn: i.stay === null ? null : addDays(joinedOn, i.stay) });
          institutions.push({ state: e.code, id: inst.id });
        }

        for (const r of s.reports) {
          const e = enrolled[r.state % enrolled.length];
          const activity = activities[r.activity % activities.length];
          const own = institutions.filter((i) => i.state === e.code);
          const institutionId = activity.level === 'institution' ? (own.length ? own[r.institution % own.length].id : null) : null;
          if (activity.level === 'institution' && institutionId === null) continue;
          const status = r.percent === 100 ? 'completed' : r.percent === 0 ? 'not_started' : 'in_progress';
          const created = await attempt(() =>
            reports.submit(coordinator, program.id, e.code, { activityCode: activity.code, institutionId, status, percent: r.percent, reportedOn: day(r.day) }),
          );
          if (created && r.review === 'accept') await reports.accept(coordinator, created.report.id);
          if (created && r.review === 'return') await reports.return(coordinator, created.report.id, 'Falta evidencia');
          if (r.readAfter) await progress.programProgress(program.id);
        }

        for (const rp of s.replans) {
          const e = enrolled[rp.state % enrolled.length];
          const activity = activities[rp.activity % activities.length];
          const dto = rp.exclude && activity.optional ? { included: false, justification: J } : { plannedStart: day(rp.start), plannedDue: day(rp.start + rp.duration), justification: J };
          await attempt(() => plans.replan(coordinator, program.id, e.code, activity.code, dto));
        }
        if (s.exit) {
          const e = enrolled[s.exit.state % enrolled.length];
          await attempt(() => participations.changeExit(coordinator, program.id, e.code, { exitedOn: day(s.exit!.day), justification: J }));
        }

        await expectExact(program.id, [undefined, day(-1), ...s.pastDates]);
        // The steps maintained write by write equal the engine's, and a rebuild from history writes the same.
        const steps = await expectSteps(program.id);
        await t.app.get(ProgressMaintainer).rebuild(program.id);
        expect(await expectSteps(program.id)).toBe(steps);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('concurrent reports and reviews on one unit leave its maintained snapshot exact', async () => {
    const { program } = await t.programs.program([{ code: '1.1', durationDays: 30 }]);
    await t.programs.enrol(program.id, '20', BASE);
    const percents = [10, 100, 40, 100, 100, 0, 70, 100, 55, 100, 100, 20];
    const created = await Promise.all(
      percents.map((percent, n) =>
        reports.submit(coordinator, program.id, '20', { activityCode: '1.1', status: percent === 100 ? 'completed' : percent === 0 ? 'not_started' : 'in_progress', percent, reportedOn: day(10 + (n % 4)) }),
      ),
    );
    await Promise.all(created.map((c, n) => (n % 3 === 0 ? reports.accept(coordinator, c.report.id) : n % 3 === 1 ? reports.return(coordinator, c.report.id, 'No') : Promise.resolve())));
    await expectExact(program.id, [undefined, day(9), day(10), day(11), day(12), day(13)]);
    await expectSteps(program.id);
  });

  it('writers outside the reports service (no unit lock held, no date) call the hook and stay exact', async () => {
    const { program, activities } = await t.programs.program([{ code: '1.1' }, { code: '2.1', phase: 2, level: 'institution' }]);
    const { participation, items } = await t.programs.enrol(program.id, '20', BASE);
    const inst = await t.programs.institution(participation.id, { joinedOn: BASE });
    const byActivity = new Map(items.map((i) => [i.activityId, i.id]));
    const [a11, a21] = activities.map((a) => byActivity.get(a.id)!);
    const maintainer = t.app.get(ProgressMaintainer);
    // Like the demo seeding: rows inserted directly, then the hook, in one transaction per batch.
    const batch = (rows: [string, string | null, number, string, string][]) =>
      t.dataSource.transaction(async (tx) => {
        for (const [itemId, institutionId, percent, reportedOn, review] of rows) {
          await tx.query(
            `INSERT INTO report (plan_item_id, institution_id, status, percent, reported_on, author_id, review_state, review_reason, reviewed_by_id, reviewed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
            [itemId, institutionId, percent === 100 ? 'completed' : 'in_progress', percent, reportedOn, coordinator.id, review, review === 'returned' ? 'No' : null, review === 'submitted' ? null : coordinator.id, review === 'submitted' ? null : new Date()],
          );
        }
        for (const unit of new Map(rows.map(([itemId, institutionId]) => [`${itemId}/${institutionId}`, { planItemId: itemId, institutionId }])).values()) {
          await maintainer.afterReportWrite(tx, unit);
        }
      });
    await batch([[a11, null, 30, day(2), 'accepted'], [a11, null, 100, day(9), 'submitted'], [a21, inst.id, 100, day(4), 'accepted']]);
    await batch([[a11, null, 50, day(5), 'returned'], [a11, null, 100, day(3), 'accepted'], [a21, inst.id, 20, day(6), 'submitted']]);
    // Concurrent with an API write on the same unit: both serialize on the unit lock.
    await Promise.all([
      batch([[a11, null, 70, day(7), 'submitted']]),
      reports.submit(coordinator, program.id, '20', { activityCode: '1.1', status: 'in_progress', percent: 80, reportedOn: day(8) }),
    ]);
    await expectExact(program.id, [undefined, day(1), day(2), day(3), day(4), day(5), day(6), day(7), day(8), day(9)]);
    await expectSteps(program.id);
  });

  it('rebuild initialises unit_progress from history (reports written around the hook)', async () => {
    const { program, activities } = await t.programs.program([{ code: '1.1' }, { code: '2.1', phase: 2, level: 'institution' }]);
    const { participation, items } = await t.programs.enrol(program.id, '20', BASE);
    const inst = await t.programs.institution(participation.id, { joinedOn: BASE });
    const author = coordinator.id;
    const byActivity = new Map(items.map((i) => [i.activityId, i.id]));
    const insert = (itemId: string, institutionId: string | null, percent: number, reportedOn: string, review: string) =>
      t.dataSource.query(
        `INSERT INTO report (plan_item_id, institution_id, status, percent, reported_on, author_id, review_state, review_reason, reviewed_by_id, reviewed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [itemId, institutionId, percent === 100 ? 'completed' : 'in_progress', percent, reportedOn, author, review, review === 'returned' ? 'No' : null, review === 'submitted' ? null : author, review === 'submitted' ? null : new Date()],
      );
    const [a11, a21] = activities.map((a) => byActivity.get(a.id)!);
    await insert(a11, null, 100, day(3), 'accepted');
    await insert(a11, null, 60, day(5), 'submitted');
    await insert(a11, null, 100, day(6), 'returned');
    await insert(a21, inst.id, 100, day(2), 'submitted');
    await insert(a21, inst.id, 100, day(4), 'accepted');

    // Written around the hook: nothing maintained yet, so the figures do not see them.
    expect((await progress.stateProgress(program.id, '20')).progress.progress).toBe(0);
    expect(await t.app.get(ProgressMaintainer).rebuild(program.id)).toBe(2);
    await expectExact(program.id, [undefined, day(1), day(2), day(3), day(4), day(5), day(6)]);
    await expectSteps(program.id);
    const detail = await progress.stateProgress(program.id, '20');
    expect(detail.progress.items.map((i) => [i.activityCode, i.progress, i.completedOn])).toEqual([
      ['1.1', 60, null],
      ['2.1', 100, day(2)],
    ]);
  });
});
