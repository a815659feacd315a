import modelProgram from '../../libs/database/src/reference/condatos-2024.program.json' with { type: 'json' };
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

type Doc = ReturnType<typeof smallDoc>;
type Loose = Record<string, any>;

function smallDoc(code: string) {
  return {
    code,
    name: 'Programa de prueba',
    description: 'Un programa pequeño',
    approvedOn: '2025-01-10',
    approvalReference: 'ACUERDO/PRUEBA/01',
    timeZone: 'America/Mexico_City',
    thresholds: { atRisk: -5, offTrack: -15 },
    status: 'active',
    phases: [
      { number: 1, name: 'Planeación', description: null as string | null },
      { number: 2, name: 'Ejecución', description: null as string | null },
    ],
    activities: [
      { code: 'P.1', phase: 1, name: 'Planear', level: 'state', startDay: 0, durationDays: 30, weight: 1, optional: false, evidenceKinds: ['document'], completionNeedsEvidence: true, metrics: [] as string[], formats: [] },
      { code: 'E.1', phase: 2, name: 'Publicar datos', level: 'institution', startDay: 30, durationDays: 60, weight: 2, optional: true, evidenceKinds: ['dataset'], completionNeedsEvidence: false, metrics: ['descargas'], formats: [] },
    ],
    indicators: [
      { code: 'D-1', name: 'Descargas', definition: null as string | null, unit: 'count', direction: 'up', kind: 'metric_sum', params: { activityCode: 'E.1', metric: 'descargas' } as Loose, baseline: { value: 0, date: '2025-01-10' } as Loose | null, targets: [{ scope: 'national', stateCode: null as string | null, value: 100, date: '2025-12-31' as string | null }] },
      { code: 'D-2', name: 'Datos de alto valor', definition: null as string | null, unit: 'count', direction: 'up', kind: 'datasets_published', params: { activityCode: 'E.1', highValueOnly: true } as Loose, baseline: null as Loose | null, targets: [] as { scope: string; stateCode: string | null; value: number; date: string | null }[] },
    ],
  };
}

const COUNTED = ['program', 'phase', 'activity', 'indicator', 'indicator_target', 'audit_event', 'plan_item'] as const;

describe('programs: import, validation, replace semantics and audit', () => {
  let t: TestApp;
  let coordinator: { Authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = (await t.as('coordinator')).auth;
  });
  afterAll(() => t.close());

  const post = (body: unknown) => t.http().post('/api/v1/programs/import').set(coordinator).send(body as object);
  const exportOf = async (code: string) => (await t.http().get(`/api/v1/programs/${code}/export`).set(coordinator).expect(200)).body;
  async function counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of COUNTED) out[table] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    return out;
  }
  async function programAudit(code: string): Promise<{ action: string; actor_id: string | null; entity_id: string; program_id: string; before: unknown; after: unknown }[]> {
    return t.dataSource.query(`SELECT action, actor_id, entity_id, program_id, before, after FROM audit_event WHERE entity_type = 'program' AND after->>'code' = $1 ORDER BY id`, [code]);
  }

  describe('bad documents: 400 naming the field, nothing written', () => {
    const model = () => ({ ...structuredClone(modelProgram), code: 'validacion' }) as Loose;
    const cases: [string, (d: Loose) => void, string][] = [
      ['an unknown field', (d) => (d.owner = 'x'), 'owner'],
      ['an unknown field deep inside', (d) => (d.indicators[0].targets[0].note = 'x'), 'indicators.0.targets.0.note'],
      ['a wrong type', (d) => (d.activities[3].weight = '1'), 'activities.3.weight'],
      ['a missing name', (d) => delete d.name, 'name'],
      ['an invalid time zone', (d) => (d.timeZone = 'America/Gotham'), 'timeZone'],
      ['offTrack above atRisk', (d) => (d.thresholds = { atRisk: -20, offTrack: -10 }), 'thresholds.offTrack'],
      ['an unknown status', (d) => (d.status = 'paused'), 'status'],
      ['duplicate phase numbers', (d) => d.phases.push({ number: 3, name: 'Otra convocatoria' }), 'phases.5.number'],
      ['duplicate activity codes', (d) => (d.activities[8].code = '4.1'), 'activities.8.code'],
      ['duplicate indicator codes', (d) => (d.indicators[9].code = 'IND-01'), 'indicators.9.code'],
      ['an activity in an unknown phase', (d) => (d.activities[14].phase = 6), 'activities.14.phase'],
      ['a zero weight', (d) => (d.activities[0].weight = 0), 'activities.0.weight'],
      ['a negative weight', (d) => (d.activities[0].weight = -1), 'activities.0.weight'],
      ['a negative start day', (d) => (d.activities[1].startDay = -15), 'activities.1.startDay'],
      ['a negative duration', (d) => (d.activities[1].durationDays = -1), 'activities.1.durationDays'],
      ['an unknown level', (d) => (d.activities[1].level = 'federal'), 'activities.1.level'],
      ['an unknown evidence kind', (d) => (d.activities[1].evidenceKinds = ['video']), 'activities.1.evidenceKinds'],
      ['a metric name not in snake_case', (d) => (d.activities[3].metrics = ['Personas Sensibilizadas']), 'activities.3.metrics'],
      ['an unknown indicator kind', (d) => (d.indicators[0].kind = 'states_happy'), 'indicators.0.kind'],
      ['params a kind does not take', (d) => (d.indicators[0].params = { activityCode: '1.1' }), 'indicators.0.params.activityCode'],
      ['a required param missing', (d) => (d.indicators[8].params = { activityCode: '2.1' }), 'indicators.8.params.metric'],
      ['a param naming an unknown activity', (d) => (d.indicators[5].params = { activityCode: '7.7' }), 'indicators.5.params.activityCode'],
      ['a metric not declared on that activity', (d) => (d.indicators[8].params = { activityCode: '4.4', metric: 'personas_sensibilizadas' }), 'indicators.8.params.metric'],
      ['an unknown state code in a target', (d) => d.indicators[1].targets.push({ scope: 'state', stateCode: '40', value: 10, date: '2026-06-30' }), 'indicators.1.targets.1.stateCode'],
      ['a state target without a state', (d) => d.indicators[1].targets.push({ scope: 'state', value: 10 }), 'indicators.1.targets.1.stateCode'],
      ['a percent target above 100', (d) => (d.indicators[3].targets[0].value = 101), 'indicators.3.targets.0.value'],
      ['a bad target date', (d) => (d.indicators[3].targets[0].date = '2026-13-01'), 'indicators.3.targets.0.date'],
      ['a code that is a UUID', (d) => (d.code = '0b7e1c8e-3b1f-4b7a-9f5e-2c1d3e4f5a6b'), 'code'],
    ];

    it.each(cases)('%s', async (_, mutate, field) => {
      const before = await counts();
      const doc = model();
      mutate(doc);
      const res = await post(doc).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      for (const e of res.body.errors) expect(e).toEqual({ field: expect.any(String), message: expect.any(String) });
      expect(await counts()).toEqual(before);
    });

    it('reports every cross-document problem at once', async () => {
      const doc = model();
      doc.activities[8].code = '4.1';
      doc.indicators[0].kind = 'nope';
      doc.indicators[8].params.metric = 'asistentes';
      const res = await post(doc).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['activities.8.code', 'indicators.0.kind', 'indicators.8.params.metric']);
    });

    it('refuses malformed JSON and a body that is not an object', async () => {
      const before = await counts();
      const res = await t.http().post('/api/v1/programs/import').set(coordinator).set('Content-Type', 'application/json').send('{"code": "x", ').expect(400);
      expect(res.body.errors).toEqual([{ field: 'body', message: expect.any(String) }]);
      await t.http().post('/api/v1/programs/import').set(coordinator).set('Content-Type', 'application/json').send('[1, 2]').expect(400);
      expect(await counts()).toEqual(before);
    });

    it('a bad replacement leaves the existing program as it was', async () => {
      const before = await exportOf('condatos-2024');
      const beforeCounts = await counts();
      const doc = structuredClone(modelProgram) as Loose;
      doc.name = 'Otro nombre';
      doc.activities[0].phase = 42;
      await post(doc).expect(400);
      expect(await exportOf('condatos-2024')).toEqual(before);
      expect(await counts()).toEqual(beforeCounts);
    });
  });

  describe('audit', () => {
    it('writes one program.import event with a summary when a program is created', async () => {
      const { user } = await t.as('coordinator');
      const res = await post(smallDoc('auditado')).expect(201);
      expect(await programAudit('auditado')).toEqual([
        { action: 'program.import', actor_id: user.id, entity_id: res.body.id, program_id: res.body.id, before: null, after: { code: 'auditado', phases: 2, activities: 2, indicators: 2 } },
      ]);
      const [{ entity_type }] = await t.dataSource.query(`SELECT entity_type FROM audit_event WHERE entity_id = $1`, [res.body.id]);
      expect(entity_type).toBe('program');
    });

    it('writes program.replace with before and after when a program is replaced', async () => {
      const doc = smallDoc('auditado-2');
      await post(doc).expect(201);
      doc.indicators.pop();
      await post(doc).expect(201);
      const events = await programAudit('auditado-2');
      expect(events.map((e) => [e.action, e.before, e.after])).toEqual([
        ['program.import', null, { code: 'auditado-2', phases: 2, activities: 2, indicators: 2 }],
        ['program.replace', { code: 'auditado-2', phases: 2, activities: 2, indicators: 2 }, { code: 'auditado-2', phases: 2, activities: 2, indicators: 1 }],
      ]);
    });

    it('writes nothing when an import fails', async () => {
      const doc = smallDoc('fallido') as Loose;
      doc.activities[1].phase = 9;
      await post(doc).expect(400);
      expect(await programAudit('fallido')).toEqual([]);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM program WHERE code = 'fallido'`);
      expect(n).toBe(0);
    });
  });

  describe('replace without participations: everything may change', () => {
    it('adds, removes, moves and re-dates phases, activities and indicators, keeping the rows of kept codes', async () => {
      const v1 = smallDoc('libre');
      const created = await post(v1).expect(201);
      const idOf = async (code: string) => (await t.dataSource.query(`SELECT id FROM activity WHERE program_id = $1 AND code = $2`, [created.body.id, code]))[0]?.id;
      const e1 = await idOf('E.1');

      const v2 = smallDoc('libre') as Loose;
      v2.timeZone = 'America/Cancun';
      v2.phases = [
        { number: 1, name: 'Planeación', description: 'nueva' },
        { number: 4, name: 'Cierre', description: null },
      ];
      v2.activities = [
        { ...v1.activities[1], phase: 1, startDay: 10, durationDays: 20, level: 'state' },
        { code: 'C.1', phase: 4, name: 'Cerrar', level: 'state', startDay: 90, durationDays: 10, weight: 1, optional: false, evidenceKinds: ['document'], completionNeedsEvidence: true, metrics: [], formats: [] },
      ];
      v2.indicators = [{ ...v1.indicators[0], targets: [{ scope: 'state', stateCode: '20', value: 40, date: null }] }];
      const replaced = await post(v2).expect(201);
      expect(replaced.body.id).toBe(created.body.id);
      expect(await exportOf('libre')).toEqual(v2);
      expect(await idOf('E.1')).toBe(e1);
      expect(await idOf('P.1')).toBeUndefined();
      const [{ phases }] = await t.dataSource.query(`SELECT array_agg(number ORDER BY number) AS phases FROM phase WHERE program_id = $1`, [created.body.id]);
      expect(phases).toEqual([1, 4]);
    });
  });

  describe('replace with participations: plans are never silently re-dated', () => {
    let v1: Doc;
    let programId: string;
    let planBefore: unknown[];
    const plan = () => t.dataSource.query(`SELECT pi.id, a.code, pi.planned_start, pi.planned_due, pi.original_start, pi.original_due, pi.included FROM plan_item pi JOIN activity a ON a.id = pi.activity_id WHERE a.program_id = $1 ORDER BY a.code`, [programId]);

    beforeAll(async () => {
      v1 = smallDoc('con-estados');
      programId = (await post(v1).expect(201)).body.id;
      await t.programs.enrol(programId, '20', '2025-02-01');
      planBefore = await plan();
      expect(planBefore).toHaveLength(2);
    });

    it('lets texts, weights, flags, evidence kinds, metrics, thresholds, indicators and targets change', async () => {
      const v2 = smallDoc('con-estados') as Loose;
      Object.assign(v2, { name: 'Nuevo nombre', description: null, approvedOn: '2025-02-01', approvalReference: null, thresholds: { atRisk: -2, offTrack: -8 }, status: 'closed' });
      v2.phases[0].description = 'Ahora con descripción';
      v2.activities = [
        { ...v1.activities[1], name: 'Publicar y documentar datos', weight: 3.5, optional: false, evidenceKinds: ['dataset', 'url'], metrics: ['descargas', 'visitas'] },
        { ...v1.activities[0], optional: true, evidenceKinds: [], metrics: ['reuniones'] },
      ];
      v2.indicators = [
        { code: 'R-1', name: 'Reuniones', definition: 'Reuniones realizadas', unit: 'count', direction: 'up', kind: 'metric_sum', params: { activityCode: 'P.1', metric: 'reuniones' }, baseline: null, targets: [{ scope: 'state', stateCode: '20', value: 4, date: '2025-06-30' }] },
        { ...v1.indicators[0], targets: [{ scope: 'national', stateCode: null, value: 250, date: null }] },
      ];
      await post(v2).expect(201);
      expect(await exportOf('con-estados')).toEqual(v2);
      expect(await plan()).toEqual(planBefore);
      v1 = v2 as Doc;
    });

    const refused: [string, (d: Loose) => void, RegExp, string][] = [
      ['an added activity', (d) => d.activities.push({ code: 'N.1', phase: 1, name: 'Nueva', level: 'state', startDay: 0, durationDays: 5, weight: 1, optional: false, evidenceKinds: [], metrics: [] }), /activities added: N\.1/, 'activities'],
      ['a removed activity', (d) => { d.activities = d.activities.filter((a: Loose) => a.code !== 'E.1'); d.indicators = d.indicators.filter((i: Loose) => i.params.activityCode !== 'E.1'); }, /activities removed: E\.1/, 'activities'],
      ['an added phase', (d) => d.phases.push({ number: 3, name: 'Tercera', description: null }), /phases added: 3/, 'phases'],
      ['a removed phase (its activity moved)', (d) => { d.phases = d.phases.filter((p: Loose) => p.number !== 2); d.activities.find((a: Loose) => a.code === 'E.1').phase = 1; }, /phases removed: 2/, 'phases'],
      ['a changed start day', (d) => (d.activities.find((a: Loose) => a.code === 'E.1').startDay = 45), /E\.1: startDay cannot change from 30 to 45/, 'activities.0.startDay'],
      ['a changed duration', (d) => (d.activities.find((a: Loose) => a.code === 'P.1').durationDays = 31), /P\.1: durationDays cannot change/, 'activities.1.durationDays'],
      ['a changed level', (d) => (d.activities.find((a: Loose) => a.code === 'E.1').level = 'state'), /E\.1: level cannot change/, 'activities.0.level'],
      ['a changed time zone', (d) => (d.timeZone = 'America/Tijuana'), /timeZone cannot change/, 'timeZone'],
    ];

    it.each(refused)('refuses %s with 409, changing nothing', async (_, mutate, message, field) => {
      const before = await counts();
      const exported = await exportOf('con-estados');
      const doc = structuredClone(v1) as Loose;
      mutate(doc);
      const res = await post(doc).expect(409);
      expect(res.body.statusCode).toBe(409);
      expect(res.body.message).toMatch(message);
      expect(res.body.message).toMatch(/participating states/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await exportOf('con-estados')).toEqual(exported);
      expect(await plan()).toEqual(planBefore);
      expect(await counts()).toEqual(before);
    });

    it('names every added and removed code in one answer', async () => {
      const doc = structuredClone(v1) as Loose;
      doc.activities = doc.activities.filter((a: Loose) => a.code !== 'P.1');
      doc.activities.push({ code: 'X.1', phase: 2, name: 'X', level: 'state', startDay: 0, durationDays: 1, weight: 1, optional: false, evidenceKinds: [], metrics: [] });
      doc.activities.push({ code: 'X.2', phase: 2, name: 'X2', level: 'state', startDay: 0, durationDays: 1, weight: 1, optional: false, evidenceKinds: [], metrics: [] });
      doc.indicators = doc.indicators.filter((i: Loose) => i.params.activityCode !== 'P.1');
      const res = await post(doc).expect(409);
      expect(res.body.errors).toEqual([
        { field: 'activities', message: 'activities added: X.1, X.2' },
        { field: 'activities', message: 'activities removed: P.1' },
      ]);
    });
  });

  it('two simultaneous imports of a new code give one program (the second replaces the first)', async () => {
    const [a, b] = await Promise.all([post(smallDoc('a-la-vez')), post(smallDoc('a-la-vez'))]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect((await programAudit('a-la-vez')).map((e) => e.action)).toEqual(['program.import', 'program.replace']);
  });
});
