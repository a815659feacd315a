import { binary } from '../../libs/testing/src/http-binary.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const MAX = 200_000;

/** Institutions from CSV/XLSX: dry run, one-transaction import once per file, the export's round trip. */
describe('institutions import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RUMBO_UPLOAD_MAX_BYTES: String(MAX) });
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2025-06-01'));

  const base = (code: string, state = '20') => `/api/v1/programs/${code}/states/${state}/institutions`;
  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const snapshot = (programId: string) =>
    t.dataSource.query('SELECT i.id, i.name, i.acronym, i.order_of_government, i.joined_on::text, i.exited_on::text FROM institution i JOIN participation p ON p.id = i.participation_id WHERE p.program_id = $1 ORDER BY i.id', [programId]);
  const writes = async (programId: string) => ({
    audit: await count('SELECT count(*) AS n FROM audit_event WHERE program_id = $1', [programId]),
    batches: await count('SELECT count(*) AS n FROM import_batch b JOIN participation p ON p.id = b.participation_id WHERE p.program_id = $1', [programId]),
    institutions: await snapshot(programId),
  });

  /** A program, state 20 enrolled, two institutions registered by the officer. */
  async function withInstitutions() {
    const { program } = await t.programs.program();
    await t.programs.enrol(program.id, '20', '2025-01-15');
    const { auth } = await t.as('state_officer', '20');
    await t.http().post(base(program.code)).set(auth).send({ name: 'Secretaría de Finanzas', acronym: 'SEFIN', order: 'state', joinedOn: '2025-02-01' }).expect(201);
    await t.http().post(base(program.code)).set(auth).send({ name: 'Instituto Municipal de Planeación', order: 'municipal', joinedOn: '2025-03-01' }).expect(201);
    return { program, auth };
  }

  const send = (code: string, auth: Record<string, string>, file: Buffer, name: string, query = '') =>
    t.http().post(`${base(code)}/import${query}`).set(auth).attach('file', file, name);

  describe('an export re-imports unchanged', () => {
    it.each(['xlsx', 'csv'])('%s: dry run and confirmed import find every row unchanged and write nothing', async (format) => {
      const { program, auth } = await withInstitutions();
      const exported = (await binary(t.http().get(`${base(program.code)}/export?format=${format}`).set(auth)).expect(200)).body as Buffer;
      const before = await writes(program.id);
      const dry = await send(program.code, auth, exported, `instituciones.${format}`).expect(200);
      expect(dry.body).toMatchObject({ kind: 'institutions', dryRun: true, format, rowCount: 2, created: 0, updated: 0, unchanged: 2, errors: [], alreadyImported: false, importedAt: null });
      expect(dry.body.rows.map((r: { action: string }) => r.action)).toEqual(['unchanged', 'unchanged']);
      const done = await send(program.code, auth, exported, `instituciones.${format}`, '?dryRun=false').expect(200);
      expect(done.body).toMatchObject({ dryRun: false, created: 0, updated: 0, unchanged: 2, alreadyImported: false });
      expect((await writes(program.id)).institutions).toEqual(before.institutions);
    });
  });

  it('a dry run shows what an edited file would do and writes nothing; the confirmed import applies it once, audited', async () => {
    const { program, auth } = await withInstitutions();
    const list = (await t.http().get(base(program.code)).set(auth).expect(200)).body as { id: string; name: string }[];
    const finanzas = list.find((i) => i.name === 'Secretaría de Finanzas')!;
    // Spanish headers and words, as someone would type them; the first institution renamed by its Folio, the second matched by name.
    const csv = [
      'Folio,Nombre,Siglas,Orden de gobierno,Alta,Baja',
      `${finanzas.id},Secretaría de Finanzas y Planeación,SEFINP,Estatal,2025-02-01,`,
      ',instituto municipal de planeacion,,municipal,,2025-05-31',
      ',Comisión Estatal del Agua,CEA,Estatal,2025-04-01,',
    ].join('\r\n');
    const before = await writes(program.id);
    const dry = await send(program.code, auth, Buffer.from(csv), 'cambios.csv').expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, format: 'csv', rowCount: 3, created: 1, updated: 2, unchanged: 0, errors: [] });
    expect(dry.body.rows).toEqual([
      { line: 2, action: 'update', recordId: finanzas.id, label: 'Secretaría de Finanzas y Planeación', changes: ['name', 'acronym'] },
      { line: 3, action: 'update', recordId: expect.any(String), label: 'instituto municipal de planeacion', changes: ['name', 'exitedOn'] },
      { line: 4, action: 'create', recordId: null, label: 'Comisión Estatal del Agua', changes: [] },
    ]);
    expect(await writes(program.id)).toEqual(before);

    const done = await send(program.code, auth, Buffer.from(csv), 'cambios.csv', '?dryRun=false').expect(200);
    expect(done.body).toMatchObject({ dryRun: false, created: 1, updated: 2, alreadyImported: false, importedAt: expect.any(String) });
    const after = (await t.http().get(base(program.code)).set(auth).expect(200)).body;
    expect(after).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: finanzas.id, name: 'Secretaría de Finanzas y Planeación', acronym: 'SEFINP' }),
      expect.objectContaining({ name: 'instituto municipal de planeacion', exitedOn: '2025-05-31' }),
      expect.objectContaining({ name: 'Comisión Estatal del Agua', order: 'state', joinedOn: '2025-04-01', exitedOn: null }),
    ]));
    const actions = await t.dataSource.query("SELECT action, justification FROM audit_event WHERE program_id = $1 AND (justification LIKE 'import:%' OR action = 'institutions.import') ORDER BY id", [program.id]);
    expect(actions).toEqual([
      { action: 'institution.update', justification: 'import: cambios.csv' },
      { action: 'institution.update', justification: 'import: cambios.csv' },
      { action: 'institution.create', justification: 'import: cambios.csv' },
      { action: 'institutions.import', justification: null },
    ]);

    // The same file again (a double click, a retry): found by its hash, nothing written.
    const once = await writes(program.id);
    const again = await send(program.code, auth, Buffer.from(csv), 'cambios (1).csv', '?dryRun=false').expect(200);
    expect(again.body).toMatchObject({ alreadyImported: true, created: 1, updated: 2, importedAt: done.body.importedAt });
    expect(await writes(program.id)).toEqual(once);
    expect((await send(program.code, auth, Buffer.from(csv), 'cambios.csv').expect(200)).body.alreadyImported).toBe(true);
  });

  it('row errors name the line and the column (in Spanish when asked); a confirmed import with any writes nothing', async () => {
    const { program, auth } = await withInstitutions();
    const csv = [
      'name,acronym,order,joinedOn',
      'Fiscalía General,FGE,estatal,2025-02-01',
      'Congreso del Estado,,provincial,2025-02-01',
      ',,state,2025-02-01',
      'Auditoría Superior,,state,2025-02-30',
      'Tribunal Electoral,,state,2025-01-01',
      'fiscalia general,,state,',
      'secretaria de finanzas,,federal,',
    ].join('\n');
    const before = await writes(program.id);
    const dry = await send(program.code, auth, Buffer.from(csv), 'errores.csv').set('Accept-Language', 'es-MX').expect(200);
    expect(dry.body.rows).toEqual([]);
    expect(dry.body.errors).toEqual([
      { line: 3, column: 'order', field: 'order', message: 'order debe ser uno de: federal, state, municipal' },
      { line: 4, column: 'name', field: 'name', message: 'name no debe estar en blanco' },
      { line: 5, column: 'joinedOn', field: 'joinedOn', message: 'Escriba una fecha válida (AAAA-MM-DD) en joinedOn.' },
      { line: 6, column: 'joinedOn', field: 'joinedOn', message: 'joinedOn (2025-01-01) no puede ser anterior a la adhesión de la entidad al programa (2025-01-15).' },
      { line: 8, column: 'order', field: 'order', message: 'El orden de gobierno de una institución registrada no cambia (es state)' },
      { line: 7, column: null, field: null, message: 'Esta fila y la línea 2 tienen el mismo nombre' },
    ]);
    const refused = await send(program.code, auth, Buffer.from(csv), 'errores.csv', '?dryRun=false').expect(400);
    expect(refused.body.message).toBe('The file has errors; nothing was imported');
    expect(refused.body.errors).toContainEqual({ field: 'rows.3.order', message: 'order must be one of: federal, state, municipal' });
    expect(await writes(program.id)).toEqual(before);
  });

  it('a header it does not know, or without a required column, is an error on line 1', async () => {
    const { program, auth } = await withInstitutions();
    const res = await send(program.code, auth, Buffer.from('Nombre,Teléfono\nFiscalía,555\n'), 'x.csv').expect(200);
    expect(res.body.errors).toEqual([
      { line: 1, column: 'Teléfono', field: null, message: 'unknown column "Teléfono"; the columns are: id, name, acronym, order, joinedOn, exitedOn' },
      { line: 1, column: null, field: 'order', message: 'the file has no column "order" (or "Orden de gobierno")' },
    ]);
  });

  describe('bad files: a clear 4xx, nothing written', () => {
    it.each([
      ['an image', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'foto.csv', 400, 'the file is neither an XLSX workbook nor a UTF-8 CSV text'],
      ['a broken XLSX', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), 'roto.xlsx', 400, 'the XLSX workbook cannot be read: it is damaged or not a workbook'],
      ['an empty file', Buffer.alloc(0), 'vacio.csv', 400, 'file is empty'],
      ['a CSV with a broken quote', Buffer.from('name,order\n"Fiscalía,state\n'), 'comillas.csv', 400, 'the CSV cannot be read (line 2): check its quotes'],
    ])('%s', async (_, body, name, status, message) => {
      const { program, auth } = await withInstitutions();
      const before = await writes(program.id);
      const res = await send(program.code, auth, body, name, '?dryRun=false').expect(status);
      expect(res.body.errors).toEqual([{ field: 'file', message }]);
      expect(await writes(program.id)).toEqual(before);
    });

    it('a NUL in a workbook cell (&#0; in its XML) is a 400 on file, nothing written', async () => {
      const { program, auth } = await withInstitutions();
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Hoja').addRows([['name', 'order'], ['Fiscalía MARKER', 'state']]);
      const JSZip = (await import('jszip')).default;
      const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
      const strings = Object.keys(zip.files).find((f) => (zip.file(f) ? true : false) && f.includes('sharedStrings'))!;
      zip.file(strings, (await zip.file(strings)!.async('string')).replace('MARKER', '&#0;'));
      const poisoned = await zip.generateAsync({ type: 'nodebuffer' });
      const before = await writes(program.id);
      const res = await send(program.code, auth, poisoned, 'nul.xlsx', '?dryRun=false');
      expect([res.status, res.body.errors]).toEqual([400, [{ field: 'file', message: 'the XLSX workbook cannot be read: it is damaged or not a workbook' }]]);
      expect(await writes(program.id)).toEqual(before);
    });

    it('a file over the upload limit: 413', async () => {
      const { program, auth } = await withInstitutions();
      const res = await send(program.code, auth, Buffer.alloc(MAX + 1, 'a'), 'grande.csv', '?dryRun=false').expect(413);
      expect(res.body.errors[0].field).toBe('file');
    });

    it('no file, or a dryRun that is not true/false: 400 naming the field', async () => {
      const { program, auth } = await withInstitutions();
      const none = await t.http().post(`${base(program.code)}/import`).set(auth).field('x', '1').expect(400);
      expect(none.body.errors).toEqual([{ field: 'file', message: 'file is required (multipart field "file")' }]);
      const bad = await send(program.code, auth, Buffer.from('name,order\nA,state\n'), 'a.csv', '?dryRun=quizas').expect(400);
      expect(bad.body.errors).toEqual([{ field: 'dryRun', message: 'dryRun must be true or false' }]);
    });
  });

  it('another state’s officer and the reviewer may not import (403); nothing written', async () => {
    const { program } = await withInstitutions();
    const before = await writes(program.id);
    for (const caller of [await t.as('state_officer', '21'), await t.as('reviewer')]) {
      await send(program.code, caller.auth, Buffer.from('name,order\nA,state\n'), 'a.csv', '?dryRun=false').expect(403);
    }
    expect(await writes(program.id)).toEqual(before);
  });
});
