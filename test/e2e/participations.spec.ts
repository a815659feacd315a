import { callerHeaders, type Caller } from '../../libs/testing/src/callers.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const J = 'El organismo garante comunicó su retiro por oficio.';

describe('Participations: a state joins, is listed, withdraws and is re-admitted', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const states = (programId: string) => `/api/v1/programs/${programId}/states`;
  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const participations = (programId: string) => count('SELECT count(*) AS n FROM participation WHERE program_id = $1', [programId]);
  const planItems = (programId: string) => count('SELECT count(*) AS n FROM plan_item i JOIN participation p ON p.id = i.participation_id WHERE p.program_id = $1', [programId]);
  const audits = (programId: string, action: string) =>
    t.dataSource.query(`SELECT actor_id AS "actorId", entity_id AS "entityId", state_code AS "stateCode", before, after, justification FROM audit_event WHERE program_id = $1 AND action = $2 ORDER BY id`, [programId, action]);

  describe('POST (enrol)', () => {
    it('creates the participation and its whole plan in one go, and audits it', async () => {
      const { program, activities } = await t.programs.program([{ code: '1.1', startDay: 0, durationDays: 30 }, { code: '1.2', startDay: 15, durationDays: 45 }, { code: '1.3', optional: true, startDay: 60 }]);
      const { auth, user } = await t.as('coordinator');
      const res = await t.http().post(states(program.code)).set(auth).send({ stateCode: '20', joinedOn: '2025-01-15' }).expect(201);
      expect(res.body).toEqual({ stateCode: '20', stateName: 'Oaxaca', joinedOn: '2025-01-15', exitedOn: null });

      const rows = await t.dataSource.query(
        `SELECT a.code, i.included, i.planned_start::text AS ps, i.planned_due::text AS pd, i.original_start::text AS os, i.original_due::text AS od, i.version
           FROM plan_item i JOIN activity a ON a.id = i.activity_id JOIN participation p ON p.id = i.participation_id
          WHERE p.program_id = $1 AND p.state_code = '20' ORDER BY a.position`,
        [program.id],
      );
      expect(rows).toEqual([
        { code: '1.1', included: true, ps: '2025-01-15', pd: '2025-02-14', os: '2025-01-15', od: '2025-02-14', version: 1 },
        { code: '1.2', included: true, ps: '2025-01-30', pd: '2025-03-16', os: '2025-01-30', od: '2025-03-16', version: 1 },
        { code: '1.3', included: true, ps: '2025-03-16', pd: '2025-04-15', os: '2025-03-16', od: '2025-04-15', version: 1 },
      ]);
      expect(activities).toHaveLength(3);

      const [participation] = await t.dataSource.query('SELECT id FROM participation WHERE program_id = $1', [program.id]);
      expect(await audits(program.id, 'participation.create')).toEqual([
        { actorId: user.id, entityId: participation.id, stateCode: '20', before: null, after: { stateCode: '20', joinedOn: '2025-01-15', planItems: 3 }, justification: null },
      ]);
    });

    it('accepts the program id as well as its code, and a program without activities gets an empty plan', async () => {
      const { program } = await t.programs.program([]);
      const { auth } = await t.as('coordinator');
      await t.http().post(states(program.id)).set(auth).send({ stateCode: '07', joinedOn: '2025-03-01' }).expect(201);
      const plan = await t.http().get(`${states(program.id)}/07/plan`).set(auth).expect(200);
      expect(plan.body.items).toEqual([]);
    });

    it('answers 409 when the state already participates, and changes nothing', async () => {
      const { program } = await t.programs.program();
      const { auth } = await t.as('coordinator');
      await t.http().post(states(program.code)).set(auth).send({ stateCode: '20', joinedOn: '2025-01-15' }).expect(201);
      const res = await t.http().post(states(program.code)).set(auth).send({ stateCode: '20', joinedOn: '2025-02-01' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('already participates'), errors: [] });
      expect(await participations(program.id)).toBe(1);
      expect(await planItems(program.id)).toBe(3);
      expect(await audits(program.id, 'participation.create')).toHaveLength(1);
    });

    it('two simultaneous enrolments of the same state: one 201, one 409, one plan', async () => {
      const { program } = await t.programs.program();
      const { auth } = await t.as('coordinator');
      const results = await Promise.all([0, 1].map(() => t.http().post(states(program.code)).set(auth).send({ stateCode: '11', joinedOn: '2025-01-15' })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await participations(program.id)).toBe(1);
      expect(await planItems(program.id)).toBe(3);
    });

    it('answers 404 for an unknown program and 409 for a closed one', async () => {
      const { auth } = await t.as('coordinator');
      const missing = await t.http().post(states('no-such-program')).set(auth).send({ stateCode: '20', joinedOn: '2025-01-15' }).expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, errors: [] });
      await t.http().post(states('00000000-0000-4000-8000-000000000000')).set(auth).send({ stateCode: '20', joinedOn: '2025-01-15' }).expect(404);

      const { program } = await t.programs.program(undefined, { status: 'closed' });
      const closed = await t.http().post(states(program.code)).set(auth).send({ stateCode: '20', joinedOn: '2025-01-15' }).expect(409);
      expect(closed.body.message).toContain('closed');
      expect(await participations(program.id)).toBe(0);
      expect(await audits(program.id, 'participation.create')).toHaveLength(0);
    });

    describe('bad input: 400 with field messages, nothing created', () => {
      const cases: [string, unknown, string][] = [
        ['unknown state', { stateCode: '33', joinedOn: '2025-01-15' }, 'stateCode'],
        ['state code not two digits', { stateCode: '7', joinedOn: '2025-01-15' }, 'stateCode'],
        ['state code as number', { stateCode: 20, joinedOn: '2025-01-15' }, 'stateCode'],
        ['missing state code', { joinedOn: '2025-01-15' }, 'stateCode'],
        ['impossible date', { stateCode: '20', joinedOn: '2025-02-30' }, 'joinedOn'],
        ['date in another format', { stateCode: '20', joinedOn: '15/01/2025' }, 'joinedOn'],
        ['missing date', { stateCode: '20' }, 'joinedOn'],
        ['date null', { stateCode: '20', joinedOn: null }, 'joinedOn'],
        ['unknown field', { stateCode: '20', joinedOn: '2025-01-15', exitedOn: '2025-12-31' }, 'exitedOn'],
        ['body is an array', [{ stateCode: '20', joinedOn: '2025-01-15' }], 'stateCode'],
      ];
      it.each(cases)('%s', async (_, body, field) => {
        const { program } = await t.programs.program();
        const { auth } = await t.as('coordinator');
        const res = await t.http().post(states(program.code)).set(auth).send(body as object);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
        expect(await participations(program.id)).toBe(0);
        expect(await planItems(program.id)).toBe(0);
        expect(await audits(program.id, 'participation.create')).toHaveLength(0);
      });
    });
  });

  describe('GET (list)', () => {
    it('lists every participation, withdrawn ones included, by state code', async () => {
      const { program } = await t.programs.program();
      await t.programs.enrol(program.id, '30', '2025-02-01');
      await t.programs.enrol(program.id, '11', '2025-01-10', '2025-06-30');
      await t.programs.enrol(program.id, '20', '2025-01-15');
      const { auth } = await t.as('state_officer', '20');
      const res = await t.http().get(states(program.code)).set(auth).expect(200);
      expect(res.body).toEqual([
        { stateCode: '11', stateName: 'Guanajuato', joinedOn: '2025-01-10', exitedOn: '2025-06-30' },
        { stateCode: '20', stateName: 'Oaxaca', joinedOn: '2025-01-15', exitedOn: null },
        { stateCode: '30', stateName: expect.stringContaining('Veracruz'), joinedOn: '2025-02-01', exitedOn: null },
      ]);
    });

    it('answers 404 for an unknown program', async () => {
      const { auth } = await t.as('reviewer');
      await t.http().get(states('no-such-program')).set(auth).expect(404);
    });
  });

  describe('PATCH (withdraw / re-admit)', () => {
    it('withdraws with a justification, keeping the plan; re-admits with null; both audited', async () => {
      const { program } = await t.programs.program();
      const { participation } = await t.programs.enrol(program.id, '20', '2025-01-15');
      const { auth, user } = await t.as('coordinator');

      const out = await t.http().patch(`${states(program.code)}/20`).set(auth).send({ exitedOn: '2025-01-15', justification: J }).expect(200);
      expect(out.body).toEqual({ stateCode: '20', stateName: 'Oaxaca', joinedOn: '2025-01-15', exitedOn: '2025-01-15' });
      expect(await planItems(program.id)).toBe(3);
      expect(await audits(program.id, 'participation.withdraw')).toEqual([
        { actorId: user.id, entityId: participation.id, stateCode: '20', before: { exitedOn: null }, after: { exitedOn: '2025-01-15' }, justification: J },
      ]);
      expect((await t.http().get(states(program.code)).set(auth).expect(200)).body[0].exitedOn).toBe('2025-01-15');

      // Correcting the exit date is a change too.
      await t.http().patch(`${states(program.code)}/20`).set(auth).send({ exitedOn: '2025-03-31', justification: 'Fecha del oficio corregida' }).expect(200);

      const back = await t.http().patch(`${states(program.code)}/20`).set(auth).send({ exitedOn: null, justification: 'Reincorporación acordada' }).expect(200);
      expect(back.body.exitedOn).toBeNull();
      expect(await audits(program.id, 'participation.readmit')).toEqual([
        { actorId: user.id, entityId: participation.id, stateCode: '20', before: { exitedOn: '2025-03-31' }, after: { exitedOn: null }, justification: 'Reincorporación acordada' },
      ]);
      expect(await audits(program.id, 'participation.withdraw')).toHaveLength(2);
    });

    it.each([
      ['exit before joining', { exitedOn: '2025-01-14', justification: J }, 'exitedOn'],
      ['impossible date', { exitedOn: '2025-02-30', justification: J }, 'exitedOn'],
      ['missing exitedOn', { justification: J }, 'exitedOn'],
      ['missing justification', { exitedOn: '2025-06-30' }, 'justification'],
      ['blank justification', { exitedOn: '2025-06-30', justification: '  ' }, 'justification'],
      ['justification as array', { exitedOn: '2025-06-30', justification: ['x'] }, 'justification'],
      ['unknown field', { exitedOn: '2025-06-30', justification: J, joinedOn: '2025-01-01' }, 'joinedOn'],
      ['re-admitting a state that never left', { exitedOn: null, justification: J }, 'exitedOn'],
    ])('400 on %s, nothing changed', async (_, body, field) => {
      const { program } = await t.programs.program();
      await t.programs.enrol(program.id, '20', '2025-01-15');
      const { auth } = await t.as('coordinator');
      const res = await t.http().patch(`${states(program.code)}/20`).set(auth).send(body).expect(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
      const [row] = await t.dataSource.query('SELECT exited_on FROM participation WHERE program_id = $1', [program.id]);
      expect(row.exited_on).toBeNull();
      expect(await audits(program.id, 'participation.withdraw')).toHaveLength(0);
      expect(await audits(program.id, 'participation.readmit')).toHaveLength(0);
    });

    it('answers 404 for a state that does not participate', async () => {
      const { program } = await t.programs.program();
      const { auth } = await t.as('coordinator');
      await t.http().patch(`${states(program.code)}/20`).set(auth).send({ exitedOn: '2025-06-30', justification: J }).expect(404);
    });
  });

  it('documents the routes of participations, plans and institutions in OpenAPI', async () => {
    const paths = Object.keys((await t.http().get('/api/docs-json').expect(200)).body.paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/programs/{programId}/states',
      '/api/v1/programs/{programId}/states/{stateCode}',
      '/api/v1/programs/{programId}/states/{stateCode}/plan',
      '/api/v1/programs/{programId}/states/{stateCode}/plan/{activityCode}',
      '/api/v1/programs/{programId}/states/{stateCode}/institutions',
      '/api/v1/programs/{programId}/states/{stateCode}/institutions/{institutionId}',
    ]));
  });

  describe('who may do what', () => {
    const headers = (caller: Caller) => callerHeaders(t, caller);
    const matrix: [Caller, { post: number; list: number; patch: number }][] = [
      ['admin', { post: 403, list: 200, patch: 403 }],
      ['coordinator', { post: 201, list: 200, patch: 200 }],
      ['reviewer', { post: 403, list: 200, patch: 403 }],
      ['own officer', { post: 403, list: 200, patch: 403 }],
      ['other officer', { post: 403, list: 200, patch: 403 }],
      ['anonymous', { post: 401, list: 401, patch: 401 }],
    ];
    it.each(matrix)('%s', async (caller, want) => {
      const { program } = await t.programs.program();
      await t.programs.enrol(program.id, '20', '2025-01-15');
      const h = await headers(caller);
      expect((await t.http().post(states(program.code)).set(h).send({ stateCode: '21', joinedOn: '2025-01-15' })).status).toBe(want.post);
      expect((await t.http().get(states(program.code)).set(h)).status).toBe(want.list);
      expect((await t.http().patch(`${states(program.code)}/20`).set(h).send({ exitedOn: '2025-06-30', justification: J })).status).toBe(want.patch);
      expect(await participations(program.id)).toBe(want.post === 201 ? 2 : 1);
      const [row] = await t.dataSource.query(`SELECT exited_on::text AS e FROM participation WHERE program_id = $1 AND state_code = '20'`, [program.id]);
      expect(row.e).toBe(want.patch === 200 ? '2025-06-30' : null);
      const written = await count('SELECT count(*) AS n FROM audit_event WHERE program_id = $1', [program.id]);
      expect(written).toBe((want.post === 201 ? 1 : 0) + (want.patch === 200 ? 1 : 0));
    });
  });
});
