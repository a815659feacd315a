import { DEMO_PARTICIPATIONS, MODEL_PROGRAM_CODE } from '../../libs/core/src/demo/demo-users.js';
import { seedDemoReportingRounds } from '../../libs/core/src/reporting-rounds/demo-reporting-rounds.js';
import { ReportingRoundsService } from '../../libs/core/src/reporting-rounds/reporting-rounds.service.js';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

describe('seedDemoReportingRounds: quarterly rounds and deterministic deliveries on the model program', () => {
  let t: TestApp;
  let service: ReportingRoundsService;
  let programId: string;
  let coordinator: AuthUser;
  const officers = new Map<string, AuthUser>();

  beforeAll(async () => {
    t = await createTestApp();
    service = t.app.get(ReportingRoundsService);
    [{ id: programId }] = await t.dataSource.query('SELECT id FROM program WHERE code = $1', [MODEL_PROGRAM_CODE]);
    for (const { stateCode, joinedOn } of DEMO_PARTICIPATIONS) {
      await t.programs.enrol(programId, stateCode, joinedOn);
      officers.set(stateCode, (await t.as('state_officer', stateCode)).user);
    }
    coordinator = (await t.as('coordinator')).user;
  });
  afterAll(() => t.close());

  it('creates nothing before the first quarter has ended', async () => {
    expect(await seedDemoReportingRounds(service, { programId: MODEL_PROGRAM_CODE, coordinator, officers, today: '2025-03-31' })).toEqual({ rounds: 0, submissions: 0 });
    expect(await t.dataSource.query('SELECT 1 FROM reporting_round')).toEqual([]);
  });

  it('creates 2025-Q1 … the last quarter ended before today, with on-time, late and missing deliveries, all in the past', async () => {
    const today = '2025-11-20';
    const result = await seedDemoReportingRounds(service, { programId: MODEL_PROGRAM_CODE, coordinator, officers, today });
    expect(result.rounds).toBe(3);
    const list = await service.list(MODEL_PROGRAM_CODE, { asOf: today });
    expect(list.rounds.map((r) => [r.code, r.dueOn])).toEqual([
      ['2025-Q1', '2025-04-15'],
      ['2025-Q2', '2025-07-15'],
      ['2025-Q3', '2025-10-15'],
    ]);
    // One demo state joins a month: 20, 30, 11 by 31 March; 28, 22, 25 by 30 June; 04, 07, 27 by 30 September.
    expect(list.rounds.map((r) => r.expected)).toEqual([3, 6, 9]);
    expect(result.submissions).toBe(list.rounds.reduce((n, r) => n + r.submitted, 0));
    expect(list.national.onTime).toBeGreaterThan((list.national.expected * 2) / 3);
    expect(list.national.submitted).toBeGreaterThan(list.national.onTime); // some late
    expect(list.national.submitted).toBeLessThan(list.national.expected); // some missing

    const rows: { submittedOn: string; summary: string; authorId: string; stateCode: string }[] = await t.dataSource.query(
      'SELECT submitted_on::text AS "submittedOn", summary, author_id AS "authorId", state_code AS "stateCode" FROM reporting_round_submission',
    );
    for (const row of rows) {
      expect(row.submittedOn < today).toBe(true);
      expect(row.summary).toMatch(/^(Durante|En|A lo largo).+\.$/);
      expect(row.authorId).toBe(officers.get(row.stateCode)!.id);
    }
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action LIKE 'reporting_round.%'`);
    expect(n).toBe(result.rounds + result.submissions);
  });

  it('is deterministic and re-running it adds nothing', async () => {
    const before = await t.dataSource.query('SELECT r.code, s.state_code, s.submitted_at, s.summary FROM reporting_round_submission s JOIN reporting_round r ON r.id = s.round_id ORDER BY 1, 2');
    expect(await seedDemoReportingRounds(service, { programId: MODEL_PROGRAM_CODE, coordinator, officers, today: '2025-11-20' })).toEqual({ rounds: 0, submissions: 0 });
    expect(await t.dataSource.query('SELECT r.code, s.state_code, s.submitted_at, s.summary FROM reporting_round_submission s JOIN reporting_round r ON r.id = s.round_id ORDER BY 1, 2')).toEqual(before);
  });

  it('a later day adds the next quarter and the deliveries that have happened since', async () => {
    const result = await seedDemoReportingRounds(service, { programId: MODEL_PROGRAM_CODE, coordinator, officers, today: '2026-01-10' });
    expect(result.rounds).toBe(1);
    const q4 = await service.get(coordinator, MODEL_PROGRAM_CODE, '2025-Q4', { asOf: '2026-01-10' });
    expect(q4.dueOn).toBe('2026-01-15');
    for (const s of q4.states) expect(['submitted', 'pending']).toContain(s.status);
    expect(q4.submitted).toBeGreaterThan(0);
  });
});
