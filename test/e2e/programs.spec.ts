import type { Test } from 'supertest';
import modelProgram from '../../libs/database/src/reference/condatos-2024.program.json' with { type: 'json' };
import { ReferenceDataService } from '../../libs/core/src/reference-data/reference-data.service.js';
import type { Role } from '../../libs/platform/src/auth/roles.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const MODEL = 'condatos-2024';

/** A small valid program in canonical form (every optional field present), with a code of its own. */
function smallDoc(code: string) {
  return {
    code,
    name: 'Programa de prueba',
    description: 'Un programa pequeño',
    approvedOn: '2025-01-10',
    approvalReference: 'ACUERDO/PRUEBA/01',
    timeZone: 'America/Tijuana',
    thresholds: { atRisk: -3.5, offTrack: -10 },
    status: 'draft',
    phases: [
      { number: 1, name: 'Planeación', description: null },
      { number: 2, name: 'Ejecución', description: 'Fase de trabajo' },
      { number: 3, name: 'Sin actividades todavía', description: null },
    ],
    activities: [
      { code: 'P.1', phase: 1, name: 'Planear', level: 'state', startDay: 0, durationDays: 0, weight: 0.5, optional: false, evidenceKinds: [], completionNeedsEvidence: true, metrics: [], formats: [] },
      { code: 'E.1', phase: 2, name: 'Publicar datos', level: 'institution', startDay: 10, durationDays: 45, weight: 2.25, optional: true, evidenceKinds: ['dataset', 'url'], completionNeedsEvidence: false, metrics: ['conjuntos_publicados', 'descargas'], formats: [] },
    ],
    indicators: [
      { code: 'D-1', name: 'Descargas', definition: null, unit: 'count', direction: 'down', kind: 'metric_sum', params: { activityCode: 'E.1', metric: 'descargas' }, baseline: { value: 12.5, date: null }, targets: [{ scope: 'state', stateCode: '20', value: 1000, date: '2025-12-31' }, { scope: 'national', stateCode: null, value: 5000, date: null }] },
      { code: 'D-2', name: 'Datos de alto valor', definition: 'Conjuntos de alto valor', unit: 'count', direction: 'up', kind: 'datasets_published', params: { activityCode: 'E.1', highValueOnly: true }, baseline: null, targets: [] },
    ],
  };
}

describe('programs: reading, export and the shipped model program', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('every test database already holds the model program (loaded at start-up)', async () => {
    const { auth } = await t.as('reviewer');
    const res = await t.http().get('/api/v1/programs').set(auth).expect(200);
    const model = res.body.find((p: { code: string }) => p.code === MODEL);
    expect(model).toEqual({ id: expect.any(String), code: MODEL, name: modelProgram.name, status: 'active', approvedOn: '2024-11-19', timeZone: 'America/Mexico_City', counts: { phases: 5, activities: 15, indicators: 10, participations: 0 } });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id JOIN program p ON p.id = i.program_id WHERE p.code = $1`, [MODEL]);
    expect(n).toBe(10);
  });

  it('exports the model program as exactly the shipped document', async () => {
    const { auth } = await t.as('coordinator');
    const res = await t.http().get(`/api/v1/programs/${MODEL}/export`).set(auth).expect(200);
    expect(res.body).toEqual(modelProgram);
    expect(JSON.stringify(res.body)).toBe(JSON.stringify(modelProgram));
  });

  it('gives a program by id and by code, with phases, activities, indicators and targets', async () => {
    const { auth } = await t.as('state_officer', '20');
    const byCode = await t.http().get(`/api/v1/programs/${MODEL}`).set(auth).expect(200);
    const byId = await t.http().get(`/api/v1/programs/${byCode.body.id}`).set(auth).expect(200);
    expect(byId.body).toEqual(byCode.body);
    expect(byCode.body).toMatchObject({ code: MODEL, timeZone: 'America/Mexico_City', thresholds: { atRisk: -5, offTrack: -15 }, createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect(byCode.body.phases).toHaveLength(5);
    expect(byCode.body.activities.map((a: { code: string }) => a.code)).toEqual(modelProgram.activities.map((a) => a.code));
    expect(byCode.body.activities.find((a: { code: string }) => a.code === '2.1')).toEqual(modelProgram.activities[3]);
    expect(byCode.body.indicators).toEqual(modelProgram.indicators);
  });

  it('answers 404 for an unknown program, by code or by id', async () => {
    const { auth } = await t.as('coordinator');
    for (const id of ['no-such-program', '6f1d0b4e-0c1a-4a53-9b7e-3d2f3c1b5a99']) {
      const res = await t.http().get(`/api/v1/programs/${id}`).set(auth).expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, errors: [] });
      await t.http().get(`/api/v1/programs/${id}/export`).set(auth).expect(404);
    }
  });

  it('gives today in the program’s time zone (from the clock), for date pickers', async () => {
    const { auth } = await t.as('coordinator');
    await t.http().post('/api/v1/programs/import').set(auth).send(smallDoc('hoy-en-tijuana')).expect(201); // America/Tijuana
    try {
      // 05:30 UTC on 1 March: still 28 February in Mexico City (UTC−6, 23:30) and in Tijuana (UTC−8, 21:30).
      t.clock.set('2025-03-01T05:30:00Z');
      expect((await t.http().get(`/api/v1/programs/${MODEL}`).set(auth).expect(200)).body.today).toBe('2025-02-28');
      expect((await t.http().get('/api/v1/programs/hoy-en-tijuana').set(auth).expect(200)).body.today).toBe('2025-02-28');
      // 06:30 UTC on 2 March is 00:30 in Mexico City (2 March) and 22:30 on 1 March in Tijuana.
      t.clock.set('2025-03-02T06:30:00Z');
      expect((await t.http().get(`/api/v1/programs/${MODEL}`).set(auth).expect(200)).body.today).toBe('2025-03-02');
      expect((await t.http().get('/api/v1/programs/hoy-en-tijuana').set(auth).expect(200)).body.today).toBe('2025-03-01');
    } finally {
      t.clock.set(new Date().toISOString());
    }
  });

  it('round-trips a document: export(import(doc)) is doc', async () => {
    const { auth } = await t.as('coordinator');
    const doc = smallDoc('ida-y-vuelta');
    const imported = await t.http().post('/api/v1/programs/import').set(auth).send(doc).expect(201);
    expect(imported.body).toMatchObject({ id: expect.any(String), ...doc });
    const exported = await t.http().get('/api/v1/programs/ida-y-vuelta/export').set(auth).expect(200);
    expect(JSON.stringify(exported.body)).toBe(JSON.stringify(doc));
    // and importing the export again changes nothing
    await t.http().post('/api/v1/programs/import').set(auth).send(exported.body).expect(201);
    expect((await t.http().get(`/api/v1/programs/${imported.body.id}/export`).set(auth).expect(200)).body).toEqual(doc);
  });

  it('round-trips the model program imported under another code', async () => {
    const { auth } = await t.as('coordinator');
    const doc = { ...structuredClone(modelProgram), code: 'condatos-copia', status: 'draft' };
    await t.http().post('/api/v1/programs/import').set(auth).send(doc).expect(201);
    const exported = await t.http().get('/api/v1/programs/condatos-copia/export').set(auth).expect(200);
    expect(JSON.stringify(exported.body)).toBe(JSON.stringify(doc));
  });

  it('fills defaults on import and exports them', async () => {
    const { auth } = await t.as('coordinator');
    const minimal = {
      code: 'minimo',
      name: 'Mínimo',
      phases: [{ number: 1, name: 'Única' }],
      activities: [{ code: 'a', phase: 1, name: 'A', level: 'state', startDay: 0, durationDays: 10, weight: 1 }, { code: 'b', phase: 1, name: 'B', level: 'institution', startDay: 5, durationDays: 10, weight: 1, evidenceKinds: ['dataset'] }],
      indicators: [{ code: 'I1', name: 'Datos', unit: 'count', kind: 'datasets_published', params: { activityCode: 'b' }, targets: [{ scope: 'national', value: 3 }] }],
    };
    await t.http().post('/api/v1/programs/import').set(auth).send(minimal).expect(201);
    const exported = await t.http().get('/api/v1/programs/minimo/export').set(auth).expect(200);
    expect(exported.body).toMatchObject({ description: null, approvedOn: null, timeZone: 'America/Mexico_City', thresholds: { atRisk: -5, offTrack: -15 }, status: 'active' });
    expect(exported.body.activities[0]).toMatchObject({ optional: false, evidenceKinds: [], metrics: [] });
    expect(exported.body.indicators[0]).toMatchObject({ direction: 'up', params: { activityCode: 'b', highValueOnly: false }, baseline: null, targets: [{ scope: 'national', stateCode: null, value: 3, date: null }] });
  });

  describe('role matrix', () => {
    const roles: (Role | 'anonymous')[] = ['admin', 'coordinator', 'reviewer', 'state_officer', 'anonymous'];
    const routes: { name: string; call: (t: TestApp, role: string) => Test; expect: Record<string, number> }[] = [
      { name: 'GET /programs', call: (t) => t.http().get('/api/v1/programs'), expect: { admin: 200, coordinator: 200, reviewer: 200, state_officer: 200, anonymous: 401 } },
      { name: 'GET /programs/:programId', call: (t) => t.http().get(`/api/v1/programs/${MODEL}`), expect: { admin: 200, coordinator: 200, reviewer: 200, state_officer: 200, anonymous: 401 } },
      { name: 'POST /programs/import', call: (t, role) => t.http().post('/api/v1/programs/import').send(smallDoc(`roles-${role.replace('_', '-')}`)), expect: { admin: 403, coordinator: 201, reviewer: 403, state_officer: 403, anonymous: 401 } },
      { name: 'GET /programs/:programId/export', call: (t) => t.http().get(`/api/v1/programs/${MODEL}/export`), expect: { admin: 403, coordinator: 200, reviewer: 403, state_officer: 403, anonymous: 401 } },
    ];
    for (const route of routes) {
      it.each(roles)(`${route.name} as %s`, async (role) => {
        const req = route.call(t, role);
        if (role !== 'anonymous') req.set((await t.as(role, role === 'state_officer' ? '20' : undefined)).auth);
        const res = await req;
        expect(res.status).toBe(route.expect[role]);
        if (res.status >= 400) expect(res.body).toMatchObject({ statusCode: res.status, message: expect.any(String), errors: [] });
      });
    }

    it('a refused import writes nothing', async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM program WHERE code LIKE 'roles-%'`);
      expect(n).toBe(1); // the coordinator's
    });
  });

  it('documents the routes in OpenAPI with an example document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/programs', '/api/v1/programs/import', '/api/v1/programs/{programId}', '/api/v1/programs/{programId}/export']));
    const importOp = res.body.paths['/api/v1/programs/import'].post;
    expect(importOp.description).toMatch(/not silently re-dated/);
    expect(importOp.requestBody.content['application/json'].examples.program.value.code).toBe('apertura-institucional-2025');
  });

  describe('reference data at start-up', () => {
    it('never overwrites an edited model program', async () => {
      const { auth } = await t.as('coordinator');
      const edited = { ...structuredClone(modelProgram), name: 'ConDATOS (versión editada)' };
      await t.http().post('/api/v1/programs/import').set(auth).send(edited).expect(201);
      const auditBefore = await countAudit(t);
      await t.app.get(ReferenceDataService).load();
      const exported = await t.http().get(`/api/v1/programs/${MODEL}/export`).set(auth).expect(200);
      expect(exported.body.name).toBe('ConDATOS (versión editada)');
      expect(await countAudit(t)).toBe(auditBefore);
    });

    it('loads the model program again when none has its code', async () => {
      const { auth } = await t.as('coordinator');
      await t.dataSource.query(`DELETE FROM activity WHERE program_id = (SELECT id FROM program WHERE code = $1)`, [MODEL]);
      await t.dataSource.query(`DELETE FROM program WHERE code = $1`, [MODEL]);
      await t.http().get(`/api/v1/programs/${MODEL}`).set(auth).expect(404);
      await t.app.get(ReferenceDataService).load();
      const exported = await t.http().get(`/api/v1/programs/${MODEL}/export`).set(auth).expect(200);
      expect(exported.body).toEqual(modelProgram);
      const [event] = await t.dataSource.query(`SELECT action, actor_id, after FROM audit_event WHERE entity_type = 'program' ORDER BY id DESC LIMIT 1`);
      expect(event).toEqual({ action: 'program.import', actor_id: null, after: { code: MODEL, phases: 5, activities: 15, indicators: 10 } });
    });
  });
});

async function countAudit(t: TestApp): Promise<number> {
  const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`);
  return n;
}
