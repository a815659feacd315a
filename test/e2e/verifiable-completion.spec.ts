import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// A small PDF is enough: the upload route sniffs the content type from the bytes.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * Verifiable completion (issue 9.3): an activity that declares expected evidence is reported `completed` only
 * with evidence of each declared kind, unless its program document turns the rule off; the same rule holds on
 * the form, on an import and is shown by the explain view; export keeps the flag.
 */
describe('verifiable completion', () => {
  let t: TestApp;
  const CODE = 'verificable-2025';
  const doc = {
    code: CODE,
    name: 'Programa con conclusión verificable',
    phases: [{ number: 1, name: 'Planeación' }],
    activities: [
      // The rule is on by default: no `completionNeedsEvidence` here.
      { code: 'A', phase: 1, name: 'Designar enlaces', level: 'state', startDay: 0, durationDays: 30, weight: 1, evidenceKinds: ['document'] },
      { code: 'B', phase: 1, name: 'Publicar el plan', level: 'state', startDay: 0, durationDays: 30, weight: 1, evidenceKinds: ['url', 'document'] },
      { code: 'C', phase: 1, name: 'Sesión informativa', level: 'state', startDay: 0, durationDays: 30, weight: 1, evidenceKinds: ['document'], completionNeedsEvidence: false },
      { code: 'D', phase: 1, name: 'Reunión de arranque', level: 'state', startDay: 0, durationDays: 30, weight: 1 },
    ],
  };
  const reports = `/api/v1/programs/${CODE}/states/20/reports`;
  const completed = (activityCode: string, evidence?: object[]) => ({ activityCode, status: 'completed', percent: 100, reportedOn: '2025-03-05', ...(evidence ? { evidence } : {}) });
  const count = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM report'))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-03-10');
    const coordinator = (await t.as('coordinator')).auth;
    await t.http().post('/api/v1/programs/import').set(coordinator).send(doc).expect(201);
    await t.http().post(`/api/v1/programs/${CODE}/states`).set(coordinator).send({ stateCode: '20', joinedOn: '2025-03-01' }).expect(201);
  });
  afterAll(() => t.close());

  it('the document carries the rule per activity, on by default, and export gives it back', async () => {
    const exported = await t.http().get(`/api/v1/programs/${CODE}/export`).set((await t.as('coordinator')).auth).expect(200);
    expect(exported.body.activities.map((a: { code: string; completionNeedsEvidence: boolean }) => [a.code, a.completionNeedsEvidence])).toEqual([['A', true], ['B', true], ['C', false], ['D', true]]);
  });

  it('a completion without the expected evidence is a 400 on `evidence` naming the missing kinds, in both languages, and writes nothing', async () => {
    const officer = (await t.as('state_officer', '20')).auth;
    const before = await count();
    const bare = await t.http().post(reports).set(officer).send(completed('A')).expect(400);
    expect(bare.body.errors).toEqual([{ field: 'evidence', message: 'activity A is completed only with its expected evidence: add evidence of kind document' }]);
    // A link does not stand in for the document, and an activity expecting two kinds needs both.
    const partial = await t.http().post(reports).set(officer).send(completed('B', [{ kind: 'url', title: 'Plan', url: 'https://datos.example.mx/plan' }])).expect(400);
    expect(partial.body.errors).toEqual([{ field: 'evidence', message: 'activity B is completed only with its expected evidence: add evidence of kind document' }]);
    const spanish = await t.http().post(reports).set(officer).set('Accept-Language', 'es-MX').send(completed('A')).expect(400);
    expect(spanish.body.errors[0]).toEqual({ field: 'evidence', message: expect.stringMatching(/^La actividad A solo se da por concluida con su evidencia esperada: agregue evidencia de tipo document/) });
    expect(await count()).toBe(before);
  });

  it('with evidence of each kind it is stored; progress short of completion, a rule turned off, or no declared kinds need none', async () => {
    const officer = (await t.as('state_officer', '20')).auth;
    const file = await t.http().post(`/api/v1/programs/${CODE}/states/20/files`).set(officer).attach('file', PDF, { filename: 'oficio.pdf', contentType: 'application/pdf' }).expect(201);
    const doc = { kind: 'document', title: 'Oficio de designación', fileId: file.body.id };
    await t.http().post(reports).set(officer).send(completed('A', [doc])).expect(201);
    await t.http().post(reports).set(officer).send(completed('B', [doc, { kind: 'url', title: 'Plan publicado', url: 'https://datos.example.mx/plan' }])).expect(201);
    await t.http().post(reports).set(officer).send({ activityCode: 'B', status: 'in_progress', percent: 50, reportedOn: '2025-03-04' }).expect(201);
    await t.http().post(reports).set(officer).send(completed('C')).expect(201);
    await t.http().post(reports).set(officer).send(completed('D')).expect(201);
  });

  it('the explain view names, per activity, the evidence a completion needs', async () => {
    const explained = await t.http().get(`/api/v1/programs/${CODE}/states/20/progress/explain?asOf=2025-03-10`).set((await t.as('reviewer')).auth).expect(200);
    expect(explained.body.items.map((i: { activityCode: string; completionEvidence: string[] }) => [i.activityCode, i.completionEvidence])).toEqual([['A', ['document']], ['B', ['url', 'document']], ['C', []], ['D', []]]);
  });

  it('an import row that completes without the expected evidence is an error on its line and column in the dry run', async () => {
    const officer = (await t.as('state_officer', '20')).auth;
    const csv = ['Actividad,Estado de la actividad,Porcentaje,Fecha del reporte,Evidencia', 'A,Concluida,100,2025-03-06,Liga: Oficio <https://datos.example.mx/oficio>', 'C,Concluida,100,2025-03-06,'].join('\r\n');
    const before = await count();
    const dry = await t.http().post(`/api/v1/programs/${CODE}/states/20/reports/import?dryRun=true`).set(officer).attach('file', Buffer.from(csv), 'avances.csv').expect(200);
    expect(dry.body.errors).toEqual([{ line: 2, column: 'Evidencia', field: 'evidence', message: 'activity A is completed only with its expected evidence: add evidence of kind document' }]);
    expect(await count()).toBe(before);
  });
});
