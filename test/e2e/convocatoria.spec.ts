import type { Program } from '../../libs/core/src/programs/program.entity.js';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/** The national convocatoria: candidate → interested → convened → joined | declined, the funnel, and who sees what. */
describe('convocatoria', () => {
  let t: TestApp;
  let program: Program;
  let coordinator: AuthUser;
  let officer20: AuthUser;
  let officer30: AuthUser;
  let reviewer: AuthUser;
  const as = (u: AuthUser) => t.authFor(u);
  const url = () => `/api/v1/programs/${program.code}/pipeline`;
  const writes = async () => Number((await t.dataSource.query(`SELECT (SELECT count(*) FROM pipeline_entry) + (SELECT count(*) FROM pipeline_transition) + (SELECT count(*) FROM accompaniment_session) + (SELECT count(*) FROM participation) + (SELECT count(*) FROM audit_event) AS n`))[0].n);
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  // The manifiesto's document, uploaded through the convocatoria (the state need not participate yet).
  const storedFile = async (stateCode: string, by: AuthUser) => (await t.http().post(`${url()}/${stateCode}/files`).set(await as(by)).attach('file', PDF, 'manifiesto.pdf').expect(201)).body.id as string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-02-01');
    ({ program } = await t.programs.program([{ code: '1.1', durationDays: 30 }]));
    coordinator = await t.users.create({ role: 'coordinator', name: 'Coordinación', email: 'coordinacion@sna.example.mx' });
    reviewer = await t.users.create({ role: 'reviewer', name: 'Comisión', email: 'comision@sna.example.mx' });
    officer20 = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Enlace Oaxaca', email: 'enlace@oaxaca.example.mx' });
    officer30 = await t.users.create({ role: 'state_officer', stateCode: '30', name: 'Enlace Veracruz', email: 'enlace@veracruz.example.mx' });
  });
  afterAll(() => t.close());

  it('candidate → interested (own officer, with its document) → convened → joined creates the participation and its plan, all audited', async () => {
    const c = await as(coordinator);
    for (const stateCode of ['20', '30', '11']) await t.http().put(url()).set(c).send({ stateCode, cohort: 'Manifestaron interés' }).expect(200);
    await t.http().put(url()).set(c).send({ stateCode: '04', cohort: 'Iniciativas relacionadas' }).expect(200);
    await t.http().put(url()).set(c).send({ stateCode: '07' }).expect(200);

    const fileId = await storedFile('20', officer20);
    const interested = await t.http().post(`${url()}/20/transitions`).set(await as(officer20)).send({ to: 'interested', on: '2025-02-03', fileId }).expect(201);
    expect(interested.body).toMatchObject({ stateCode: '20', stage: 'interested', interestOn: '2025-02-03', interestFileId: fileId, cohort: 'Manifestaron interés' });
    await t.http().post(`${url()}/20/transitions`).set(await as(officer20)).send({ to: 'convened', on: '2025-02-10' }).expect(403);
    await t.http().post(`${url()}/20/transitions`).set(c).send({ to: 'convened', on: '2025-02-10' }).expect(201);
    const joined = await t.http().post(`${url()}/20/transitions`).set(c).send({ to: 'joined', on: '2025-02-20', joinedOn: '2025-03-01' }).expect(201);
    expect(joined.body).toMatchObject({ stage: 'joined', joinedOn: '2025-03-01', convenedOn: '2025-02-10' });
    expect(joined.body.history.map((h: { to: string }) => h.to)).toEqual(['candidate', 'interested', 'convened', 'joined']);

    const states = await t.http().get(`/api/v1/programs/${program.code}/states`).set(c).expect(200);
    expect(states.body).toEqual([expect.objectContaining({ stateCode: '20', joinedOn: '2025-03-01' })]);
    const plan = await t.http().get(`/api/v1/programs/${program.code}/states/20/plan`).set(c).expect(200);
    expect(plan.body.items).toHaveLength(1);
    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE state_code = '20' ORDER BY id`);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['pipeline.add', 'file.upload', 'pipeline.interested', 'pipeline.convened', 'pipeline.joined', 'participation.create']);

    await t.http().post(`${url()}/30/transitions`).set(c).send({ to: 'declined', on: '2025-02-12', reason: 'Sin presupuesto este año' }).expect(201);
  });

  it('a state in the convocatoria uploads its manifiesto before it participates; it joins from the convocatoria, not directly', async () => {
    // Guanajuato (11) is a candidate: no participation yet, yet its officer may upload the manifiesto.
    const officer11 = await t.users.create({ role: 'state_officer', stateCode: '11', name: 'Enlace Guanajuato', email: 'enlace@guanajuato.example.mx' });
    const upload = await t.http().post(`${url()}/11/files`).set(await as(officer11)).attach('file', PDF, 'manifiesto.pdf').expect(201);
    expect(upload.body).toMatchObject({ name: 'manifiesto.pdf', contentType: 'application/pdf' });
    const download = await t.http().get(`/api/v1/files/${upload.body.id}`).set(await as(officer11)).expect(200);
    expect(download.headers['content-type']).toContain('application/pdf');
    // Another state's officer, a state outside the convocatoria, a file that is not a document: refused.
    await t.http().post(`${url()}/11/files`).set(await as(officer20)).attach('file', PDF, 'manifiesto.pdf').expect(403);
    await t.http().post(`${url()}/09/files`).set(await as(coordinator)).attach('file', PDF, 'manifiesto.pdf').expect(404);
    const bad = await t.http().post(`${url()}/11/files`).set(await as(officer11)).attach('file', Buffer.from('MZ\x90\x00'), 'manifiesto.exe').expect(400);
    expect(bad.body.errors).toEqual([{ field: 'file', message: expect.any(String) }]);
    // Joining directly would leave the pipeline behind: refused with the reason, nothing written.
    const direct = await t.http().post(`/api/v1/programs/${program.code}/states`).set(await as(coordinator)).send({ stateCode: '11', joinedOn: '2025-03-01' }).expect(409);
    expect(direct.body.message).toContain('convocatoria');
    expect((await t.http().get(`/api/v1/programs/${program.code}/states`).set(await as(coordinator)).expect(200)).body.map((p: { stateCode: string }) => p.stateCode)).toEqual(['20']);
  });

  it('the funnel counts per stage and per cohort, for any role', async () => {
    const funnel = await t.http().get(`${url()}/funnel`).set(await as(officer30)).expect(200);
    expect(funnel.body.total).toBe(5);
    expect(funnel.body.stages).toEqual([
      { stage: 'candidate', count: 3 },
      { stage: 'interested', count: 0 },
      { stage: 'convened', count: 0 },
      { stage: 'joined', count: 1 },
      { stage: 'declined', count: 1 },
    ]);
    expect(funnel.body.cohorts.map((x: { cohort: string | null; total: number }) => [x.cohort, x.total])).toEqual([['Iniciativas relacionadas', 1], ['Manifestaron interés', 3], [null, 1]]);
  });

  it('invalid steps are a 400 on their fields and write nothing; a joined state cannot join again', async () => {
    const c = await as(coordinator);
    const early = await storedFile('11', coordinator);
    const other = await storedFile('20', coordinator);
    const before = await writes();
    const cases: Array<[string, object, string[]]> = [
      ['11', { to: 'convened', on: '2025-02-10' }, ['to']],
      ['11', { to: 'interested', on: '2025-02-10' }, ['fileId']],
      ['11', { to: 'interested', on: '2025-01-01', fileId: early }, ['on']],
      ['11', { to: 'declined', on: '2025-02-10' }, ['reason']],
      ['11', { to: 'joined', on: '2025-02-10' }, ['to', 'joinedOn']],
      ['11', { to: 'somewhere', on: '2025-02-10' }, ['to']],
      ['11', { to: 'declined', on: '10/02/2025', reason: 'x' }, ['on']],
      ['11', { to: 'declined', on: '2025-02-10', reason: 'sin\u0000presupuesto' }, ['reason']],
      ['20', { to: 'declined', on: '2025-03-10', reason: 'x' }, ['to']],
    ];
    const mid = await writes();
    for (const [state, body, fields] of cases) {
      const res = await t.http().post(`${url()}/${state}/transitions`).set(c).send(body).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
      expect(res.body.errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toEqual(fields);
    }
    // A document of another state is not this state's manifiesto.
    expect((await t.http().post(`${url()}/11/transitions`).set(c).send({ to: 'interested', on: '2025-02-10', fileId: other }).expect(400)).body.errors).toEqual([{ field: 'fileId', message: expect.any(String) }]);
    await t.http().post(`${url()}/09/transitions`).set(c).send({ to: 'declined', on: '2025-02-10', reason: 'x' }).expect(404);
    await t.http().put(url()).set(c).send({ stateCode: '99' }).expect(400);
    expect(mid).toBe(before);
    expect(await writes()).toBe(before);
  });

  it('an officer sees only its own state’s entry and never writes another’s; sessions follow the same rule', async () => {
    const own = await t.http().get(url()).set(await as(officer20)).expect(200);
    expect(own.body.map((e: { stateCode: string }) => e.stateCode)).toEqual(['20']);
    expect((await t.http().get(url()).set(await as(reviewer)).expect(200)).body).toHaveLength(5);
    const own20 = await storedFile('20', officer20);
    const before = await writes();
    await t.http().post(`${url()}/11/transitions`).set(await as(officer20)).send({ to: 'interested', on: '2025-02-10', fileId: own20 }).expect(403);
    await t.http().put(url()).set(await as(officer20)).send({ stateCode: '20' }).expect(403);
    await t.http().post(`${url()}/20/sessions`).set(await as(officer20)).send({ heldOn: '2025-02-11', topic: 'Plan' }).expect(403);
    expect(await writes()).toBe(before);

    const s = await t.http().post(`${url()}/11/sessions`).set(await as(coordinator)).send({ heldOn: '2025-02-11', topic: 'Presentación del programa', notes: 'Asistió el pleno' }).expect(201);
    expect(s.body).toMatchObject({ stateCode: '11', heldOn: '2025-02-11', topic: 'Presentación del programa', authorName: 'Coordinación' });
    await t.http().get(`${url()}/11/sessions`).set(await as(officer20)).expect(403);
    expect((await t.http().get(`${url()}/11/sessions`).set(await as(reviewer)).expect(200)).body).toHaveLength(1);
    expect((await t.http().post(`${url()}/11/sessions`).set(await as(coordinator)).send({ heldOn: 'x', topic: ' ' }).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(['heldOn', 'topic']);
    expect((await t.http().post(`${url()}/11/sessions`).set(await as(coordinator)).send({ heldOn: '2025-02-12', topic: 'Plan \ud800' }).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(['topic']);
    expect((await t.http().put(url()).set(await as(coordinator)).send({ stateCode: '09', cohort: 'Grupo\u0000' }).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(['cohort']);
    await t.http().get(url()).expect(401);
  });
});
