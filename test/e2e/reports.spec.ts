import type { Institution } from '../../libs/core/src/institutions/institution.entity.js';
import type { Program } from '../../libs/core/src/programs/program.entity.js';
import type { ActivitySpec } from '../../libs/testing/src/factories/program.factory.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const ACTIVITIES: ActivitySpec[] = [
  { code: '1.1', startDay: 0, durationDays: 30 },
  { code: '1.3', startDay: 60, durationDays: 30, optional: true },
  { code: '2.1', phase: 2, startDay: 60, durationDays: 90, metrics: ['personas_sensibilizadas'] },
  { code: '4.4', phase: 4, level: 'institution', startDay: 280, durationDays: 90, metrics: ['conjuntos_publicados'], evidenceKinds: ['dataset'] },
];
const JOINED = '2025-01-15';
const TODAY = '2025-12-01';

interface Fixture {
  program: Program;
  /** Active institution of state 20 (joined 2025-02-01). */
  inst: Institution;
  /** Institution of state 20 that joined late (2025-11-01). */
  lateInst: Institution;
  /** Institution of state 20 that exited on 2025-06-01. */
  exitedInst: Institution;
  /** Institution of state 21. */
  foreignInst: Institution;
}

describe('Reports: submission, validation, scope, idempotency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(() => t.clock.set(TODAY));
  afterAll(() => t.close());

  async function fixture(): Promise<Fixture> {
    const { program } = await t.programs.program(ACTIVITIES);
    const p20 = await t.programs.enrol(program.id, '20', JOINED);
    const p21 = await t.programs.enrol(program.id, '21', JOINED);
    return {
      program,
      inst: await t.programs.institution(p20.participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-02-01' }),
      lateInst: await t.programs.institution(p20.participation.id, { name: 'Secretaría de Salud', joinedOn: '2025-11-01' }),
      exitedInst: await t.programs.institution(p20.participation.id, { name: 'Instituto del Agua', joinedOn: '2025-02-01', exitedOn: '2025-06-01' }),
      foreignInst: await t.programs.institution(p21.participation.id, { name: 'Secretaría de Finanzas de Puebla', joinedOn: '2025-02-01' }),
    };
  }

  const reportsUrl = (program: string, state = '20') => `/api/v1/programs/${program}/states/${state}/reports`;

  async function counts() {
    const [row] = await t.dataSource.query(`SELECT (SELECT count(*) FROM report)::int AS reports, (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM audit_event WHERE action LIKE 'report.%')::int AS audits`);
    return row as { reports: number; evidence: number; audits: number };
  }

  /** POSTs a report (as the officer of the state unless `as` is given); `.expect(status)` checks the status. */
  function post(program: string, body: object, opts: { state?: string; as?: { Authorization: string }; key?: string } = {}) {
    const sent = (async () => {
      const auth = opts.as ?? (await t.as('state_officer', opts.state ?? '20')).auth;
      const req = t.http().post(reportsUrl(program, opts.state)).set(auth);
      if (opts.key !== undefined) req.set('Idempotency-Key', opts.key);
      return req.send(body);
    })();
    return Object.assign(sent, {
      expect: async (status: number) => {
        const res = await sent;
        expect(res.status, JSON.stringify(res.body)).toBe(status);
        return res;
      },
    });
  }

  describe('POST a valid report', () => {
    it('stores a state-level report and answers 201 with the report, its evidence and author', async () => {
      const { program } = await fixture();
      const officer = await t.as('state_officer', '20');
      const res = await post(program.code, {
        activityCode: '2.1', status: 'in_progress', percent: 37.5, reportedOn: '2025-11-30', narrative: '  Dos jornadas en la región Costa.  ',
        metrics: { personas_sensibilizadas: 120 },
        evidence: [{ kind: 'url', title: 'Minuta de la jornada', url: 'https://datos.oaxaca.gob.mx/minutas/2025-11.pdf' }],
      }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String), stateCode: '20', activityCode: '2.1', activityName: 'Actividad 2.1', institutionId: null, institutionName: null,
        status: 'in_progress', percent: 37.5, reportedOn: '2025-11-30', narrative: 'Dos jornadas en la región Costa.', metrics: { personas_sensibilizadas: 120 },
        evidence: [{ kind: 'url', title: 'Minuta de la jornada', url: 'https://datos.oaxaca.gob.mx/minutas/2025-11.pdf', fileId: null, fileName: null, highValue: false, format: null, licence: null, formatCode: null }],
        reviewState: 'submitted', reviewReason: null, reviewedBy: null, reviewedAt: null, createdAt: expect.any(String),
        author: { id: officer.user.id, name: officer.user.name },
      });
      const [row] = await t.dataSource.query(`SELECT percent::text AS percent, pg_typeof(percent)::text AS type FROM report WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ percent: '37.50', type: 'numeric' });
    });

    it('stores an institution-level report with dataset evidence, and the coordinator may report too', async () => {
      const { program, inst } = await fixture();
      const { auth } = await t.as('coordinator');
      const res = await post(program.id, {
        activityCode: '4.4', institutionId: inst.id, status: 'completed', percent: 100, reportedOn: TODAY, metrics: { conjuntos_publicados: 4 },
        evidence: [{ kind: 'dataset', title: 'Padrón de proveedores', url: 'http://datos.oaxaca.gob.mx/dataset/proveedores', highValue: true, format: 'CSV', licence: 'CC-BY-4.0' }],
      }, { as: auth }).expect(201);
      expect(res.body).toMatchObject({ institutionId: inst.id, institutionName: 'Secretaría de Finanzas', status: 'completed', percent: 100, evidence: [{ kind: 'dataset', highValue: true, format: 'CSV', licence: 'CC-BY-4.0' }] });
    });

    it('writes a report.submit audit event in the same transaction', async () => {
      const { program } = await fixture();
      const officer = await t.as('state_officer', '20');
      const res = await post(program.code, { activityCode: '1.1', status: 'not_started', percent: 0, reportedOn: '2025-02-01' }).expect(201);
      const rows = await t.dataSource.query(`SELECT actor_id AS "actorId", program_id AS "programId", state_code AS "stateCode", after FROM audit_event WHERE action = 'report.submit' AND entity_id = $1`, [res.body.id]);
      expect(rows).toEqual([{ actorId: officer.user.id, programId: program.id, stateCode: '20', after: expect.objectContaining({ activityCode: '1.1', status: 'not_started', percent: 0, reportedOn: '2025-02-01' }) }]);
    });
  });

  describe('bad input: 4xx with a field message, nothing written', () => {
    const ok = { activityCode: '1.1', status: 'in_progress', percent: 50, reportedOn: '2025-11-01' };
    type Case = [name: string, body: (f: Fixture) => object, status: number, field: string, key?: string];
    const cases: Case[] = [
      ['completed below 100', () => ({ ...ok, status: 'completed', percent: 90 }), 400, 'percent'],
      ['not_started above 0', () => ({ ...ok, status: 'not_started', percent: 10 }), 400, 'percent'],
      ['percent above 100', () => ({ ...ok, percent: 100.5 }), 400, 'percent'],
      ['percent below 0', () => ({ ...ok, percent: -1 }), 400, 'percent'],
      ['percent as text', () => ({ ...ok, percent: '50' }), 400, 'percent'],
      ['percent with three decimals', () => ({ ...ok, percent: 33.333 }), 400, 'percent'],
      ['missing percent', () => ({ activityCode: '1.1', status: 'in_progress', reportedOn: '2025-11-01' }), 400, 'percent'],
      ['unknown status', () => ({ ...ok, status: 'done' }), 400, 'status'],
      ['date in the future', () => ({ ...ok, reportedOn: '2025-12-02' }), 400, 'reportedOn'],
      ['date before the state joined', () => ({ ...ok, reportedOn: '2025-01-14' }), 400, 'reportedOn'],
      ['impossible date', () => ({ ...ok, reportedOn: '2025-02-30' }), 400, 'reportedOn'],
      ['unknown activity code', () => ({ ...ok, activityCode: '9.9' }), 400, 'activityCode'],
      ['metric the activity does not declare', () => ({ ...ok, metrics: { personas_sensibilizadas: 10 } }), 400, 'metrics.personas_sensibilizadas'],
      ['unknown metric on an activity with metrics', () => ({ ...ok, activityCode: '2.1', metrics: { asistentes: 10 } }), 400, 'metrics.asistentes'],
      ['negative metric', () => ({ ...ok, activityCode: '2.1', metrics: { personas_sensibilizadas: -3 } }), 400, 'metrics.personas_sensibilizadas'],
      ['metric as text', () => ({ ...ok, activityCode: '2.1', metrics: { personas_sensibilizadas: '30' } }), 400, 'metrics.personas_sensibilizadas'],
      ['metrics as an array', () => ({ ...ok, metrics: [1, 2] }), 400, 'metrics'],
      ['institution-level activity without institution', () => ({ ...ok, activityCode: '4.4' }), 400, 'institutionId'],
      ['state-level activity with an institution', (f) => ({ ...ok, institutionId: f.inst.id }), 400, 'institutionId'],
      ['institution of another state', (f) => ({ ...ok, activityCode: '4.4', institutionId: f.foreignInst.id }), 400, 'institutionId'],
      ['institution that does not exist', () => ({ ...ok, activityCode: '4.4', institutionId: '00000000-0000-4000-8000-000000000000' }), 400, 'institutionId'],
      ['institution id that is not a UUID', () => ({ ...ok, activityCode: '4.4', institutionId: 'sefin' }), 400, 'institutionId'],
      ['institution not yet registered on that date', (f) => ({ ...ok, activityCode: '4.4', institutionId: f.lateInst.id, reportedOn: '2025-10-31' }), 400, 'institutionId'],
      ['institution exited by that date', (f) => ({ ...ok, activityCode: '4.4', institutionId: f.exitedInst.id, reportedOn: '2025-06-01' }), 400, 'institutionId'],
      ['url evidence without url', () => ({ ...ok, evidence: [{ kind: 'url', title: 'Sitio' }] }), 400, 'evidence.0.url'],
      ['dataset evidence without url', () => ({ ...ok, evidence: [{ kind: 'dataset', title: 'Padrón' }] }), 400, 'evidence.0.url'],
      ['url evidence with an ftp URL', () => ({ ...ok, evidence: [{ kind: 'url', title: 'Sitio', url: 'ftp://datos.oaxaca.gob.mx/x' }] }), 400, 'evidence.0.url'],
      ['url evidence with javascript:', () => ({ ...ok, evidence: [{ kind: 'url', title: 'Sitio', url: 'javascript:alert(1)' }] }), 400, 'evidence.0.url'],
      ['url evidence that is not a URL', () => ({ ...ok, evidence: [{ kind: 'url', title: 'Sitio', url: 'datos oaxaca' }] }), 400, 'evidence.0.url'],
      ['document evidence without a file', () => ({ ...ok, evidence: [{ kind: 'document', title: 'Oficio' }] }), 400, 'evidence.0.fileId'],
      ['document evidence with a file never uploaded', () => ({ ...ok, evidence: [{ kind: 'document', title: 'Oficio', fileId: '00000000-0000-4000-8000-000000000000' }] }), 400, 'evidence.0.fileId'],
      ['high-value flag on a link', () => ({ ...ok, evidence: [{ kind: 'url', title: 'Sitio', url: 'https://datos.oaxaca.gob.mx', highValue: true }] }), 400, 'evidence.0.highValue'],
      ['unknown evidence kind', () => ({ ...ok, evidence: [{ kind: 'video', title: 'Sitio', url: 'https://datos.oaxaca.gob.mx' }] }), 400, 'evidence.0.kind'],
      ['blank evidence title', () => ({ ...ok, evidence: [{ kind: 'url', title: '  ', url: 'https://datos.oaxaca.gob.mx' }] }), 400, 'evidence.0.title'],
      ['unknown field inside evidence', () => ({ ...ok, evidence: [{ kind: 'url', title: 'Sitio', url: 'https://datos.oaxaca.gob.mx', size: 3 }] }), 400, 'evidence.0.size'],
      ['second evidence bad, first good', () => ({ ...ok, evidence: [{ kind: 'url', title: 'Sitio', url: 'https://datos.oaxaca.gob.mx' }, { kind: 'url', title: 'Otro' }] }), 400, 'evidence.1.url'],
      ['unknown top-level field', () => ({ ...ok, reviewState: 'accepted' }), 400, 'reviewState'],
      ['Idempotency-Key too long', () => ok, 400, 'Idempotency-Key', 'k'.repeat(101)],
      ['excluded plan item', () => ({ ...ok, activityCode: '1.3' }), 409, 'activityCode'],
    ];

    it.each(cases)('%s', async (_name, body, status, field, key) => {
      const f = await fixture();
      await t.dataSource.query(`UPDATE plan_item SET included = false WHERE participation_id = (SELECT id FROM participation WHERE program_id = $1 AND state_code = '20') AND activity_id = (SELECT id FROM activity WHERE program_id = $1 AND code = '1.3')`, [f.program.id]);
      const before = await counts();
      const res = await post(f.program.code, body(f), { key });
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, message: expect.any(String) });
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]));
      expect(await counts()).toEqual(before);
    });

    it('reports several rule violations at once', async () => {
      const f = await fixture();
      const res = await post(f.program.code, { activityCode: '2.1', status: 'completed', percent: 80, reportedOn: '2025-12-05', institutionId: f.inst.id, metrics: { otra: 1 } }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['institutionId', 'metrics.otra', 'percent', 'reportedOn']);
    });

    it('refuses a report from a withdrawn state with 409', async () => {
      const { program } = await fixture();
      await t.dataSource.query(`UPDATE participation SET exited_on = '2025-10-01' WHERE program_id = $1 AND state_code = '20'`, [program.id]);
      const before = await counts();
      const res = await post(program.code, ok).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, message: expect.stringContaining('withdrew') });
      expect(await counts()).toEqual(before);
    });

    it('answers 404 for an unknown program and for a state that does not participate', async () => {
      const { program } = await fixture();
      const { auth } = await t.as('coordinator');
      await post('no-such-program', ok, { as: auth }).expect(404);
      await post(program.code, ok, { as: auth, state: '22' }).expect(404);
    });
  });

  describe('scope', () => {
    it('an officer cannot report on, or read, another state (403), even where nothing exists', async () => {
      const { program } = await fixture();
      const { auth: officer21 } = await t.as('state_officer', '21');
      const before = await counts();
      const body = { activityCode: '1.1', status: 'in_progress', percent: 10, reportedOn: '2025-11-01' };
      expect((await post(program.code, body, { as: officer21 }).expect(403)).body).toMatchObject({ statusCode: 403, errors: [] });
      await post('no-such-program', body, { as: officer21 }).expect(403);
      await t.http().get(reportsUrl(program.code)).set(officer21).expect(403);
      await t.http().get(`/api/v1/programs/${program.code}/states/20/plan/1.1/reports`).set(officer21).expect(403);
      await t.http().get(`/api/v1/programs/${program.code}/states/20/returned`).set(officer21).expect(403);
      await t.http().get(`/api/v1/programs/${program.code}/review-queue`).set(officer21).expect(403);
      expect(await counts()).toEqual(before);
    });

    it('a reviewer reads everything but cannot report; anonymous callers get 401', async () => {
      const { program } = await fixture();
      await post(program.code, { activityCode: '1.1', status: 'in_progress', percent: 10, reportedOn: '2025-11-01' }).expect(201);
      const { auth: reviewer } = await t.as('reviewer');
      await post(program.code, { activityCode: '1.1', status: 'in_progress', percent: 20, reportedOn: '2025-11-02' }, { as: reviewer }).expect(403);
      expect((await t.http().get(reportsUrl(program.code)).set(reviewer).expect(200)).body.total).toBe(1);
      await t.http().post(reportsUrl(program.code)).send({}).expect(401);
      await t.http().get(reportsUrl(program.code)).expect(401);
      await t.http().get(`/api/v1/programs/${program.code}/review-queue`).expect(401);
    });
  });

  describe('Idempotency-Key', () => {
    const body = { activityCode: '1.1', status: 'in_progress', percent: 40, reportedOn: '2025-11-01' };

    it('a retry with the same key returns the first report (200) and creates nothing', async () => {
      const { program } = await fixture();
      const first = await post(program.code, body, { key: 'retry-1' }).expect(201);
      const before = await counts();
      const second = await post(program.code, { ...body, percent: 45 }, { key: 'retry-1' }).expect(200);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      expect(await counts()).toEqual(before);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report WHERE idempotency_key = 'retry-1'`);
      expect(n).toBe(1);
    });

    it('keys belong to their author: another user with the same key creates its own report', async () => {
      const { program } = await fixture();
      const { auth: coordinator } = await t.as('coordinator');
      const a = await post(program.code, body, { key: 'shared-key' }).expect(201);
      const b = await post(program.code, body, { key: 'shared-key', as: coordinator }).expect(201);
      expect(b.body.id).not.toBe(a.body.id);
    });

    it('a key reused for another state is refused with 409', async () => {
      const { program } = await fixture();
      const { auth: coordinator } = await t.as('coordinator');
      await post(program.code, body, { key: 'coord-key', as: coordinator }).expect(201);
      const res = await post(program.code, body, { key: 'coord-key', as: coordinator, state: '21' }).expect(409);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });

    it('the same key sent in parallel creates exactly one report', async () => {
      const { program } = await fixture();
      const { auth } = await t.as('state_officer', '20');
      const responses = await Promise.all(Array.from({ length: 12 }, () => post(program.code, body, { key: 'parallel-key', as: auth })));
      expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM report WHERE idempotency_key = 'parallel-key'`);
      expect(n).toBe(1);
      const [{ audits }] = await t.dataSource.query(`SELECT count(*)::int AS audits FROM audit_event WHERE action = 'report.submit' AND entity_id = $1`, [responses[0].body.id]);
      expect(audits).toBe(1);
    });
  });

  describe('concurrency', () => {
    it('50 reports posted in parallel for one state all persist exactly once each', async () => {
      const { program, inst } = await fixture();
      const { auth } = await t.as('state_officer', '20');
      const before = await counts();
      const bodies = Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? { activityCode: '1.1', status: 'in_progress', percent: i, reportedOn: '2025-11-20', narrative: `reporte ${i}` }
          : { activityCode: '4.4', institutionId: inst.id, status: 'in_progress', percent: i, reportedOn: '2025-11-20', narrative: `reporte ${i}`, evidence: [{ kind: 'dataset', title: `Conjunto ${i}`, url: `https://datos.oaxaca.gob.mx/dataset/${i}` }] },
      );
      const responses = await Promise.all(bodies.map((b) => post(program.code, b, { as: auth })));
      expect(responses.filter((r) => r.status >= 500)).toEqual([]);
      expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(50);
      const after = await counts();
      expect(after).toEqual({ reports: before.reports + 50, evidence: before.evidence + 25, audits: before.audits + 50 });
      const rows = await t.dataSource.query(`SELECT narrative, seq FROM report WHERE id = ANY($1::uuid[])`, [responses.map((r) => r.body.id)]);
      expect(new Set(rows.map((r: { narrative: string }) => r.narrative)).size).toBe(50);
      expect(new Set(rows.map((r: { seq: string }) => r.seq)).size).toBe(50);
    });
  });

  describe('reading', () => {
    it('lists a state’s reports newest first, filtered and paginated', async () => {
      const { program, inst } = await fixture();
      await post(program.code, { activityCode: '1.1', status: 'in_progress', percent: 10, reportedOn: '2025-03-01' }).expect(201);
      await post(program.code, { activityCode: '1.1', status: 'completed', percent: 100, reportedOn: '2025-04-01' }).expect(201);
      await post(program.code, { activityCode: '4.4', institutionId: inst.id, status: 'in_progress', percent: 30, reportedOn: '2025-11-15' }).expect(201);
      await post(program.code, { activityCode: '2.1', status: 'blocked', percent: 5, reportedOn: '2025-04-01' }).expect(201);
      await post(program.code, { activityCode: '1.1', status: 'in_progress', percent: 10, reportedOn: '2025-03-01' }, { state: '21' }).expect(201);
      const { auth } = await t.as('state_officer', '20');
      const get = (q: string) => t.http().get(`${reportsUrl(program.code)}${q}`).set(auth).expect(200).then((r) => r.body);

      const all = await get('');
      expect(all.total).toBe(4);
      expect(all.items.map((r: { activityCode: string; reportedOn: string }) => `${r.activityCode}@${r.reportedOn}`)).toEqual(['4.4@2025-11-15', '2.1@2025-04-01', '1.1@2025-04-01', '1.1@2025-03-01']);
      expect((await get('?activityCode=1.1')).total).toBe(2);
      expect((await get(`?institutionId=${inst.id}`)).items.map((r: { percent: number }) => r.percent)).toEqual([30]);
      expect((await get('?from=2025-04-01&to=2025-04-30')).total).toBe(2);
      expect((await get('?reviewState=accepted')).total).toBe(0);
      const page = await get('?limit=2&offset=2');
      expect(page).toMatchObject({ total: 4 });
      expect(page.items.map((r: { activityCode: string }) => r.activityCode)).toEqual(['1.1', '1.1']);
    });

    it('refuses bad filters with field messages', async () => {
      const { program } = await fixture();
      const { auth } = await t.as('coordinator');
      for (const [q, field] of [['?reviewState=pending', 'reviewState'], ['?from=2025-13-01', 'from'], ['?institutionId=x', 'institutionId'], ['?limit=0', 'limit'], ['?from=2025-05-01&to=2025-04-01', 'to'], ['?color=red', 'color']]) {
        const res = await t.http().get(`${reportsUrl(program.code)}${q}`).set(auth).expect(400);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
    });
  });
});
