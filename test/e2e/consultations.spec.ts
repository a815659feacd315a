import ExcelJS from 'exceljs';
import type { Program } from '../../libs/core/src/programs/program.entity.js';
import { binary } from '../../libs/testing/src/http-binary.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/** Program versions kept whole, their differences, and consultation rounds with their comments and figures. */
describe('program versions and consultations', () => {
  let t: TestApp;
  let program: Program;
  let coord: Record<string, string>;
  const url = (path: string) => `/api/v1/programs/${program.code}${path}`;
  const written = async () =>
    Number((await t.dataSource.query(`SELECT (SELECT count(*) FROM program_version) + (SELECT count(*) FROM consultation_round) + (SELECT count(*) FROM consultation_comment) + (SELECT count(*) FROM audit_event) AS n`))[0].n);
  let draftId: string;
  let approvedId: string;
  let roundId: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2024-11-20');
    ({ program } = await t.programs.program([{ code: '1.1' }, { code: '1.2', optional: true }, { code: '2.1', phase: 2, level: 'institution', durationDays: 60 }]));
    coord = (await t.as('coordinator')).auth;
  });
  afterAll(() => t.close());

  it('keeps the draft (its own document) and the approved text (the program now), and tells what changed between them', async () => {
    const current = (await t.http().get(url('/export')).set(coord).expect(200)).body;
    // The draft put to consultation: no activity 1.2 yet, 2.1 shorter, phase 2 named otherwise.
    const draft = {
      ...current,
      phases: current.phases.map((p: { number: number }) => (p.number === 2 ? { ...p, name: 'Ejecución' } : p)),
      activities: current.activities.filter((a: { code: string }) => a.code !== '1.2').map((a: { code: string }) => (a.code === '2.1' ? { ...a, durationDays: 45 } : a)),
    };
    const a = await t.http().post(url('/versions')).set(coord).send({ label: 'Borrador para consulta', issuedOn: '2024-08-06', document: draft }).expect(201);
    expect(a.body).toMatchObject({ label: 'Borrador para consulta', issuedOn: '2024-08-06', phases: 2, activities: 2, rounds: 0 });
    draftId = a.body.id;
    const b = await t.http().post(url('/versions')).set(coord).send({ label: 'Aprobado por el Consejo Nacional', issuedOn: '2024-11-19', note: 'Acuerdo del 19 de noviembre de 2024' }).expect(201);
    expect(b.body).toMatchObject({ activities: 3, note: 'Acuerdo del 19 de noviembre de 2024' });
    approvedId = b.body.id;

    const list = await t.http().get(url('/versions')).set((await t.as('state_officer', '20')).auth).expect(200);
    expect(list.body.map((v: { label: string }) => v.label)).toEqual(['Borrador para consulta', 'Aprobado por el Consejo Nacional']);
    const detail = await t.http().get(url(`/versions/${draftId}`)).set((await t.as('reviewer')).auth).expect(200);
    expect(detail.body.document.activities.map((x: { code: string }) => x.code)).toEqual(['1.1', '2.1']);

    const diff = await t.http().get(url(`/versions/diff?from=${draftId}&to=${approvedId}`)).set(coord).expect(200);
    expect(diff.body.activities).toEqual({ added: [{ code: '1.2', name: 'Actividad 1.2', phase: 1 }], removed: [], changed: [{ key: '2.1', name: 'Actividad 2.1', changes: [{ field: 'durationDays', from: 45, to: 60 }] }] });
    expect(diff.body.phases).toEqual({ added: [], removed: [], changed: [{ key: '2', name: 'Fase 2', changes: [{ field: 'name', from: 'Ejecución', to: 'Fase 2' }] }] });
    // The other way round, what was added is removed.
    const back = await t.http().get(url(`/versions/diff?from=${approvedId}&to=${draftId}`)).set(coord).expect(200);
    expect(back.body.activities.removed).toEqual([{ code: '1.2', name: 'Actividad 1.2', phase: 1 }]);

    const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_type = 'program_version' ORDER BY id`);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['program_version.create', 'program_version.create']);
  });

  it('records a round’s comments with their type and attention, and counts them: comments, of form, of substance, attended', async () => {
    const round = await t.http().post(url(`/versions/${draftId}/consultation-rounds`)).set(coord).send({ title: 'Consulta pública del borrador', opensOn: '2024-08-12', closesOn: '2024-09-13' }).expect(201);
    roundId = round.body.id;
    expect(round.body).toMatchObject({ versionLabel: 'Borrador para consulta', figures: { comments: 0, form: 0, substance: 0, attended: 0, notAttended: 0, attendedPercent: null } });
    const comments = [
      { originBody: 'Organismo garante de Oaxaca', type: 'form', text: 'Homologar «datos abiertos» en todo el texto.', attended: true },
      { originBody: 'Organismo garante de Veracruz', type: 'substance', text: 'Precisar quién valida los conjuntos de alto valor.', activityCode: '2.1', attended: true, response: 'Se precisa en la actividad 2.1.' },
      { originBody: 'Universidad Veracruzana', type: 'substance', text: 'Incluir a los municipios desde la primera fase.', attended: false, response: 'Ya considerado: los municipios se suman en la fase 2.' },
    ];
    for (const c of comments) await t.http().post(url(`/consultation-rounds/${roundId}/comments`)).set(coord).send(c).expect(201);
    const rounds = await t.http().get(url('/consultation-rounds')).set((await t.as('reviewer')).auth).expect(200);
    expect(rounds.body).toHaveLength(1);
    expect(rounds.body[0].figures).toEqual({ comments: 3, form: 1, substance: 2, attended: 2, notAttended: 1, attendedPercent: 66.7 });
    const versions = await t.http().get(url('/versions')).set(coord).expect(200);
    expect(versions.body.find((v: { id: string }) => v.id === draftId).rounds).toBe(1);

    const substance = await t.http().get(url(`/consultation-rounds/${roundId}/comments?type=substance&limit=1`)).set(coord).expect(200);
    expect(substance.body.total).toBe(2);
    expect(substance.body.items).toEqual([expect.objectContaining({ originBody: 'Organismo garante de Veracruz', activityCode: '2.1', attended: true })]);
    const notAttended = await t.http().get(url(`/consultation-rounds/${roundId}/comments?attended=false`)).set(coord).expect(200);
    expect(notAttended.body.items.map((c: { response: string }) => c.response)).toEqual(['Ya considerado: los municipios se suman en la fase 2.']);
  });

  it('bad input is a 400 on its fields and writes nothing; a label already used is a 409', async () => {
    const before = await written();
    const current = (await t.http().get(url('/export')).set(coord).expect(200)).body;
    const bad = async (path: string, body: object, fields: string[]) => {
      const res = await t.http().post(url(path)).set(coord).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field), JSON.stringify(body)).toEqual(fields);
    };
    await bad('/versions', { label: ' ', issuedOn: '06/08/2024' }, ['label', 'issuedOn']);
    await bad('/versions', { label: 'Otra', issuedOn: '2024-08-06', document: { ...current, code: 'otro-programa' } }, ['document.code']);
    await bad('/versions', { label: 'Otra', issuedOn: '2024-08-06', document: { ...current, activities: [{ ...current.activities[0], weight: -1 }] } }, ['document.activities.0.weight']);
    await bad('/versions', { label: 'Otra\u0000', issuedOn: '2024-08-06' }, ['label']);
    await bad(`/versions/${draftId}/consultation-rounds`, { title: 'Ronda', opensOn: '2024-09-01', closesOn: '2024-08-01' }, ['closesOn']);
    await bad(`/consultation-rounds/${roundId}/comments`, { originBody: 'X', type: 'fondo', text: 'x', attended: 'sí' }, ['type', 'attended']);
    await bad(`/consultation-rounds/${roundId}/comments`, { originBody: 'X', type: 'form', text: 'x', attended: false }, ['response']);
    await bad(`/consultation-rounds/${roundId}/comments`, { originBody: 'X', type: 'form', text: 'x', attended: true, activityCode: '1.2' }, ['activityCode']); // 1.2 is not in the draft
    await bad(`/consultation-rounds/${roundId}/comments`, { originBody: 'X', type: 'form', text: 'a\ud800', attended: true }, ['text']);
    const diff = await t.http().get(url(`/versions/diff?from=${draftId}&to=nada`)).set(coord).expect(400);
    expect(diff.body.errors.map((e: { field: string }) => e.field)).toEqual(['to']);
    await t.http().get(url(`/versions/diff?from=${draftId}&to=00000000-0000-4000-8000-000000000000`)).set(coord).expect(400);
    await t.http().get(url('/versions/00000000-0000-4000-8000-000000000000')).set(coord).expect(404);
    await t.http().post(url('/consultation-rounds/00000000-0000-4000-8000-000000000000/comments')).set(coord).send({ originBody: 'X', type: 'form', text: 'x', attended: true }).expect(404);
    const taken = await t.http().post(url('/versions')).set(coord).send({ label: 'Borrador para consulta', issuedOn: '2024-08-07' }).expect(409);
    expect(taken.body.message).toContain('Borrador para consulta');
    expect(await written()).toBe(before);
  });

  it('comments leave as XLSX/CSV and come back: the export re-imports unchanged; new rows are checked in a dry run, then imported once', async () => {
    const imp = (file: Buffer, name: string, dryRun: boolean, auth = coord) => t.http().post(url(`/consultation-rounds/${roundId}/comments/import?dryRun=${dryRun}`)).set(auth).attach('file', file, name);
    for (const format of ['xlsx', 'csv']) {
      const exported = (await binary(t.http().get(url(`/consultation-rounds/${roundId}/comments/export?format=${format}`)).set((await t.as('reviewer')).auth)).expect(200)).body as Buffer;
      const before = await written();
      const dry = await imp(exported, `comentarios.${format}`, true).expect(200);
      expect(dry.body).toMatchObject({ kind: 'comments', dryRun: true, rowCount: 3, created: 0, unchanged: 3, errors: [] });
      expect(await written()).toBe(before);
    }
    const xlsx = (await binary(t.http().get(url(`/consultation-rounds/${roundId}/comments/export?format=xlsx`)).set(coord)).expect(200)).body as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, 'Folio', 'Origen', 'Tipo', 'Comentario', 'Actividad', 'Atendido', 'Respuesta']);
    expect(wb.worksheets[0].getRow(2).getCell(3).value).toBe('Forma');

    // New comments in a CSV (es-MX headers and words), with mistakes: each error says its line and column; nothing is written.
    const bad = Buffer.from('Origen,Tipo,Comentario,Actividad,Atendido,Respuesta\nColectivo A,Fondo,Texto uno,2.1,Sí,\nColectivo B,Opinión,Texto dos,,No,\nColectivo C,Forma,Texto tres,9.9,quizá,\n');
    const before = await written();
    const dry = await imp(bad, 'nuevos.csv', true).set('Accept-Language', 'es-MX').expect(200);
    expect(dry.body.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([[3, 'Tipo'], [3, 'Respuesta'], [4, 'Atendido'], [4, 'Actividad']]);
    expect(dry.body.errors[0].message).toContain('type debe ser uno de');
    const refused = await imp(bad, 'nuevos.csv', false).expect(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'rows.3.type' });
    expect(await written()).toBe(before);

    const good = Buffer.from('Origen,Tipo,Comentario,Actividad,Atendido,Respuesta\nColectivo A,Fondo,Texto uno,2.1,Sí,Se atiende en 2.1\nColectivo B,forma,Texto dos,,No,Ya considerado\n');
    expect((await imp(good, 'nuevos.csv', true).expect(200)).body).toMatchObject({ created: 2, unchanged: 0, errors: [], alreadyImported: false });
    const done = await imp(good, 'nuevos.csv', false).expect(200);
    expect(done.body).toMatchObject({ dryRun: false, created: 2, alreadyImported: false });
    const again = await imp(good, 'otra-vez.csv', false).expect(200);
    expect(again.body).toMatchObject({ created: 2, alreadyImported: true });
    const rounds = await t.http().get(url('/consultation-rounds')).set(coord).expect(200);
    expect(rounds.body[0].figures).toMatchObject({ comments: 5, form: 2, substance: 3, attended: 3 });
    const audit = await t.dataSource.query(`SELECT count(*) FILTER (WHERE action = 'consultation_comment.create' AND justification = 'import: nuevos.csv')::int AS rows, count(*) FILTER (WHERE action = 'comments.import')::int AS imports FROM audit_event`);
    expect(audit[0]).toEqual({ rows: 2, imports: 1 });

    // Only the coordination imports; a file that is not a sheet is a 400 on file.
    await imp(good, 'nuevos.csv', true, (await t.as('state_officer', '20')).auth).expect(403);
    expect((await imp(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]), 'x.png', true).expect(400)).body.errors[0].field).toBe('file');
  });

  it('only the coordination records; every signed-in role reads', async () => {
    const before = await written();
    for (const role of ['reviewer', 'admin'] as const) {
      await t.http().post(url('/versions')).set((await t.as(role)).auth).send({ label: `De ${role}`, issuedOn: '2024-08-06' }).expect(403);
    }
    const officer = (await t.as('state_officer', '20')).auth;
    await t.http().post(url(`/consultation-rounds/${roundId}/comments`)).set(officer).send({ originBody: 'X', type: 'form', text: 'x', attended: true }).expect(403);
    await t.http().post(url(`/versions/${draftId}/consultation-rounds`)).set(officer).send({ title: 'Ronda' }).expect(403);
    expect((await t.http().get(url(`/consultation-rounds/${roundId}/comments`)).set(officer).expect(200)).body.total).toBe(5);
    await t.http().get(url('/consultation-rounds')).expect(401);
    expect(await written()).toBe(before);
  });
});
