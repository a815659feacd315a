import { callerHeaders, type Caller } from '../../libs/testing/src/callers.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

describe('Institutions: registered in a participation, unique by name, exit instead of deletion', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2025-06-01'));

  const url = (programId: string, stateCode = '20') => `/api/v1/programs/${programId}/states/${stateCode}/institutions`;
  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const institutions = (programId: string) => count('SELECT count(*) AS n FROM institution i JOIN participation p ON p.id = i.participation_id WHERE p.program_id = $1', [programId]);
  const audits = (programId: string, action: string) =>
    t.dataSource.query(`SELECT actor_id AS "actorId", entity_id AS "entityId", state_code AS "stateCode", before, after, justification FROM audit_event WHERE program_id = $1 AND action = $2 ORDER BY id`, [programId, action]);

  async function enrolled(joinedOn = '2025-01-15', stateCode = '20') {
    const { program } = await t.programs.program();
    const { participation } = await t.programs.enrol(program.id, stateCode, joinedOn);
    return { program, participation };
  }

  describe('POST', () => {
    it('registers an institution and audits it', async () => {
      const { program } = await enrolled();
      const { auth, user } = await t.as('state_officer', '20');
      const res = await t.http().post(url(program.code)).set(auth).send({ name: '  Secretaría   de Finanzas ', acronym: ' SEFIN ', order: 'state', joinedOn: '2025-02-01' }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), name: 'Secretaría de Finanzas', acronym: 'SEFIN', order: 'state', joinedOn: '2025-02-01', exitedOn: null });
      const [row] = await t.dataSource.query('SELECT name_key FROM institution WHERE id = $1', [res.body.id]);
      expect(row.name_key).toBe('secretaria de finanzas');
      expect(await audits(program.id, 'institution.create')).toEqual([
        { actorId: user.id, entityId: res.body.id, stateCode: '20', before: null, after: { name: 'Secretaría de Finanzas', acronym: 'SEFIN', order: 'state', joinedOn: '2025-02-01', exitedOn: null }, justification: null },
      ]);
    });

    it('joins today in the program time zone when no date is given', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      t.clock.set('2025-06-01T03:00:00Z'); // still 31 May in Mexico City (UTC−6)
      const res = await t.http().post(url(program.code)).set(auth).send({ name: 'Instituto Municipal de Planeación', order: 'municipal' }).expect(201);
      expect(res.body).toMatchObject({ joinedOn: '2025-05-31', acronym: null });
    });

    it('may not join before the state joined the program (400 on joinedOn), the same day is fine', async () => {
      const { program } = await enrolled('2025-01-15');
      const { auth } = await t.as('coordinator');
      const early = await t.http().post(url(program.code)).set(auth).send({ name: 'Fiscalía General', order: 'state', joinedOn: '2025-01-14' }).expect(400);
      expect(early.body.errors).toEqual([{ field: 'joinedOn', message: 'joinedOn (2025-01-14) must not be before the state joined the program (2025-01-15)' }]);
      expect(await institutions(program.id)).toBe(0);
      await t.http().post(url(program.code)).set(auth).send({ name: 'Fiscalía General', order: 'state', joinedOn: '2025-01-15' }).expect(201);
    });

    it('a default date (today) before the join date is refused the same way', async () => {
      const { program } = await enrolled('2025-09-01');
      const { auth } = await t.as('coordinator');
      t.clock.set('2025-08-01');
      const res = await t.http().post(url(program.code)).set(auth).send({ name: 'Congreso del Estado', order: 'state' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['joinedOn']);
    });

    it.each(['secretaria  de finanzas', 'SECRETARÍA DE FINANZAS', ' Secretaria de Finanzas ', 'Secretaría\tde\nFinanzas'])('is unique by name ignoring case, accents and spaces: "%s" → 409', async (dup) => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      await t.http().post(url(program.code)).set(auth).send({ name: 'Secretaría de Finanzas', order: 'state', joinedOn: '2025-02-01' }).expect(201);
      const res = await t.http().post(url(program.code)).set(auth).send({ name: dup, order: 'federal', joinedOn: '2025-02-01' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, errors: [{ field: 'name', message: expect.stringContaining('Secretaría de Finanzas') }] });
      expect(await institutions(program.id)).toBe(1);
      expect(await audits(program.id, 'institution.create')).toHaveLength(1);
    });

    it('the same name may exist in another state, and different names in the same one', async () => {
      const { program } = await enrolled();
      await t.programs.enrol(program.id, '11', '2025-01-15');
      const { auth } = await t.as('coordinator');
      await t.http().post(url(program.code, '20')).set(auth).send({ name: 'Secretaría de Finanzas', order: 'state', joinedOn: '2025-02-01' }).expect(201);
      await t.http().post(url(program.code, '11')).set(auth).send({ name: 'Secretaría de Finanzas', order: 'state', joinedOn: '2025-02-01' }).expect(201);
      await t.http().post(url(program.code, '20')).set(auth).send({ name: 'Secretaría de Finanzas y Planeación', order: 'state', joinedOn: '2025-02-01' }).expect(201);
      expect(await institutions(program.id)).toBe(3);
    });

    it('answers 409 once the state has withdrawn, and 404 when it does not participate', async () => {
      const { program } = await t.programs.program();
      await t.programs.enrol(program.id, '20', '2025-01-15', '2025-05-31');
      const { auth } = await t.as('coordinator');
      const res = await t.http().post(url(program.code)).set(auth).send({ name: 'Fiscalía General', order: 'state', joinedOn: '2025-02-01' }).expect(409);
      expect(res.body.message).toContain('withdrew');
      await t.http().post(url(program.code, '21')).set(auth).send({ name: 'Fiscalía General', order: 'state', joinedOn: '2025-02-01' }).expect(404);
      await t.http().post(url('no-such-program')).set(auth).send({ name: 'Fiscalía General', order: 'state', joinedOn: '2025-02-01' }).expect(404);
      expect(await institutions(program.id)).toBe(0);
      expect(await audits(program.id, 'institution.create')).toHaveLength(0);
    });

    describe('bad input: 400 with field messages, nothing created', () => {
      const ok = { name: 'Secretaría de Salud', order: 'state', joinedOn: '2025-02-01' };
      const cases: [string, Record<string, unknown>, string][] = [
        ['missing name', { order: 'state' }, 'name'],
        ['blank name', { ...ok, name: '   ' }, 'name'],
        ['name as number', { ...ok, name: 5 }, 'name'],
        ['name too long', { ...ok, name: 'x'.repeat(301) }, 'name'],
        ['unknown order', { ...ok, order: 'county' }, 'order'],
        ['missing order', { name: 'Secretaría de Salud' }, 'order'],
        ['acronym too long', { ...ok, acronym: 'X'.repeat(41) }, 'acronym'],
        ['acronym as number', { ...ok, acronym: 7 }, 'acronym'],
        ['impossible date', { ...ok, joinedOn: '2025-02-30' }, 'joinedOn'],
        ['date null', { ...ok, joinedOn: null }, 'joinedOn'],
        ['unknown field', { ...ok, exitedOn: '2025-12-31' }, 'exitedOn'],
      ];
      it.each(cases)('%s', async (_, body, field) => {
        const { program } = await enrolled();
        const { auth } = await t.as('coordinator');
        const res = await t.http().post(url(program.code)).set(auth).send(body);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
        expect(await institutions(program.id)).toBe(0);
        expect(await audits(program.id, 'institution.create')).toHaveLength(0);
      });
    });
  });

  describe('GET', () => {
    it('lists the institutions of the participation, exited ones included', async () => {
      const { program, participation } = await enrolled();
      const other = await enrolled();
      await t.programs.institution(other.participation.id, { name: 'Otra', joinedOn: '2025-02-01' });
      const b = await t.programs.institution(participation.id, { name: 'Universidad Autónoma', acronym: 'UA', orderOfGovernment: 'state', joinedOn: '2025-02-01', exitedOn: '2025-05-01' });
      const a = await t.programs.institution(participation.id, { name: 'Ayuntamiento de Oaxaca de Juárez', orderOfGovernment: 'municipal', joinedOn: '2025-03-01' });
      const { auth } = await t.as('state_officer', '20');
      const res = await t.http().get(url(program.code)).set(auth).expect(200);
      expect(res.body).toEqual([
        { id: a.id, name: 'Ayuntamiento de Oaxaca de Juárez', acronym: null, order: 'municipal', joinedOn: '2025-03-01', exitedOn: null },
        { id: b.id, name: 'Universidad Autónoma', acronym: 'UA', order: 'state', joinedOn: '2025-02-01', exitedOn: '2025-05-01' },
      ]);
    });

    it('answers 404 when the state does not participate', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('reviewer');
      await t.http().get(url(program.code, '21')).set(auth).expect(404);
    });
  });

  describe('PATCH', () => {
    it('records an exit (never a deletion), with the justification in the audit trail', async () => {
      const { program, participation } = await enrolled();
      const inst = await t.programs.institution(participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-02-01' });
      const { auth, user } = await t.as('state_officer', '20');
      const res = await t.http().patch(`${url(program.code)}/${inst.id}`).set(auth).send({ exitedOn: '2025-02-01', justification: 'Se fusionó con la Secretaría de Administración' }).expect(200);
      expect(res.body).toMatchObject({ id: inst.id, exitedOn: '2025-02-01', joinedOn: '2025-02-01' });
      expect(await institutions(program.id)).toBe(1);
      expect(await audits(program.id, 'institution.update')).toEqual([
        {
          actorId: user.id,
          entityId: inst.id,
          stateCode: '20',
          before: expect.objectContaining({ exitedOn: null }),
          after: expect.objectContaining({ exitedOn: '2025-02-01', name: 'Secretaría de Finanzas' }),
          justification: 'Se fusionó con la Secretaría de Administración',
        },
      ]);
      // Undoing the exit is allowed too.
      const back = await t.http().patch(`${url(program.code)}/${inst.id}`).set(auth).send({ exitedOn: null }).expect(200);
      expect(back.body.exitedOn).toBeNull();
    });

    it('renames and re-acronyms, keeping the name unique', async () => {
      const { program } = await enrolled();
      const { auth } = await t.as('coordinator');
      const first = (await t.http().post(url(program.code)).set(auth).send({ name: 'Secretaría de Finanzas', order: 'state', joinedOn: '2025-02-01' }).expect(201)).body;
      const second = (await t.http().post(url(program.code)).set(auth).send({ name: 'Secretaría de Salud', order: 'state', joinedOn: '2025-02-01' }).expect(201)).body;
      const renamed = await t.http().patch(`${url(program.code)}/${first.id}`).set(auth).send({ name: 'Secretaría de Finanzas y Planeación', acronym: 'SEFIPLAN' }).expect(200);
      expect(renamed.body).toMatchObject({ name: 'Secretaría de Finanzas y Planeación', acronym: 'SEFIPLAN' });
      // Only the spelling changes: the same institution, allowed.
      await t.http().patch(`${url(program.code)}/${second.id}`).set(auth).send({ name: 'SECRETARÍA DE SALUD' }).expect(200);
      const clash = await t.http().patch(`${url(program.code)}/${second.id}`).set(auth).send({ name: 'secretaria de finanzas y planeacion' }).expect(409);
      expect(clash.body.errors).toEqual([{ field: 'name', message: expect.any(String) }]);
      const [row] = await t.dataSource.query('SELECT name FROM institution WHERE id = $1', [second.id]);
      expect(row.name).toBe('SECRETARÍA DE SALUD');
      expect(await audits(program.id, 'institution.update')).toHaveLength(2);
    });

    it.each([
      ['exit before joining', { exitedOn: '2025-01-31' }, 'exitedOn', 400],
      ['impossible exit date', { exitedOn: '2025-02-30' }, 'exitedOn', 400],
      ['nothing sent', {}, 'body', 400],
      ['only a justification', { justification: 'sin cambios' }, 'body', 400],
      ['no actual change', { exitedOn: null }, 'body', 400],
      ['blank name', { name: ' ' }, 'name', 400],
      ['name null', { name: null }, 'name', 400],
      ['blank justification', { exitedOn: '2025-03-01', justification: '  ' }, 'justification', 400],
      ['order may not change here', { order: 'federal' }, 'order', 400],
      ['unknown field', { deleted: true }, 'deleted', 400],
    ])('%s → %i, nothing changed', async (_, body, field, status) => {
      const { program, participation } = await enrolled();
      const inst = await t.programs.institution(participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-02-01' });
      const { auth } = await t.as('coordinator');
      const res = await t.http().patch(`${url(program.code)}/${inst.id}`).set(auth).send(body);
      expect(res.status).toBe(status);
      expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
      const [row] = await t.dataSource.query('SELECT name, exited_on FROM institution WHERE id = $1', [inst.id]);
      expect(row).toEqual({ name: 'Secretaría de Finanzas', exited_on: null });
      expect(await audits(program.id, 'institution.update')).toHaveLength(0);
    });

    it('answers 400 for a malformed id and 404 for an institution of another state', async () => {
      const { program, participation } = await enrolled();
      await t.programs.enrol(program.id, '11', '2025-01-15');
      const inst = await t.programs.institution(participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-02-01' });
      const { auth } = await t.as('coordinator');
      const bad = await t.http().patch(`${url(program.code)}/not-a-uuid`).set(auth).send({ exitedOn: '2025-03-01' }).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'institutionId', message: 'institutionId must be a UUID' }]);
      await t.http().patch(`${url(program.code, '11')}/${inst.id}`).set(auth).send({ exitedOn: '2025-03-01' }).expect(404);
      await t.http().patch(`${url(program.code)}/00000000-0000-4000-8000-000000000000`).set(auth).send({ exitedOn: '2025-03-01' }).expect(404);
    });

    it('answers 409 once the state has withdrawn', async () => {
      const { program } = await t.programs.program();
      const { participation } = await t.programs.enrol(program.id, '20', '2025-01-15', '2025-05-31');
      const inst = await t.programs.institution(participation.id, { joinedOn: '2025-02-01' });
      const { auth } = await t.as('coordinator');
      await t.http().patch(`${url(program.code)}/${inst.id}`).set(auth).send({ exitedOn: '2025-03-01' }).expect(409);
    });
  });

  describe('who may do what', () => {
    const headers = (caller: Caller) => callerHeaders(t, caller);
    const matrix: [Caller, { post: number; list: number; patch: number }][] = [
      ['admin', { post: 403, list: 200, patch: 403 }],
      ['coordinator', { post: 201, list: 200, patch: 200 }],
      ['reviewer', { post: 403, list: 200, patch: 403 }],
      ['own officer', { post: 201, list: 200, patch: 200 }],
      ['other officer', { post: 403, list: 403, patch: 403 }],
      ['anonymous', { post: 401, list: 401, patch: 401 }],
    ];
    it.each(matrix)('%s', async (caller, want) => {
      const { program, participation } = await enrolled();
      const inst = await t.programs.institution(participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-02-01' });
      const h = await headers(caller);
      expect((await t.http().post(url(program.code)).set(h).send({ name: 'Secretaría de Salud', order: 'state', joinedOn: '2025-02-01' })).status).toBe(want.post);
      expect((await t.http().get(url(program.code)).set(h)).status).toBe(want.list);
      expect((await t.http().patch(`${url(program.code)}/${inst.id}`).set(h).send({ exitedOn: '2025-03-01' })).status).toBe(want.patch);
      expect(await institutions(program.id)).toBe(want.post === 201 ? 2 : 1);
      const [row] = await t.dataSource.query('SELECT exited_on::text AS e FROM institution WHERE id = $1', [inst.id]);
      expect(row.e).toBe(want.patch === 200 ? '2025-03-01' : null);
    });

    it('a foreign state officer gets the same 403 whether or not the state participates or the institution exists', async () => {
      const { program, participation } = await enrolled();
      const inst = await t.programs.institution(participation.id, { joinedOn: '2025-02-01' });
      const { auth } = await t.as('state_officer', '07');
      const answers = [];
      for (const base of [url(program.code, '20'), url(program.code, '21'), url('no-such-program', '20')]) {
        answers.push(await t.http().get(base).set(auth));
        answers.push(await t.http().post(base).set(auth).send({ name: 'X', order: 'state' }));
        answers.push(await t.http().patch(`${base}/${inst.id}`).set(auth).send({ exitedOn: '2025-03-01' }));
        answers.push(await t.http().patch(`${base}/00000000-0000-4000-8000-000000000000`).set(auth).send({ exitedOn: '2025-03-01' }));
      }
      expect(answers.map((r) => r.status)).toEqual(Array(12).fill(403));
      expect(new Set(answers.map((r) => r.body.message))).toEqual(new Set(['You may not read records of this state', 'You may not change records of this state']));
      expect(await institutions(program.id)).toBe(1);
    });
  });
});
