import type { Program } from '../../libs/core/src/programs/program.entity.js';
import { DailyJobsService, type JobOutcome } from '../../libs/core/src/progress/jobs/daily-jobs.service.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Two API instances on ONE database run the daily jobs at the same time: each job's work is done once.
// The state joins on 2025-03-01: 1.1 due 03-11, 1.2 due 03-21, 1.3 due 04-10, 2.1 (institutions, optional) due 03-16.
const DAY = '2025-03-15';

describe('Daily jobs: deadline notifications and snapshots, once per day across instances', () => {
  let a: TestApp;
  let b: TestApp;
  let program: Program;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({}, { databaseUrl: a.databaseUrl });
    for (const t of [a, b]) t.clock.set(DAY);
    ({ program } = await a.programs.program([
      { code: '1.1', durationDays: 10 },
      { code: '1.2', durationDays: 20 },
      { code: '1.3', durationDays: 40 },
      { code: '2.1', phase: 2, level: 'institution', durationDays: 15, optional: true },
    ]));
    const p20 = await a.programs.enrol(program.id, '20', '2025-03-01');
    await a.programs.enrol(program.id, '21', '2025-03-01');
    await a.programs.institution(p20.participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-03-01' });
    // In state 21, 1.1 is done (no notification); in 20 it is overdue.
    const coord = (await a.as('coordinator')).auth;
    await a.http().post(`/api/v1/programs/${program.code}/states/21/reports`).set(coord).send({ activityCode: '1.1', status: 'completed', percent: 100, reportedOn: '2025-03-10' }).expect(201);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const count = async (sql: string) => Number((await a.dataSource.query(sql, [program.id]))[0].n);
  const mine = (outcomes: JobOutcome[]) => outcomes.filter((o) => o.programId === program.id);

  it('run concurrently on two instances (three times each): each job ran exactly once, by one of them', async () => {
    const ja = a.app.get(DailyJobsService);
    const jb = b.app.get(DailyJobsService);
    expect(ja.instanceId).not.toBe(jb.instanceId);
    const rounds = await Promise.all([ja, jb, ja, jb, ja, jb].map((j) => j.runDailyJobs(DAY)));
    const outcomes = rounds.flatMap(mine);
    for (const job of ['deadline-notifications', 'progress-snapshot'] as const) {
      const ofJob = outcomes.filter((o) => o.job === job);
      expect(ofJob).toHaveLength(6);
      expect(ofJob.filter((o) => o.outcome === 'ran')).toHaveLength(1);
      expect(ofJob.every((o) => o.outcome === 'locked' || o.outcome === 'already_done' || o.outcome === 'ran')).toBe(true);
    }
    const runs = await a.dataSource.query(`SELECT job, run_date::text AS "runDate", instance_id AS "instanceId", result FROM job_run WHERE program_id = $1 ORDER BY job`, [program.id]);
    expect(runs).toHaveLength(2);
    for (const run of runs) {
      expect(run.runDate).toBe(DAY);
      expect([ja.instanceId, jb.instanceId]).toContain(run.instanceId);
      const ran = outcomes.find((o) => o.job === run.job && o.outcome === 'ran')!;
      expect(ran.ranBy).toBe(run.instanceId);
    }
    expect(runs.find((r: { job: string }) => r.job === 'deadline-notifications').result).toEqual({ overdue: 1, dueSoon: 4, inserted: 5, reopened: 0, resolved: 0 });

    // 20: 1.1 overdue since 03-12; 1.2 (03-21) and 2.1 (03-16) due within 7 days. 21: 1.2 due soon; 2.1 has no
    // institution there but is still an included item below 100, so it is announced too.
    const notes = await a.dataSource.query(
      `SELECT n.state_code AS state, a.code, n.kind, n.due_on::text AS "dueOn", n.detected_on::text AS "detectedOn", n.progress
         FROM notification n JOIN plan_item pi ON pi.id = n.plan_item_id JOIN activity a ON a.id = pi.activity_id
        WHERE n.program_id = $1 ORDER BY n.state_code, a.code`,
      [program.id],
    );
    expect(notes).toEqual([
      { state: '20', code: '1.1', kind: 'overdue', dueOn: '2025-03-11', detectedOn: DAY, progress: 0 },
      { state: '20', code: '1.2', kind: 'due_soon', dueOn: '2025-03-21', detectedOn: DAY, progress: 0 },
      { state: '20', code: '2.1', kind: 'due_soon', dueOn: '2025-03-16', detectedOn: DAY, progress: 0 },
      { state: '21', code: '1.2', kind: 'due_soon', dueOn: '2025-03-21', detectedOn: DAY, progress: 0 },
      { state: '21', code: '2.1', kind: 'due_soon', dueOn: '2025-03-16', detectedOn: DAY, progress: 0 },
    ]);
    // One snapshot per scope: national + the two states.
    expect(await count(`SELECT count(*) AS n FROM progress_snapshot WHERE program_id = $1`)).toBe(3);
  });

  it('re-running the same day changes nothing; the next day adds only what is new', async () => {
    const before = await a.dataSource.query(`SELECT (SELECT count(*) FROM notification)::int AS notes, (SELECT count(*) FROM progress_snapshot)::int AS snaps, (SELECT count(*) FROM job_run)::int AS runs`);
    const again = mine(await b.app.get(DailyJobsService).runDailyJobs(DAY));
    expect(again.map((o) => o.outcome)).toEqual(['already_done', 'already_done']);
    const after = await a.dataSource.query(`SELECT (SELECT count(*) FROM notification)::int AS notes, (SELECT count(*) FROM progress_snapshot)::int AS snaps, (SELECT count(*) FROM job_run)::int AS runs`);
    expect(after).toEqual(before);

    // Next day: 1.1 of 20 is still overdue and the others still due soon, for the same due dates: nothing new.
    const next = mine(await a.app.get(DailyJobsService).runDailyJobs('2025-03-16'));
    expect(next.map((o) => o.outcome)).toEqual(['ran', 'ran']);
    expect(next[0].result).toEqual({ overdue: 1, dueSoon: 4, inserted: 0, reopened: 0, resolved: 0 });
    expect(await count(`SELECT count(*) AS n FROM progress_snapshot WHERE program_id = $1`)).toBe(6);
    expect(await count(`SELECT count(*) AS n FROM job_run WHERE program_id = $1`)).toBe(4);
  });

  it('lists notifications: national roles see every state, an officer only its own', async () => {
    const url = `/api/v1/programs/${program.code}/notifications`;
    const coord = (await a.as('coordinator')).auth;
    const all = await a.http().get(url).set(coord).expect(200);
    expect(all.body.total).toBe(5);
    expect(all.body.items[0]).toMatchObject({ stateCode: '20', stateName: 'Oaxaca', activityCode: '1.1', kind: 'overdue', dueOn: '2025-03-11', progress: 0 });
    expect(all.body.items[0].message).toBe('La actividad 1.1 (Oaxaca) venció el 2025-03-11 con 0 % de avance.');
    const only21 = await a.http().get(`${url}?stateCode=21`).set(coord).expect(200);
    expect(only21.body.items.map((n: { stateCode: string; activityCode: string }) => [n.stateCode, n.activityCode])).toEqual([['21', '1.2'], ['21', '2.1']]);
    const overdue = await a.http().get(`${url}?kind=overdue`).set(coord).expect(200);
    expect(overdue.body.total).toBe(1);

    const officer = (await a.as('state_officer', '20')).auth;
    const own = await a.http().get(url).set(officer).expect(200);
    expect(own.body.total).toBe(3);
    expect(own.body.items.every((n: { stateCode: string }) => n.stateCode === '20')).toBe(true);
    await a.http().get(`${url}?stateCode=21`).set(officer).expect(403);
    const bad = await a.http().get(`${url}?kind=late`).set(coord).expect(400);
    expect(bad.body.errors[0].field).toBe('kind');
    await a.http().get(url).expect(401);
  });

  it('serves the daily snapshots as a series for trend charts', async () => {
    const coord = (await a.as('coordinator')).auth;
    const nat = await a.http().get(`/api/v1/programs/${program.code}/progress/snapshots`).set(coord).expect(200);
    expect(nat.body.scope).toBe('national');
    expect(nat.body.points.map((p: { date: string }) => p.date)).toEqual([DAY, '2025-03-16']);
    // The snapshot of a day equals that day's live figure.
    const live = await a.http().get(`/api/v1/programs/${program.code}/progress?asOf=${DAY}`).set(coord).expect(200);
    const n = live.body.national;
    expect(nat.body.points[0]).toEqual({ date: DAY, progress: n.progress, validatedProgress: n.validatedProgress, expected: n.expected, variance: n.variance, expectedBaseline: n.expectedBaseline, varianceBaseline: n.varianceBaseline, status: n.status });
    const st = await a.http().get(`/api/v1/programs/${program.code}/progress/snapshots?stateCode=21&from=2025-03-16`).set(coord).expect(200);
    expect(st.body.points).toHaveLength(1);
    const bad = await a.http().get(`/api/v1/programs/${program.code}/progress/snapshots?from=2025-03-16&to=2025-03-01`).set(coord).expect(400);
    expect(bad.body.errors[0].field).toBe('to');
  });

  it('resolves notifications whose item was completed, excluded or re-planned, and reopens them when the item falls back', async () => {
    const url = `/api/v1/programs/${program.code}/notifications`;
    const coord = (await a.as('coordinator')).auth;
    const jobs = a.app.get(DailyJobsService);
    const J = 'Acordado con la coordinación.';
    // 03-17: 20 finishes 1.1 (overdue); 21 moves 1.2 (due soon) to 03-30 and excludes 2.1 (due soon).
    a.clock.set('2025-03-17');
    await a.http().post(`/api/v1/programs/${program.code}/states/20/reports`).set(coord).send({ activityCode: '1.1', status: 'completed', percent: 100, reportedOn: '2025-03-17' }).expect(201);
    await a.http().patch(`/api/v1/programs/${program.code}/states/21/plan/1.2`).set(coord).send({ plannedDue: '2025-03-30', justification: J }).expect(200);
    await a.http().patch(`/api/v1/programs/${program.code}/states/21/plan/2.1`).set(coord).send({ included: false, justification: J }).expect(200);
    const day17 = mine(await jobs.runDailyJobs('2025-03-17'));
    // New: 2.1 of 20 is now overdue (due 03-16). Resolved: the three above.
    expect(day17[0].result).toEqual({ overdue: 1, dueSoon: 1, inserted: 1, reopened: 0, resolved: 3 });
    const resolved = await a.http().get(`${url}?status=resolved`).set(coord).expect(200);
    expect(resolved.body.items.map((n: { stateCode: string; activityCode: string; kind: string; resolvedOn: string; resolution: string }) => [n.stateCode, n.activityCode, n.kind, n.resolvedOn, n.resolution])).toEqual([
      ['20', '1.1', 'overdue', '2025-03-17', 'completed'],
      ['21', '1.2', 'due_soon', '2025-03-17', 'rescheduled'],
      ['21', '2.1', 'due_soon', '2025-03-17', 'excluded'],
    ]);
    const open = await a.http().get(`${url}?status=open`).set(coord).expect(200);
    expect(open.body.total).toBe(3);
    expect(open.body.items.every((n: { resolvedOn: string | null; resolution: string | null }) => n.resolvedOn === null && n.resolution === null)).toBe(true);
    expect((await a.http().get(url).set(coord).expect(200)).body.total).toBe(6);

    // Re-running the day changes nothing (the job ran; and its work is idempotent on its own).
    const snapshot = () => a.dataSource.query(`SELECT id, resolved_on::text, resolution FROM notification WHERE program_id = $1 ORDER BY id`, [program.id]);
    const before = await snapshot();
    expect(mine(await jobs.runDailyJobs('2025-03-17')).map((o) => o.outcome)).toEqual(['already_done', 'already_done']);
    expect(await snapshot()).toEqual(before);

    // 03-18: a later report puts 1.1 of 20 back below 100 while still overdue: the same notification reopens.
    a.clock.set('2025-03-18');
    await a.http().post(`/api/v1/programs/${program.code}/states/20/reports`).set(coord).send({ activityCode: '1.1', status: 'in_progress', percent: 50, reportedOn: '2025-03-18' }).expect(201);
    const day18 = mine(await jobs.runDailyJobs('2025-03-18'));
    expect(day18[0].result).toEqual({ overdue: 2, dueSoon: 1, inserted: 0, reopened: 1, resolved: 0 });
    const reopened = (await a.http().get(`${url}?stateCode=20&kind=overdue`).set(coord).expect(200)).body.items;
    expect(reopened.map((n: { activityCode: string; resolvedOn: string | null; detectedOn: string }) => [n.activityCode, n.resolvedOn, n.detectedOn])).toEqual([
      ['2.1', null, '2025-03-17'],
      ['1.1', null, DAY],
    ]);
    expect((await a.http().get(`${url}?status=resolved`).set(coord).expect(200)).body.total).toBe(2);
    const bad = await a.http().get(`${url}?status=done`).set(coord).expect(400);
    expect(bad.body.errors[0].field).toBe('status');
  });
});
