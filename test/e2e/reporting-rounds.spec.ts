import { ReportingRoundsService } from '../../libs/core/src/reporting-rounds/reporting-rounds.service.js';
import type { Role } from '../../libs/platform/src/auth/roles.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

describe('Reporting rounds: periods each participating state submits once; completeness and timeliness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2025-06-01'));

  const api = (programId: string) => `/api/v1/programs/${programId}/reporting-rounds`;
  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const roundRows = (programId: string) => count('SELECT count(*) AS n FROM reporting_round WHERE program_id = $1', [programId]);
  const submissionRows = (programId: string) =>
    count('SELECT count(*) AS n FROM reporting_round_submission s JOIN reporting_round r ON r.id = s.round_id WHERE r.program_id = $1', [programId]);
  const audits = (programId: string, action: string) =>
    t.dataSource.query(`SELECT actor_id AS "actorId", entity_type AS "entityType", entity_id AS "entityId", state_code AS "stateCode", after FROM audit_event WHERE program_id = $1 AND action = $2 ORDER BY id`, [programId, action]);

  const Q1 = { code: '2025-Q1', name: 'Primer trimestre 2025', periodStart: '2025-01-01', periodEnd: '2025-03-31', dueOn: '2025-04-15' };
  const Q2 = { code: '2025-Q2', name: 'Segundo trimestre 2025', periodStart: '2025-04-01', periodEnd: '2025-06-30', dueOn: '2025-07-15' };

  /** A program with state 20 (joined before 2025) and one round, 2025-Q1. */
  async function withRound(round: typeof Q1 = Q1) {
    const { program } = await t.programs.program();
    await t.programs.enrol(program.id, '20', '2024-12-01');
    const { auth } = await t.as('coordinator');
    await t.http().post(api(program.code)).set(auth).send(round).expect(201);
    return program;
  }

  describe('POST /reporting-rounds (define a round)', () => {
    it('creates the round, answers it with who is expected, and audits it', async () => {
      const { program } = await t.programs.program();
      await t.programs.enrol(program.id, '20', '2024-12-01');
      await t.programs.enrol(program.id, '11', '2025-05-01'); // joins after Q1: not expected
      const { auth, user } = await t.as('coordinator');
      const res = await t.http().post(api(program.code)).set(auth).send({ ...Q1, name: '  Primer trimestre 2025 ' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        ...Q1,
        phase: 'closed',
        due: true,
        expected: 1,
        submitted: 0,
        onTime: 0,
        completeness: 0,
        timeliness: 0,
      });
      expect(await audits(program.id, 'reporting_round.create')).toEqual([
        { actorId: user.id, entityType: 'reporting_round', entityId: res.body.id, stateCode: null, after: { code: '2025-Q1', name: 'Primer trimestre 2025', periodStart: '2025-01-01', periodEnd: '2025-03-31', dueOn: '2025-04-15' } },
      ]);
    });

    it('accepts the program id, a round without name, and dueOn = periodEnd; nothing expected gives null ratios', async () => {
      const { program } = await t.programs.program();
      const { auth } = await t.as('coordinator');
      const res = await t.http().post(api(program.id)).set(auth).send({ code: 'S1.2025', periodStart: '2025-01-01', periodEnd: '2025-06-30', dueOn: '2025-06-30' }).expect(201);
      expect(res.body).toMatchObject({ code: 'S1.2025', name: null, phase: 'in_period', due: false, expected: 0, completeness: null, timeliness: null });
    });

    it('answers 409 (field code) for a code the program already has; another program may reuse it', async () => {
      const program = await withRound();
      const { auth } = await t.as('coordinator');
      const res = await t.http().post(api(program.code)).set(auth).send({ ...Q1, dueOn: '2025-04-30' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, errors: [{ field: 'code', message: expect.stringContaining('2025-Q1') }] });
      expect(await roundRows(program.id)).toBe(1);
      expect(await audits(program.id, 'reporting_round.create')).toHaveLength(1);
      const other = await t.programs.program();
      await t.http().post(api(other.program.code)).set(auth).send(Q1).expect(201);
    });

    it.each<[Role | null, number]>([
      ['reviewer', 403],
      ['state_officer', 403],
      ['admin', 403],
      [null, 401],
    ])('%s may not define rounds (%i), and nothing is written', async (role, status) => {
      const { program } = await t.programs.program();
      const headers = role ? (await t.as(role, role === 'state_officer' ? '20' : undefined)).auth : {};
      await t.http().post(api(program.code)).set(headers).send(Q1).expect(status);
      await t.http().post(`${api(program.code)}/quarterly`).set(headers).send({ from: '2025-01-01', to: '2025-12-31' }).expect(status);
      expect(await roundRows(program.id)).toBe(0);
      expect(await t.dataSource.query(`SELECT 1 FROM audit_event WHERE program_id = $1`, [program.id])).toEqual([]);
    });

    it('answers 404 for an unknown program and 409 for a closed one', async () => {
      const { auth } = await t.as('coordinator');
      await t.http().post(api('no-such-program')).set(auth).send(Q1).expect(404);
      const { program } = await t.programs.program(undefined, { status: 'closed' });
      const res = await t.http().post(api(program.code)).set(auth).send(Q1).expect(409);
      expect(res.body.message).toContain('closed');
      expect(await roundRows(program.id)).toBe(0);
    });

    describe('bad input: 400 with field messages, nothing written', () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['dueOn before periodStart', { ...Q1, dueOn: '2024-12-31' }, 'dueOn'],
        ['dueOn inside the period (before periodEnd)', { ...Q1, dueOn: '2025-03-30' }, 'dueOn'],
        ['periodEnd before periodStart', { ...Q1, periodEnd: '2024-12-31', dueOn: '2025-01-15' }, 'periodEnd'],
        ['impossible date', { ...Q1, periodStart: '2025-02-30' }, 'periodStart'],
        ['date in another format', { ...Q1, periodEnd: '31/03/2025' }, 'periodEnd'],
        ['date as a timestamp', { ...Q1, dueOn: '2025-04-15T00:00:00Z' }, 'dueOn'],
        ['date missing', { code: '2025-Q1', periodStart: '2025-01-01', periodEnd: '2025-03-31' }, 'dueOn'],
        ['date null', { ...Q1, periodStart: null }, 'periodStart'],
        ['code missing', { periodStart: '2025-01-01', periodEnd: '2025-03-31', dueOn: '2025-04-15' }, 'code'],
        ['code with a slash', { ...Q1, code: '2025/Q1' }, 'code'],
        ['code with spaces', { ...Q1, code: '2025 Q1' }, 'code'],
        ['code blank', { ...Q1, code: '' }, 'code'],
        ['code too long', { ...Q1, code: 'Q'.repeat(41) }, 'code'],
        ['code as number', { ...Q1, code: 2025 }, 'code'],
        ['name as number', { ...Q1, name: 7 }, 'name'],
        ['name too long', { ...Q1, name: 'x'.repeat(201) }, 'name'],
        ['unknown field', { ...Q1, status: 'open' }, 'status'],
      ];
      it.each(cases)('%s', async (_, body, field) => {
        const { program } = await t.programs.program();
        const { auth } = await t.as('coordinator');
        const res = await t.http().post(api(program.code)).set(auth).send(body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
        expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
        expect(await roundRows(program.id)).toBe(0);
        expect(await audits(program.id, 'reporting_round.create')).toEqual([]);
      });

      it('reports both date problems at once', async () => {
        const { program } = await t.programs.program();
        const { auth } = await t.as('coordinator');
        const res = await t.http().post(api(program.code)).set(auth).send({ ...Q1, periodEnd: '2024-12-31', dueOn: '2024-12-01' }).expect(400);
        expect(res.body.errors).toEqual([
          { field: 'periodEnd', message: 'periodEnd (2024-12-31) must not be before periodStart (2025-01-01)' },
          { field: 'dueOn', message: 'dueOn (2024-12-01) must not be before periodStart (2025-01-01)' },
        ]);
      });
    });
  });

  describe('POST /reporting-rounds/quarterly', () => {
    it('generates the calendar quarters overlapping [from, to], due 15 days after each quarter by default', async () => {
      const { program } = await t.programs.program();
      const { auth, user } = await t.as('coordinator');
      const res = await t.http().post(`${api(program.code)}/quarterly`).set(auth).send({ from: '2025-02-10', to: '2025-12-31' }).expect(201);
      expect(res.body.skipped).toEqual([]);
      expect(res.body.created.map((r: Record<string, string>) => [r.code, r.name, r.periodStart, r.periodEnd, r.dueOn])).toEqual([
        ['2025-Q1', 'Primer trimestre 2025', '2025-01-01', '2025-03-31', '2025-04-15'],
        ['2025-Q2', 'Segundo trimestre 2025', '2025-04-01', '2025-06-30', '2025-07-15'],
        ['2025-Q3', 'Tercer trimestre 2025', '2025-07-01', '2025-09-30', '2025-10-15'],
        ['2025-Q4', 'Cuarto trimestre 2025', '2025-10-01', '2025-12-31', '2026-01-15'],
      ]);
      const rows = await audits(program.id, 'reporting_round.create');
      expect(rows).toHaveLength(4);
      expect(rows[0]).toEqual({ actorId: user.id, entityType: 'reporting_round', entityId: res.body.created[0].id, stateCode: null, after: { ...Q1, generated: 'quarterly' } });
    });

    it('is idempotent: existing codes are skipped and left as they are', async () => {
      const { program } = await t.programs.program();
      const { auth } = await t.as('coordinator');
      await t.http().post(api(program.code)).set(auth).send({ ...Q2, dueOn: '2025-07-31' }).expect(201);
      const first = await t.http().post(`${api(program.code)}/quarterly`).set(auth).send({ from: '2025-01-01', to: '2025-09-30', dueDays: 10 }).expect(201);
      expect(first.body.created.map((r: { code: string }) => r.code)).toEqual(['2025-Q1', '2025-Q3']);
      expect(first.body.created[0].dueOn).toBe('2025-04-10');
      expect(first.body.skipped).toEqual(['2025-Q2']);
      const again = await t.http().post(`${api(program.code)}/quarterly`).set(auth).send({ from: '2025-01-01', to: '2025-09-30', dueDays: 10 }).expect(201);
      expect(again.body).toEqual({ created: [], skipped: ['2025-Q1', '2025-Q2', '2025-Q3'] });
      const more = await t.http().post(`${api(program.code)}/quarterly`).set(auth).send({ from: '2025-01-01', to: '2026-01-01' }).expect(201);
      expect(more.body.created.map((r: { code: string }) => r.code)).toEqual(['2025-Q4', '2026-Q1']);
      expect(await roundRows(program.id)).toBe(5);
      expect(await audits(program.id, 'reporting_round.create')).toHaveLength(5);
      const [q2] = await t.dataSource.query(`SELECT due_on::text AS "dueOn" FROM reporting_round WHERE program_id = $1 AND code = '2025-Q2'`, [program.id]);
      expect(q2.dueOn).toBe('2025-07-31');
    });

    describe('bad input: 400, nothing written', () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['to before from', { from: '2025-06-01', to: '2025-05-31' }, 'to'],
        ['more than 40 quarters', { from: '2025-01-01', to: '2035-01-01' }, 'to'],
        ['bad from', { from: '2025-13-01', to: '2025-12-31' }, 'from'],
        ['missing to', { from: '2025-01-01' }, 'to'],
        ['negative dueDays', { from: '2025-01-01', to: '2025-12-31', dueDays: -1 }, 'dueDays'],
        ['fractional dueDays', { from: '2025-01-01', to: '2025-12-31', dueDays: 1.5 }, 'dueDays'],
        ['dueDays as text', { from: '2025-01-01', to: '2025-12-31', dueDays: '15' }, 'dueDays'],
        ['dueDays null', { from: '2025-01-01', to: '2025-12-31', dueDays: null }, 'dueDays'],
        ['dueDays too large', { from: '2025-01-01', to: '2025-12-31', dueDays: 400 }, 'dueDays'],
        ['unknown field', { from: '2025-01-01', to: '2025-12-31', every: 'month' }, 'every'],
      ];
      it.each(cases)('%s', async (_, body, field) => {
        const { program } = await t.programs.program();
        const { auth } = await t.as('coordinator');
        const res = await t.http().post(`${api(program.code)}/quarterly`).set(auth).send(body);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
        expect(await roundRows(program.id)).toBe(0);
        expect(await audits(program.id, 'reporting_round.create')).toEqual([]);
      });
    });
  });

  describe('POST /reporting-rounds/:roundCode/submissions', () => {
    const submit = (programId: string, roundCode = '2025-Q1') => `${api(programId)}/${roundCode}/submissions`;

    it('the state’s officer submits, dated in the program’s time zone, and it is audited', async () => {
      const program = await withRound();
      const { auth, user } = await t.as('state_officer', '20');
      t.clock.set('2025-04-16T03:00:00Z'); // still 15 April in Mexico City: on time
      const res = await t.http().post(submit(program.code)).set(auth).send({ summary: '  Se concluyó el inventario de datos.  ' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        roundCode: '2025-Q1',
        stateCode: '20',
        summary: 'Se concluyó el inventario de datos.',
        submittedAt: '2025-04-16T03:00:00.000Z',
        submittedOn: '2025-04-15',
        onTime: true,
        submittedBy: { id: user.id, name: user.name },
      });
      const [row] = await t.dataSource.query(`SELECT submitted_on::text AS "submittedOn", submitted_at AS "submittedAt", author_id AS "authorId" FROM reporting_round_submission WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ submittedOn: '2025-04-15', submittedAt: new Date('2025-04-16T03:00:00Z'), authorId: user.id });
      expect(await audits(program.id, 'reporting_round.submit')).toEqual([
        {
          actorId: user.id,
          entityType: 'reporting_round_submission',
          entityId: res.body.id,
          stateCode: '20',
          after: { roundCode: '2025-Q1', summary: 'Se concluyó el inventario de datos.', submittedOn: '2025-04-15', onTime: true, onBehalf: false },
        },
      ]);
    });

    it('after the due date it is recorded as late', async () => {
      const program = await withRound();
      const { auth } = await t.as('state_officer', '20');
      t.clock.set('2025-04-16T07:00:00Z'); // 16 April in Mexico City
      const res = await t.http().post(submit(program.code)).set(auth).send({ stateCode: '20', summary: 'Informe tardío.' }).expect(201);
      expect(res.body).toMatchObject({ submittedOn: '2025-04-16', onTime: false });
    });

    it('a second submission of the same round and state is 409, and the first stays as it was', async () => {
      const program = await withRound();
      const { auth } = await t.as('state_officer', '20');
      const first = await t.http().post(submit(program.code)).set(auth).send({ summary: 'Primera versión.' }).expect(201);
      const coordinator = await t.as('coordinator');
      for (const [headers, body] of [[auth, { summary: 'Corrección.' }], [coordinator.auth, { stateCode: '20', summary: 'En nombre del estado.' }]] as const) {
        const res = await t.http().post(submit(program.code)).set(headers).send(body).expect(409);
        expect(res.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('already submitted') });
      }
      expect(await t.dataSource.query('SELECT id, summary FROM reporting_round_submission')).toEqual(expect.arrayContaining([{ id: first.body.id, summary: 'Primera versión.' }]));
      expect(await submissionRows(program.id)).toBe(1);
      expect(await audits(program.id, 'reporting_round.submit')).toHaveLength(1);
    });

    it('two concurrent submissions: exactly one wins', async () => {
      const program = await withRound();
      const officer = await t.as('state_officer', '20');
      const coordinator = await t.as('coordinator');
      const results = await Promise.all([
        t.http().post(submit(program.code)).set(officer.auth).send({ summary: 'Desde el estado.' }),
        t.http().post(submit(program.code)).set(coordinator.auth).send({ stateCode: '20', summary: 'Desde la coordinación.' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await submissionRows(program.id)).toBe(1);
      expect(await audits(program.id, 'reporting_round.submit')).toHaveLength(1);
    });

    it('when both get past every check before either inserts, the unique key lets one through (409 for the other, no 500)', async () => {
      const program = await withRound();
      const officer = await t.as('state_officer', '20');
      const coordinator = await t.as('coordinator');
      // Hold the participation so both requests queue on their (shared) lock, then release them together.
      const blocker = t.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`SELECT id FROM participation WHERE program_id = $1 AND state_code = '20' FOR UPDATE`, [program.id]);
      const writes = Promise.all([
        t.http().post(submit(program.code)).set(officer.auth).send({ summary: 'Desde el estado.' }).then((r) => r),
        t.http().post(submit(program.code)).set(coordinator.auth).send({ stateCode: '20', summary: 'Desde la coordinación.' }).then((r) => r),
      ]);
      try {
        for (let i = 0; i < 200; i++) {
          const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FROM "participation"%'`);
          if (n === 2) break;
          await new Promise((r) => setTimeout(r, 25));
        }
      } finally {
        await blocker.commitTransaction();
        await blocker.release();
      }
      const results = await writes;
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await submissionRows(program.id)).toBe(1);
      expect(await audits(program.id, 'reporting_round.submit')).toHaveLength(1);
    });

    it('a coordinator records a submission on a state’s behalf, naming the state', async () => {
      const program = await withRound();
      const { auth, user } = await t.as('coordinator');
      const missing = await t.http().post(submit(program.code)).set(auth).send({ summary: 'Recibido por oficio.' }).expect(400);
      expect(missing.body.errors).toEqual([{ field: 'stateCode', message: expect.any(String) }]);
      const res = await t.http().post(submit(program.code)).set(auth).send({ stateCode: '20', summary: 'Recibido por oficio.' }).expect(201);
      expect(res.body).toMatchObject({ stateCode: '20', submittedBy: { id: user.id, name: user.name } });
      expect((await audits(program.id, 'reporting_round.submit'))[0]).toMatchObject({ actorId: user.id, stateCode: '20', after: { onBehalf: true } });
    });

    it.each<[string, Role, string | undefined, Record<string, unknown>, number]>([
      ['an officer of another state, for state 20', 'state_officer', '11', { stateCode: '20', summary: 'x' }, 403],
      ['an officer for another state than its own', 'state_officer', '20', { stateCode: '11', summary: 'x' }, 403],
      ['a reviewer', 'reviewer', undefined, { stateCode: '20', summary: 'x' }, 403],
      ['an admin', 'admin', undefined, { stateCode: '20', summary: 'x' }, 403],
    ])('%s may not submit (%#)', async (_, role, stateCode, body, status) => {
      const program = await withRound();
      await t.programs.enrol(program.id, '11', '2024-12-01');
      const { auth } = await t.as(role, stateCode);
      await t.http().post(submit(program.code)).set(auth).send(body).expect(status);
      expect(await submissionRows(program.id)).toBe(0);
      expect(await audits(program.id, 'reporting_round.submit')).toEqual([]);
    });

    it('an officer of another state is refused (403) before anything is looked up', async () => {
      const { auth } = await t.as('state_officer', '11');
      await t.http().post(submit('no-such-program', 'no-such-round')).set(auth).send({ stateCode: '20', summary: 'x' }).expect(403);
    });

    it('409 when the state was not expected: joined after the period, or withdrew before it; 404 when not participating', async () => {
      const { program } = await t.programs.program();
      await t.programs.enrol(program.id, '30', '2025-04-01'); // joined the day after Q1 ended
      await t.programs.enrol(program.id, '28', '2024-06-01', '2025-01-01'); // exit on the first day of Q1
      const { auth } = await t.as('coordinator');
      await t.http().post(api(program.code)).set(auth).send(Q1).expect(201);
      for (const stateCode of ['30', '28']) {
        const res = await t.http().post(submit(program.code)).set(auth).send({ stateCode, summary: 'Informe.' }).expect(409);
        expect(res.body.message).toContain('not expected');
      }
      await t.http().post(submit(program.code)).set(auth).send({ stateCode: '07', summary: 'Informe.' }).expect(404);
      expect(await submissionRows(program.id)).toBe(0);
      expect(await audits(program.id, 'reporting_round.submit')).toEqual([]);
    });

    it('a state that joined mid-period, or withdrew mid-period, is expected and may submit', async () => {
      const { program } = await t.programs.program();
      await t.programs.enrol(program.id, '11', '2025-02-15');
      await t.programs.enrol(program.id, '22', '2024-06-01', '2025-02-01');
      const { auth } = await t.as('coordinator');
      await t.http().post(api(program.code)).set(auth).send(Q1).expect(201);
      await t.http().post(submit(program.code)).set(auth).send({ stateCode: '11', summary: 'Informe.' }).expect(201);
      await t.http().post(submit(program.code)).set(auth).send({ stateCode: '22', summary: 'Informe final.' }).expect(201);
    });

    it('409 before the round’s period has begun; 404 for an unknown round', async () => {
      const program = await withRound(Q2);
      const { auth } = await t.as('state_officer', '20');
      t.clock.set('2025-03-31');
      const early = await t.http().post(submit(program.code, '2025-Q2')).set(auth).send({ summary: 'Adelantado.' }).expect(409);
      expect(early.body.message).toContain('before its period begins');
      await t.http().post(submit(program.code, '2025-Q9')).set(auth).send({ summary: 'x' }).expect(404);
      t.clock.set('2025-04-01');
      await t.http().post(submit(program.code, '2025-Q2')).set(auth).send({ summary: 'Durante el periodo.' }).expect(201);
    });

    describe('bad input: 400 with field messages, nothing written', () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['empty summary', { summary: '' }, 'summary'],
        ['blank summary', { summary: ' \n\t ' }, 'summary'],
        ['missing summary', {}, 'summary'],
        ['summary as number', { summary: 12 }, 'summary'],
        ['summary over 2000 characters', { summary: 'x'.repeat(2001) }, 'summary'],
        ['summary null', { summary: null }, 'summary'],
        ['malformed stateCode', { stateCode: 'OAX', summary: 'Informe.' }, 'stateCode'],
        ['stateCode null', { stateCode: null, summary: 'Informe.' }, 'stateCode'],
        ['unknown field', { summary: 'Informe.', reportId: '2a3b' }, 'reportId'],
      ];
      it.each(cases)('%s', async (_, body, field) => {
        const program = await withRound();
        const { auth } = await t.as('state_officer', '20');
        const res = await t.http().post(submit(program.code)).set(auth).send(body);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
        expect(await submissionRows(program.id)).toBe(0);
        expect(await audits(program.id, 'reporting_round.submit')).toEqual([]);
      });

      it('a summary of exactly 2000 characters is fine', async () => {
        const program = await withRound();
        const { auth } = await t.as('state_officer', '20');
        await t.http().post(submit(program.code)).set(auth).send({ summary: 'á'.repeat(2000) }).expect(201);
      });
    });
  });

  /**
   * The hand-computed case. Rounds Q1 (due 04-15) and Q2 (due 07-15). States:
   *   20 joined 2024-12-01                    expected Q1, Q2   Q1 on 04-10 (on time)  Q2 on 07-15 (on time, the due day)
   *   11 joined 2025-02-15 (mid Q1)           expected Q1, Q2   Q1 on 04-20 (late)     Q2 none
   *   30 joined 2025-04-10 (after Q1)         expected Q2 only                         Q2 on 07-01 (on time)
   *   22 withdrew 2025-02-01 (mid Q1)         expected Q1 only  Q1 none
   *   28 withdrew 2024-12-31 (before Q1)      expected neither
   * Q1: expected 3 (20, 11, 22), submitted 2, on time 1 → 66.7 % / 33.3 %
   * Q2: expected 3 (20, 11, 30), submitted 2, on time 2 → 66.7 % / 66.7 %
   * National as of 07-31: 6 expected, 4 submitted, 3 on time → 66.7 % / 50 %.
   */
  describe('figures: per round, per state, nationally, as of a date', () => {
    let programId: string;
    let programCode: string;
    const summaries: Record<string, string> = {};

    beforeAll(async () => {
      const { program } = await t.programs.program();
      programId = program.id;
      programCode = program.code;
      await t.programs.enrol(program.id, '20', '2024-12-01');
      await t.programs.enrol(program.id, '11', '2025-02-15');
      await t.programs.enrol(program.id, '30', '2025-04-10');
      await t.programs.enrol(program.id, '22', '2024-06-01', '2025-02-01');
      await t.programs.enrol(program.id, '28', '2024-06-01', '2024-12-31');
      const { auth } = await t.as('coordinator');
      t.clock.set('2025-01-02');
      await t.http().post(`${api(programCode)}/quarterly`).set(auth).send({ from: '2025-01-01', to: '2025-06-30' }).expect(201);
      const deliveries: [string, string, string][] = [
        ['2025-Q1', '20', '2025-04-10'],
        ['2025-Q1', '11', '2025-04-20'],
        ['2025-Q2', '30', '2025-07-01'],
        ['2025-Q2', '20', '2025-07-15'],
      ];
      for (const [round, stateCode, date] of deliveries) {
        t.clock.set(date);
        summaries[`${round}:${stateCode}`] = `Resumen ${round} del estado ${stateCode}.`;
        const officer = await t.as('state_officer', stateCode);
        await t.http().post(`${api(programCode)}/${round}/submissions`).set(officer.auth).send({ summary: summaries[`${round}:${stateCode}`] }).expect(201);
      }
    });

    const figures = (expected: number, submitted: number, onTime: number, completeness: number | null, timeliness: number | null) => ({ expected, submitted, onTime, completeness, timeliness });

    it('lists each round with its counts, and national figures over the rounds due by asOf', async () => {
      const { auth } = await t.as('state_officer', '28');
      const res = await t.http().get(`${api(programCode)}?asOf=2025-07-31`).set(auth).expect(200);
      expect(res.body).toEqual({
        asOf: '2025-07-31',
        national: figures(6, 4, 3, 66.7, 50),
        rounds: [
          { id: expect.any(String), code: '2025-Q1', name: 'Primer trimestre 2025', periodStart: '2025-01-01', periodEnd: '2025-03-31', dueOn: '2025-04-15', phase: 'closed', due: true, ...figures(3, 2, 1, 66.7, 33.3) },
          { id: expect.any(String), code: '2025-Q2', name: 'Segundo trimestre 2025', periodStart: '2025-04-01', periodEnd: '2025-06-30', dueOn: '2025-07-15', phase: 'closed', due: true, ...figures(3, 2, 2, 66.7, 66.7) },
        ],
      });
    });

    it.each([
      ['2025-04-14', figures(0, 0, 0, null, null), [figures(3, 1, 1, 33.3, 33.3), figures(3, 0, 0, 0, 0)]], // Q1 not due yet: not counted
      ['2025-04-15', figures(3, 1, 1, 33.3, 33.3), [figures(3, 1, 1, 33.3, 33.3), figures(3, 0, 0, 0, 0)]], // 11's late delivery not made yet
      ['2025-04-30', figures(3, 2, 1, 66.7, 33.3), [figures(3, 2, 1, 66.7, 33.3), figures(3, 0, 0, 0, 0)]],
      ['2025-07-14', figures(3, 2, 1, 66.7, 33.3), [figures(3, 2, 1, 66.7, 33.3), figures(3, 1, 1, 33.3, 33.3)]], // Q2 not due yet
      ['2025-07-15', figures(6, 4, 3, 66.7, 50), [figures(3, 2, 1, 66.7, 33.3), figures(3, 2, 2, 66.7, 66.7)]],
    ])('as of %s', async (asOf, national, perRound) => {
      const { auth } = await t.as('reviewer');
      const res = await t.http().get(`${api(programCode)}?asOf=${asOf}`).set(auth).expect(200);
      expect(res.body.national).toEqual(national);
      expect(res.body.rounds.map((r: Record<string, unknown>) => ({ expected: r.expected, submitted: r.submitted, onTime: r.onTime, completeness: r.completeness, timeliness: r.timeliness }))).toEqual(perRound);
    });

    it('defaults asOf to today in the program’s time zone, and refuses a bad asOf (400)', async () => {
      const { auth } = await t.as('reviewer');
      t.clock.set('2025-04-16T05:00:00Z'); // 15 April in Mexico City
      const res = await t.http().get(api(programCode)).set(auth).expect(200);
      expect(res.body).toMatchObject({ asOf: '2025-04-15', national: figures(3, 1, 1, 33.3, 33.3) });
      const bad = await t.http().get(`${api(programCode)}?asOf=2025-04-31`).set(auth).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'asOf', message: expect.any(String) }]);
      await t.http().get(`${api(programCode)}?asOf=2025-04-15&extra=1`).set(auth).expect(400);
      await t.http().get(api('no-such-program')).set(auth).expect(404);
      await t.http().get(api(programCode)).expect(401);
    });

    it('ReportingRoundsService.timeliness: national and per state, over rounds due by asOf (what IND-10 reads)', async () => {
      const service = t.app.get(ReportingRoundsService);
      const close = (f: { completeness: number | null; timeliness: number | null }) => ({ ...f, completeness: f.completeness === null ? null : Number(f.completeness.toFixed(6)), timeliness: f.timeliness === null ? null : Number(f.timeliness.toFixed(6)) });
      expect(close(await service.timeliness(programId, '2025-07-31'))).toEqual(figures(6, 4, 3, 66.666667, 50));
      expect(await service.timeliness(programCode, '2025-04-14')).toEqual(figures(0, 0, 0, null, null));
      expect(close(await service.timeliness(programId, '2025-04-15'))).toEqual(figures(3, 1, 1, 33.333333, 33.333333));
      expect(await service.timeliness(programId, '2025-07-31', '20')).toEqual(figures(2, 2, 2, 100, 100));
      expect(await service.timeliness(programId, '2025-07-31', '11')).toEqual(figures(2, 1, 0, 50, 0));
      expect(await service.timeliness(programId, '2025-07-31', '30')).toEqual(figures(1, 1, 1, 100, 100));
      expect(await service.timeliness(programId, '2025-07-31', '22')).toEqual(figures(1, 0, 0, 0, 0));
      expect(await service.timeliness(programId, '2025-07-31', '28')).toEqual(figures(0, 0, 0, null, null));
      expect(await service.timeliness(programId, '2025-04-30', '11')).toEqual(figures(1, 1, 0, 100, 0));
      expect(await service.timeliness(programId, '2025-04-30', '30')).toEqual(figures(0, 0, 0, null, null)); // Q1 did not count for it
      const all = await service.timelinessByState(programId, '2025-07-31');
      expect(close(all.national)).toEqual(figures(6, 4, 3, 66.666667, 50));
      expect(all.states).toEqual([
        { stateCode: '11', ...figures(2, 1, 0, 50, 0) },
        { stateCode: '20', ...figures(2, 2, 2, 100, 100) },
        { stateCode: '22', ...figures(1, 0, 0, 0, 0) },
        { stateCode: '28', ...figures(0, 0, 0, null, null) },
        { stateCode: '30', ...figures(1, 1, 1, 100, 100) },
      ]);
    });

    it('one round: a row per state; officers of other states see the flags but not the summaries', async () => {
      const officer30 = await t.as('state_officer', '30');
      const res = await t.http().get(`${api(programCode)}/2025-Q2?asOf=2025-07-31`).set(officer30.auth).expect(200);
      expect(res.body).toMatchObject({ code: '2025-Q2', asOf: '2025-07-31', ...figures(3, 2, 2, 66.7, 66.7) });
      const officer20 = await t.as('state_officer', '20');
      expect(res.body.states).toEqual([
        { stateCode: '11', stateName: 'Guanajuato', expected: true, status: 'overdue', submittedOn: null, submittedAt: null, onTime: false },
        { stateCode: '20', stateName: 'Oaxaca', expected: true, status: 'submitted', submittedOn: '2025-07-15', submittedAt: '2025-07-15T18:00:00.000Z', onTime: true },
        { stateCode: '22', stateName: 'Querétaro', expected: false, status: 'not_expected', submittedOn: null, submittedAt: null, onTime: false },
        { stateCode: '28', stateName: 'Tamaulipas', expected: false, status: 'not_expected', submittedOn: null, submittedAt: null, onTime: false },
        {
          stateCode: '30',
          stateName: 'Veracruz de Ignacio de la Llave',
          expected: true,
          status: 'submitted',
          submittedOn: '2025-07-01',
          submittedAt: '2025-07-01T18:00:00.000Z',
          onTime: true,
          summary: summaries['2025-Q2:30'],
          submittedBy: { id: officer30.user.id, name: officer30.user.name },
        },
      ]);
      const reviewer = await t.as('reviewer');
      const all = await t.http().get(`${api(programCode)}/2025-Q2?asOf=2025-07-31`).set(reviewer.auth).expect(200);
      const row20 = all.body.states.find((s: { stateCode: string }) => s.stateCode === '20');
      expect(row20).toMatchObject({ summary: summaries['2025-Q2:20'], submittedBy: { id: officer20.user.id } });
      expect(all.body.states.filter((s: Record<string, unknown>) => 'summary' in s)).toHaveLength(2);
    });

    it('one round as of an earlier date: later deliveries do not exist yet', async () => {
      const { auth } = await t.as('coordinator');
      const res = await t.http().get(`${api(programCode)}/2025-Q1?asOf=2025-04-16`).set(auth).expect(200);
      const byState = Object.fromEntries(res.body.states.map((s: { stateCode: string; status: string }) => [s.stateCode, s.status]));
      expect(byState).toEqual({ '11': 'overdue', '20': 'submitted', '22': 'overdue', '28': 'not_expected', '30': 'not_expected' });
      expect(res.body).toMatchObject(figures(3, 1, 1, 33.3, 33.3));
      await t.http().get(`${api(programCode)}/2025-Q7`).set(auth).expect(404);
    });

    it('a state’s rounds: status in each, and its totals over rounds due by asOf', async () => {
      const { auth } = await t.as('state_officer', '11');
      const res = await t.http().get(`/api/v1/programs/${programCode}/states/11/reporting-rounds?asOf=2025-07-10`).set(auth).expect(200);
      expect(res.body).toEqual({
        stateCode: '11',
        stateName: 'Guanajuato',
        asOf: '2025-07-10',
        totals: figures(1, 1, 0, 100, 0),
        rounds: [
          {
            code: '2025-Q1',
            name: 'Primer trimestre 2025',
            periodStart: '2025-01-01',
            periodEnd: '2025-03-31',
            dueOn: '2025-04-15',
            expected: true,
            status: 'late',
            submittedOn: '2025-04-20',
            submittedAt: '2025-04-20T18:00:00.000Z',
            onTime: false,
            summary: summaries['2025-Q1:11'],
            submittedBy: { id: expect.any(String), name: expect.any(String) },
          },
          { code: '2025-Q2', name: 'Segundo trimestre 2025', periodStart: '2025-04-01', periodEnd: '2025-06-30', dueOn: '2025-07-15', expected: true, status: 'pending', submittedOn: null, submittedAt: null, onTime: false, summary: null, submittedBy: null },
        ],
      });
      const later = await t.http().get(`/api/v1/programs/${programCode}/states/11/reporting-rounds?asOf=2025-07-16`).set(auth).expect(200);
      expect(later.body.totals).toEqual(figures(2, 1, 0, 50, 0));
      expect(later.body.rounds.map((r: { status: string }) => r.status)).toEqual(['late', 'overdue']);
      const reviewer = await t.as('reviewer');
      const s30 = await t.http().get(`/api/v1/programs/${programCode}/states/30/reporting-rounds?asOf=2025-07-31`).set(reviewer.auth).expect(200);
      expect(s30.body.rounds.map((r: { status: string; expected: boolean }) => [r.status, r.expected])).toEqual([['not_expected', false], ['submitted', true]]);
      expect(s30.body.totals).toEqual(figures(1, 1, 1, 100, 100));
    });

    it('a state’s rounds follow the read rule: another state’s officer 403, not participating 404', async () => {
      const { auth } = await t.as('state_officer', '20');
      await t.http().get(`/api/v1/programs/${programCode}/states/11/reporting-rounds`).set(auth).expect(403);
      const reviewer = await t.as('reviewer');
      await t.http().get(`/api/v1/programs/${programCode}/states/07/reporting-rounds`).set(reviewer.auth).expect(404);
    });

    it('nothing in this case broke a rule: one audit per round and per delivery', async () => {
      expect(await audits(programId, 'reporting_round.create')).toHaveLength(2);
      expect(await audits(programId, 'reporting_round.submit')).toHaveLength(4);
    });
  });
});
