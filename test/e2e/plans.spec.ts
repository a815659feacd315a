import type { ActivitySpec } from '../../libs/testing/src/factories/program.factory.js';
import { CALLERS, callerHeaders, type Caller } from '../../libs/testing/src/callers.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Program order on purpose differs from code order ("10.1" sorts before "2.1" as text).
const ACTIVITIES: ActivitySpec[] = [
  { code: '1.1', startDay: 0, durationDays: 30, weight: 1 },
  { code: '1.2', startDay: 15, durationDays: 45, weight: 2 },
  { code: '1.3', startDay: 60, durationDays: 30, optional: true },
  { code: '4.3', phase: 4, level: 'institution', startDay: 240, durationDays: 90, weight: 2 },
  { code: '10.1', phase: 5, startDay: 420, durationDays: 45 },
  { code: '2.1', phase: 2, startDay: 60, durationDays: 0 },
];
const JOINED = '2025-01-15';
const J = 'La entidad pidió ampliar el plazo por el cambio de administración.';

describe('State plans: reading and re-planning', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const api = (programId: string, stateCode = '20') => `/api/v1/programs/${programId}/states/${stateCode}/plan`;

  /** A program with ACTIVITIES and state 20 enrolled through the API (so the plan is the one joining makes). */
  async function enrolled(stateCode = '20') {
    const fixture = await t.programs.program(ACTIVITIES);
    const { auth } = await t.as('coordinator');
    await t.http().post(`/api/v1/programs/${fixture.program.code}/states`).set(auth).send({ stateCode, joinedOn: JOINED }).expect(201);
    return fixture;
  }

  async function itemRow(programId: string, activityCode: string, stateCode = '20') {
    const [row] = await t.dataSource.query(
      `SELECT i.included, i.planned_start::text AS "plannedStart", i.planned_due::text AS "plannedDue", i.original_start::text AS "originalStart",
              i.original_due::text AS "originalDue", i.version
         FROM plan_item i JOIN activity a ON a.id = i.activity_id JOIN participation p ON p.id = i.participation_id
        WHERE p.program_id = $1 AND p.state_code = $2 AND a.code = $3`,
      [programId, stateCode, activityCode],
    );
    return row as { included: boolean; plannedStart: string; plannedDue: string; originalStart: string; originalDue: string; version: number };
  }

  async function auditRows(programId: string, action = 'plan_item.replan') {
    return t.dataSource.query(`SELECT actor_id AS "actorId", entity_id AS "entityId", state_code AS "stateCode", before, after, justification FROM audit_event WHERE program_id = $1 AND action = $2 ORDER BY id`, [programId, action]);
  }

  describe('GET plan', () => {
    it('dates every item from the join date and the activity offsets, in program order', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      const res = await t.http().get(api(program.code)).set(auth).expect(200);
      expect(res.body).toMatchObject({ programId: program.id, programCode: program.code, stateCode: '20', stateName: 'Oaxaca', joinedOn: JOINED, exitedOn: null });
      expect(res.body.items.map((i: { activityCode: string }) => i.activityCode)).toEqual(['1.1', '1.2', '1.3', '4.3', '10.1', '2.1']);
      const byCode = Object.fromEntries(res.body.items.map((i: { activityCode: string }) => [i.activityCode, i]));
      expect(byCode['1.1']).toEqual({
        id: expect.any(String),
        activityCode: '1.1', activityName: 'Actividad 1.1', phase: 1, level: 'state', optional: false, weight: 1, included: true,
        plannedStart: '2025-01-15', plannedDue: '2025-02-14', originalStart: '2025-01-15', originalDue: '2025-02-14', replanned: false, version: 1,
      });
      expect(byCode['1.2']).toMatchObject({ plannedStart: '2025-01-30', plannedDue: '2025-03-16', weight: 2 });
      expect(byCode['1.3']).toMatchObject({ plannedStart: '2025-03-16', plannedDue: '2025-04-15', optional: true });
      expect(byCode['4.3']).toMatchObject({ plannedStart: '2025-09-12', plannedDue: '2025-12-11', phase: 4, level: 'institution' });
      expect(byCode['10.1']).toMatchObject({ plannedStart: '2026-03-11', plannedDue: '2026-04-25', phase: 5 });
      expect(byCode['2.1']).toMatchObject({ plannedStart: '2025-03-16', plannedDue: '2025-03-16' });
    });

    it('accepts the program id as well as its code', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('reviewer');
      const res = await t.http().get(api(program.id)).set(auth).expect(200);
      expect(res.body.items).toHaveLength(ACTIVITIES.length);
    });

    it('answers 404 for an unknown program or a state that does not participate', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      expect((await t.http().get(api('no-such-program')).set(auth).expect(404)).body).toMatchObject({ statusCode: 404, errors: [] });
      await t.http().get(api(program.code, '21')).set(auth).expect(404);
    });
  });

  describe('PATCH plan item (re-plan)', () => {
    // A state officer's later due date waits for the coordination (test/e2e/replan-approval.spec.ts); the
    // coordination's re-plan, and an officer's that does not move the due date later, apply at once.
    it('moves the dates, keeps the originals, bumps the version and audits the change with its justification', async () => {
      const { program } = await enrolled();
      const { auth, user } = await t.as('coordinator');
      const res = await t.http().patch(`${api(program.code)}/1.2`).set(auth).send({ plannedStart: '2025-02-15', plannedDue: '2025-04-30', justification: `  ${J} `, version: 1 }).expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toEqual({
        id: expect.any(String),
        activityCode: '1.2', activityName: 'Actividad 1.2', phase: 1, level: 'state', optional: false, weight: 2, included: true,
        plannedStart: '2025-02-15', plannedDue: '2025-04-30', originalStart: '2025-01-30', originalDue: '2025-03-16', replanned: true, version: 2,
      });
      expect(await itemRow(program.id, '1.2')).toEqual({ included: true, plannedStart: '2025-02-15', plannedDue: '2025-04-30', originalStart: '2025-01-30', originalDue: '2025-03-16', version: 2 });

      const audit = await auditRows(program.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actorId: user.id,
        stateCode: '20',
        justification: J,
        before: { activityCode: '1.2', included: true, plannedStart: '2025-01-30', plannedDue: '2025-03-16', version: 1 },
        after: { activityCode: '1.2', included: true, plannedStart: '2025-02-15', plannedDue: '2025-04-30', version: 2 },
      });

      // The plan shows it as re-planned; the other items are untouched.
      const plan = (await t.http().get(api(program.code)).set(auth).expect(200)).body;
      expect(plan.items.filter((i: { replanned: boolean }) => i.replanned).map((i: { activityCode: string }) => i.activityCode)).toEqual(['1.2']);
    });

    it('a second re-plan from an earlier edit still keeps the dates computed at join time', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      await t.http().patch(`${api(program.code)}/1.1`).set(auth).send({ plannedDue: '2025-03-01', justification: J, version: 1 }).expect(200);
      const res = await t.http().patch(`${api(program.code)}/1.1`).set(auth).send({ plannedStart: '2025-01-20', justification: J, version: 2 }).expect(200);
      expect(res.body).toMatchObject({ plannedStart: '2025-01-20', plannedDue: '2025-03-01', originalStart: '2025-01-15', originalDue: '2025-02-14', version: 3 });
      // Moving the dates back to the original ones makes the item plain again.
      const back = await t.http().patch(`${api(program.code)}/1.1`).set(auth).send({ plannedStart: '2025-01-15', plannedDue: '2025-02-14', justification: J }).expect(200);
      expect(back.body).toMatchObject({ replanned: false, version: 4 });
    });

    it('excludes and re-includes optional activities only', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      const out = await t.http().patch(`${api(program.code)}/1.3`).set(auth).send({ included: false, justification: J }).expect(200);
      expect(out.body).toMatchObject({ included: false, replanned: true, plannedStart: '2025-03-16', version: 2 });
      const back = await t.http().patch(`${api(program.code)}/1.3`).set(auth).send({ included: true, justification: J, version: 2 }).expect(200);
      expect(back.body).toMatchObject({ included: true, replanned: false, version: 3 });

      const refused = await t.http().patch(`${api(program.code)}/1.1`).set(auth).send({ included: false, justification: J }).expect(400);
      expect(refused.body).toMatchObject({ statusCode: 400, errors: [{ field: 'included', message: 'activity 1.1 is not optional and cannot be excluded' }] });
      expect(await itemRow(program.id, '1.1')).toMatchObject({ included: true, version: 1 });
      expect(await auditRows(program.id)).toHaveLength(2);
    });

    it('refuses a due date before the start (400 on plannedDue) and changes nothing', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      const res = await t.http().patch(`${api(program.code)}/1.1`).set(auth).send({ plannedDue: '2025-01-14', justification: J }).expect(400);
      expect(res.body.errors).toEqual([{ field: 'plannedDue', message: 'plannedDue (2025-01-14) must not be before plannedStart (2025-01-15)' }]);
      const moved = await t.http().patch(`${api(program.code)}/1.1`).set(auth).send({ plannedStart: '2025-02-20', justification: J }).expect(400);
      expect(moved.body.errors.map((e: { field: string }) => e.field)).toEqual(['plannedDue']);
      expect(await itemRow(program.id, '1.1')).toMatchObject({ plannedStart: '2025-01-15', plannedDue: '2025-02-14', version: 1 });
      expect(await auditRows(program.id)).toHaveLength(0);
    });

    it('needs a change: only a justification, or the same values, is a 400', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      const none = await t.http().patch(`${api(program.code)}/1.1`).set(auth).send({ justification: J }).expect(400);
      expect(none.body.errors).toEqual([{ field: 'body', message: 'send at least one of included, plannedStart, plannedDue' }]);
      const same = await t.http().patch(`${api(program.code)}/1.1`).set(auth).send({ plannedStart: '2025-01-15', included: true, justification: J }).expect(400);
      expect(same.body.errors).toEqual([{ field: 'body', message: 'nothing changes: the item already has these values' }]);
      expect(await itemRow(program.id, '1.1')).toMatchObject({ version: 1 });
      expect(await auditRows(program.id)).toHaveLength(0);
    });

    it('of two edits from the same version the first wins and the second gets 409; the row shows the first', async () => {
      const { program } = await enrolled();
      const { auth: coordinator } = await t.as('coordinator');
      const { auth: officer } = await t.as('state_officer', '20');
      // The officer brings the due date earlier (applies at once, no approval needed).
      await t.http().patch(`${api(program.code)}/1.2`).set(officer).send({ plannedDue: '2025-03-10', justification: 'primera', version: 1 }).expect(200);
      const second = await t.http().patch(`${api(program.code)}/1.2`).set(coordinator).send({ plannedDue: '2025-05-01', justification: 'segunda', version: 1 }).expect(409);
      expect(second.body).toMatchObject({ statusCode: 409, errors: [{ field: 'version' }] });
      expect(second.body.message).toContain('version 1');
      expect(await itemRow(program.id, '1.2')).toMatchObject({ plannedDue: '2025-03-10', version: 2 });
      expect((await auditRows(program.id)).map((a: { justification: string }) => a.justification)).toEqual(['primera']);
    });

    it('when both writers read the same version before either writes, the conditional UPDATE lets only one through', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      const [{ id }] = await t.dataSource.query(`SELECT i.id FROM plan_item i JOIN activity a ON a.id = i.activity_id JOIN participation p ON p.id = i.participation_id WHERE p.program_id = $1 AND a.code = '1.2'`, [program.id]);
      // Hold the row so both requests read version 1 and then queue on their UPDATE.
      const blocker = t.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT id FROM plan_item WHERE id = $1 FOR UPDATE', [id]);
      const writes = Promise.all(['2025-04-01', '2025-04-02'].map((plannedDue) => t.http().patch(`${api(program.code)}/1.2`).set(auth).send({ plannedDue, justification: J, version: 1 }).then((r) => r)));
      try {
        for (let i = 0; i < 200; i++) {
          const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE "plan_item"%'`);
          if (n === 2) break;
          await new Promise((r) => setTimeout(r, 25));
        }
      } finally {
        await blocker.commitTransaction();
        await blocker.release();
      }
      const results = await writes;
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!.body;
      expect(await itemRow(program.id, '1.2')).toMatchObject({ plannedDue: winner.plannedDue, version: 2 });
      expect(await auditRows(program.id)).toHaveLength(1);
    });

    it('under many simultaneous writes from the same version exactly one wins', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      const dues = ['2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04'];
      const results = await Promise.all(dues.map((plannedDue) => t.http().patch(`${api(program.code)}/1.2`).set(auth).send({ plannedDue, justification: J, version: 1 })));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409]);
      const winner = results.find((r) => r.status === 200)!.body;
      expect(await itemRow(program.id, '1.2')).toMatchObject({ plannedDue: winner.plannedDue, version: 2 });
      expect(await auditRows(program.id)).toHaveLength(1);
    });

    it('takes the version from If-Match too (as sent back from the ETag)', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      const first = await t.http().patch(`${api(program.code)}/1.2`).set(auth).set('If-Match', '"1"').send({ plannedDue: '2025-04-01', justification: J }).expect(200);
      const etag = first.headers.etag;
      expect(etag).toBe('"2"');
      await t.http().patch(`${api(program.code)}/1.2`).set(auth).set('If-Match', etag).send({ plannedDue: '2025-04-02', justification: J }).expect(200);
      await t.http().patch(`${api(program.code)}/1.2`).set(auth).set('If-Match', 'W/"3"').send({ plannedDue: '2025-04-03', justification: J }).expect(200);
      const stale = await t.http().patch(`${api(program.code)}/1.2`).set(auth).set('If-Match', etag).send({ plannedDue: '2025-04-09', justification: J }).expect(409);
      expect(stale.body.message).toContain('version 4');
      const bad = await t.http().patch(`${api(program.code)}/1.2`).set(auth).set('If-Match', 'abc').send({ plannedDue: '2025-04-09', justification: J }).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'If-Match', message: expect.any(String) }]);
      const disagree = await t.http().patch(`${api(program.code)}/1.2`).set(auth).set('If-Match', '"4"').send({ plannedDue: '2025-04-09', justification: J, version: 3 }).expect(400);
      expect(disagree.body.errors.map((e: { field: string }) => e.field)).toEqual(['version']);
      expect(await itemRow(program.id, '1.2')).toMatchObject({ plannedDue: '2025-04-03', version: 4 });
      expect(await auditRows(program.id)).toHaveLength(3);
    });

    it('refuses any change once the state has withdrawn (409), and 404 for an activity not in the plan', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      await t.http().patch(`${api(program.code)}/9.9`).set(auth).send({ plannedDue: '2025-04-01', justification: J }).expect(404);
      await t.http().patch(`/api/v1/programs/${program.code}/states/20`).set(auth).send({ exitedOn: '2025-06-30', justification: 'Retiro' }).expect(200);
      const res = await t.http().patch(`${api(program.code)}/1.2`).set(auth).send({ plannedDue: '2025-04-01', justification: J, version: 1 }).expect(409);
      expect(res.body.message).toContain('withdrew');
      expect(await itemRow(program.id, '1.2')).toMatchObject({ plannedDue: '2025-03-16', version: 1 });
      expect(await auditRows(program.id)).toHaveLength(0);
      // Withdrawal keeps the plan readable.
      expect((await t.http().get(api(program.code)).set(auth).expect(200)).body).toMatchObject({ exitedOn: '2025-06-30', items: expect.any(Array) });
    });

    describe('bad input: 400 with field messages, nothing changed, never a 500', () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['unknown field', { plannedDue: '2025-04-01', justification: J, priority: 'high' }, 'priority'],
        ['original dates cannot be sent', { originalDue: '2025-04-01', plannedDue: '2025-04-01', justification: J }, 'originalDue'],
        ['included as text', { included: 'no', justification: J }, 'included'],
        ['included null', { included: null, justification: J }, 'included'],
        ['impossible date', { plannedDue: '2025-02-30', justification: J }, 'plannedDue'],
        ['not zero-padded', { plannedStart: '2025-2-1', justification: J }, 'plannedStart'],
        ['date with time', { plannedStart: '2025-02-01T00:00:00Z', justification: J }, 'plannedStart'],
        ['date as number', { plannedDue: 20250401, justification: J }, 'plannedDue'],
        ['date null', { plannedDue: null, justification: J }, 'plannedDue'],
        ['missing justification', { plannedDue: '2025-04-01' }, 'justification'],
        ['empty justification', { plannedDue: '2025-04-01', justification: '' }, 'justification'],
        ['blank justification', { plannedDue: '2025-04-01', justification: '   \n ' }, 'justification'],
        ['justification as number', { plannedDue: '2025-04-01', justification: 42 }, 'justification'],
        ['justification too long', { plannedDue: '2025-04-01', justification: 'x'.repeat(2001) }, 'justification'],
        ['version as text', { plannedDue: '2025-04-01', justification: J, version: '1' }, 'version'],
        ['version zero', { plannedDue: '2025-04-01', justification: J, version: 0 }, 'version'],
        ['version fraction', { plannedDue: '2025-04-01', justification: J, version: 1.5 }, 'version'],
      ];
      let programCode: string;
      let programId: string;
      beforeAll(async () => {
        const { program } = await enrolled();
        programCode = program.code;
        programId = program.id;
      });

      it.each(cases)('%s', async (_, body, field) => {
        const { auth } = await t.as('coordinator');
        const res = await t.http().patch(`${api(programCode)}/1.2`).set(auth).send(body);
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
        expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
        expect(await itemRow(programId, '1.2')).toEqual({ included: true, plannedStart: '2025-01-30', plannedDue: '2025-03-16', originalStart: '2025-01-30', originalDue: '2025-03-16', version: 1 });
        expect(await auditRows(programId)).toHaveLength(0);
      });

      it('malformed JSON', async () => {
        const { auth } = await t.as('coordinator');
        const res = await t.http().patch(`${api(programCode)}/1.2`).set(auth).set('Content-Type', 'application/json').send('{"plannedDue": ').expect(400);
        expect(res.body.errors).toEqual([{ field: 'body', message: 'body is not valid JSON' }]);
      });

      it('says what is wrong with the justification, on its field', async () => {
        const { auth } = await t.as('coordinator');
        const res = await t.http().patch(`${api(programCode)}/1.2`).set(auth).send({ plannedDue: '2025-04-01', justification: ' ' }).expect(400);
        expect(res.body.errors).toEqual([{ field: 'justification', message: 'justification must not be blank' }]);
      });
    });
  });

  describe('who may do what', () => {
    const callers = CALLERS;
    const headers = (caller: Caller) => callerHeaders(t, caller);
    const expected: Record<Caller, { get: number; patch: number }> = {
      admin: { get: 200, patch: 403 },
      coordinator: { get: 200, patch: 200 },
      reviewer: { get: 200, patch: 403 },
      // A later due date from the state's officer: accepted as a re-plan request, the plan unchanged until approved.
      'own officer': { get: 200, patch: 202 },
      'other officer': { get: 403, patch: 403 },
      anonymous: { get: 401, patch: 401 },
    };

    it.each(callers)('%s', async (caller) => {
      const { program } = await enrolled();
      const h = await headers(caller);
      expect((await t.http().get(api(program.code)).set(h)).status).toBe(expected[caller].get);
      const patch = await t.http().patch(`${api(program.code)}/1.2`).set(h).send({ plannedDue: '2025-04-01', justification: J, version: 1 });
      expect(patch.status).toBe(expected[caller].patch);
      const changed = expected[caller].patch === 200;
      expect(await itemRow(program.id, '1.2')).toMatchObject({ plannedDue: changed ? '2025-04-01' : '2025-03-16', version: changed ? 2 : 1 });
      expect(await auditRows(program.id)).toHaveLength(changed ? 1 : 0);
      expect(await auditRows(program.id, 'replan_request.create')).toHaveLength(expected[caller].patch === 202 ? 1 : 0);
    });

    it('a foreign state officer gets the same 403 whether or not the state participates or the program exists', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('state_officer', '07');
      const targets = [api(program.code, '20'), api(program.code, '21'), api('no-such-program', '20')];
      const bodies = [];
      for (const url of targets) {
        const get = await t.http().get(url).set(auth).expect(403);
        const patch = await t.http().patch(`${url}/1.2`).set(auth).send({ plannedDue: '2025-04-01', justification: J }).expect(403);
        const patchUnknown = await t.http().patch(`${url}/9.9`).set(auth).send({ plannedDue: '2025-04-01', justification: J }).expect(403);
        bodies.push(...[get, patch, patchUnknown].map((r) => ({ statusCode: r.body.statusCode, message: r.body.message, errors: r.body.errors })));
      }
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(2); // one body for reading, one for writing
      expect(bodies[0]).toEqual({ statusCode: 403, message: 'You may not read records of this state', errors: [] });
      expect(bodies[1]).toEqual({ statusCode: 403, message: 'You may not change records of this state', errors: [] });
    });
  });
});
