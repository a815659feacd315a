import type { Program } from '../../libs/core/src/programs/program.entity.js';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/** Threads on a report, a plan item and a finding; @mentions notify; the state answers a finding, late or not. */
describe('comments', () => {
  let t: TestApp;
  let program: Program;
  let reportId: string;
  let itemId: string;
  let findingId: string;
  let officer20: AuthUser;
  let officer21: AuthUser;
  let coordinator: AuthUser;
  let reviewer: AuthUser;
  const as = (u: AuthUser) => t.authFor(u);
  const url = () => `/api/v1/programs/${program.code}/comments`;
  const count = async () => Number((await t.dataSource.query('SELECT (SELECT count(*) FROM comment) + (SELECT count(*) FROM comment_mention) AS n'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-03-10');
    ({ program } = await t.programs.program([{ code: '1.1', durationDays: 30 }]));
    await t.programs.enrol(program.id, '20', '2025-03-01');
    await t.programs.enrol(program.id, '21', '2025-03-01');
    officer20 = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Enlace Oaxaca', email: 'enlace@oaxaca.example.mx' });
    officer21 = await t.users.create({ role: 'state_officer', stateCode: '21', name: 'Enlace Puebla', email: 'enlace@puebla.example.mx' });
    coordinator = await t.users.create({ role: 'coordinator', name: 'Coordinación', email: 'coordinacion@sna.example.mx' });
    reviewer = await t.users.create({ role: 'reviewer', name: 'Comisión', email: 'comision@sna.example.mx' });
    const report = await t.http().post(`/api/v1/programs/${program.code}/states/20/reports`).set(await as(officer20)).send({ activityCode: '1.1', status: 'in_progress', percent: 30, reportedOn: '2025-03-09' }).expect(201);
    reportId = report.body.id;
    itemId = (await t.http().get(`/api/v1/programs/${program.code}/states/20/plan`).set(await as(officer20)).expect(200)).body.items[0].id;
    await t.http().post(`/api/v1/programs/${program.code}/review-rounds`).set(await as(reviewer)).send({ title: 'Primera revisión', asOf: '2025-03-09' }).expect(201);
    const finding = await t.http().post(`/api/v1/programs/${program.code}/review-rounds/RR-2025-001/findings`).set(await as(reviewer)).send({ type: 'missing_evidence', stateCode: '20', activityCode: '1.1', description: 'El reporte no trae evidencia.', dueOn: '2025-03-20' }).expect(201);
    findingId = finding.body.id;
  });
  afterAll(() => t.close());

  it('a thread on a report: the coordination asks, naming the officer, who is notified and answers; oldest first, audited', async () => {
    const asked = await t.http().post(url()).set(await as(coordinator)).send({ subjectType: 'report', subjectId: reportId, body: '¿Puede adjuntar el acta? @Enlace@Oaxaca.example.mx.' }).expect(201);
    expect(asked.body).toMatchObject({ subjectType: 'report', subjectId: reportId, stateCode: '20', author: { id: coordinator.id, name: 'Coordinación' }, authorRole: 'coordinator', answer: false, late: false, mentions: [{ id: officer20.id, name: 'Enlace Oaxaca' }] });
    const inbox = await t.http().get('/api/v1/me/mentions').set(await as(officer20)).expect(200);
    expect(inbox.body).toMatchObject({ total: 1, unread: 1, items: [{ id: asked.body.id, programCode: program.code, readAt: null, body: '¿Puede adjuntar el acta? @Enlace@Oaxaca.example.mx.' }] });
    expect((await t.http().post('/api/v1/me/mentions/read').set(await as(officer20)).send({}).expect(200)).body).toEqual({ marked: 1 });
    expect((await t.http().get('/api/v1/me/mentions?unread=true').set(await as(officer20)).expect(200)).body).toMatchObject({ total: 0, unread: 0, items: [] });

    t.clock.set('2025-03-10T18:05:00Z'); // the answer comes five minutes later: threads read oldest first by the clock
    await t.http().post(url()).set(await as(officer20)).send({ subjectType: 'report', subjectId: reportId, body: 'Listo, va en el siguiente reporte.' }).expect(201);
    t.clock.set('2025-03-10');
    const thread = await t.http().get(`${url()}?subjectType=report&subjectId=${reportId}`).set(await as(reviewer)).expect(200);
    expect(thread.body.map((c: { authorRole: string }) => c.authorRole)).toEqual(['coordinator', 'state_officer']);
    const audit = await t.dataSource.query("SELECT action, state_code FROM audit_event WHERE entity_type = 'comment' ORDER BY id");
    expect(audit).toEqual([{ action: 'comment.create', state_code: '20' }, { action: 'comment.create', state_code: '20' }]);
  });

  it('a plan item’s thread, and the state answers a finding — on time, then late after its due date', async () => {
    await t.http().post(url()).set(await as(reviewer)).send({ subjectType: 'plan_item', subjectId: itemId, body: 'La comisión revisará esta actividad en abril.' }).expect(201);
    expect((await t.http().get(`${url()}?subjectType=plan_item&subjectId=${itemId}`).set(await as(officer20)).expect(200)).body).toHaveLength(1);

    const onTime = await t.http().post(url()).set(await as(officer20)).send({ subjectType: 'finding', subjectId: findingId, body: 'Se subió el acta de verificación.', answer: true }).expect(201);
    expect(onTime.body).toMatchObject({ answer: true, late: false });
    t.clock.set('2025-03-21');
    const late = await t.http().post(url()).set(await as(officer20)).send({ subjectType: 'finding', subjectId: findingId, body: 'Complemento: el acta firmada.', answer: true }).expect(201);
    expect(late.body).toMatchObject({ answer: true, late: true });
    t.clock.set('2025-03-10');
    const audit = await t.dataSource.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'finding.answer'");
    expect(audit[0].n).toBe(2);
  });

  it('officers never read or write another state’s threads; bad input is a 400 on its field and writes nothing', async () => {
    const before = await count();
    const o21 = await as(officer21);
    await t.http().get(`${url()}?subjectType=report&subjectId=${reportId}`).set(o21).expect(403);
    await t.http().post(url()).set(o21).send({ subjectType: 'finding', subjectId: findingId, body: 'Hola' }).expect(403);
    await t.http().post(url()).set((await t.as('admin')).auth).send({ subjectType: 'report', subjectId: reportId, body: 'Hola' }).expect(403);

    const bad = async (body: object, field: string, status = 400) => {
      const res = await t.http().post(url()).set(await as(coordinator)).send(body).expect(status);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      return res.body.errors as { field: string; message: string }[];
    };
    await bad({ subjectType: 'review', subjectId: reportId, body: 'x' }, 'subjectType');
    await bad({ subjectType: 'report', subjectId: 'abc', body: 'x' }, 'subjectId');
    await bad({ subjectType: 'report', subjectId: reportId, body: '   ' }, 'body');
    await bad({ subjectType: 'report', subjectId: reportId, body: 'x'.repeat(4001) }, 'body');
    await bad({ subjectType: 'report', subjectId: reportId, body: 'a\u0000b' }, 'body');
    await bad({ subjectType: 'report', subjectId: reportId, body: 'x', answer: true }, 'answer');
    await bad({ subjectType: 'finding', subjectId: findingId, body: 'x', answer: true }, 'answer'); // the coordination does not answer for the state
    const named = await bad({ subjectType: 'report', subjectId: reportId, body: 'Vea @enlace@puebla.example.mx y @nadie@example.mx' }, 'body');
    expect(named.map((e) => e.message)).toEqual([
      '@enlace@puebla.example.mx is not someone who takes part in this thread (the coordination, the commission or the state’s officers)',
      '@nadie@example.mx is not someone who takes part in this thread (the coordination, the commission or the state’s officers)',
    ]);
    const es = await t.http().post(url()).set(await as(coordinator)).set('Accept-Language', 'es-MX').send({ subjectType: 'report', subjectId: reportId, body: '@nadie@example.mx' }).expect(400);
    expect(es.body.errors[0].message).toBe('@nadie@example.mx no participa en esta conversación (la coordinación, la comisión o los enlaces de la entidad)');
    const missing = await t.http().post(url()).set(await as(coordinator)).send({ subjectType: 'report', subjectId: '00000000-0000-4000-8000-000000000000', body: 'x' }).expect(404);
    expect(missing.body.message).toBe(`No report 00000000-0000-4000-8000-000000000000 in program ${program.code}`);
    await t.http().get(`${url()}?subjectType=finding`).set(await as(coordinator)).expect(400);
    await t.http().get('/api/v1/me/mentions?limit=0').set(await as(coordinator)).expect(400);
    await t.http().post('/api/v1/me/mentions/read').set(await as(coordinator)).send({ commentIds: ['x'] }).expect(400);
    expect(await count()).toBe(before);
  });
});
