import ExcelJS from 'exceljs';
import type { Program } from '../../libs/core/src/programs/program.entity.js';
import type { ActivitySpec } from '../../libs/testing/src/factories/program.factory.js';
import { binary } from '../../libs/testing/src/http-binary.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const ACTIVITIES: ActivitySpec[] = [
  { code: '1.1', startDay: 0, durationDays: 30 },
  { code: '1.3', startDay: 60, durationDays: 30, optional: true },
  { code: '2.1', phase: 2, startDay: 60, durationDays: 90, metrics: ['personas_sensibilizadas'] },
  { code: '4.4', phase: 4, level: 'institution', startDay: 280, durationDays: 90, metrics: ['conjuntos_publicados'], evidenceKinds: ['dataset'] },
];

/** Reports from CSV/XLSX: dry run, one-transaction import once per file (each report pending review), the export's round trip. */
describe('reports import', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2025-12-01'));

  const base = (code: string, state = '20') => `/api/v1/programs/${code}/states/${state}`;
  const writes = async (programId: string) => ({
    reports: await t.dataSource.query(
      `SELECT r.id, r.status, r.percent::float8 AS percent, r.reported_on::text AS "reportedOn", r.narrative, r.metrics, r.review_state AS "reviewState",
              (SELECT count(*)::int FROM evidence e WHERE e.report_id = r.id) AS evidence
         FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1 ORDER BY r.seq`,
      [programId],
    ),
    audit: Number((await t.dataSource.query('SELECT count(*) AS n FROM audit_event WHERE program_id = $1', [programId]))[0].n),
    batches: Number((await t.dataSource.query("SELECT count(*) AS n FROM import_batch b JOIN participation p ON p.id = b.participation_id WHERE p.program_id = $1 AND b.kind = 'reports'", [programId]))[0].n),
  });

  /** A program, state 20 enrolled with one institution, and three reports by the officer (one with a link, one with metrics). */
  async function withReports(): Promise<{ program: Program; auth: Record<string, string> }> {
    const { program } = await t.programs.program(ACTIVITIES);
    const { participation } = await t.programs.enrol(program.id, '20', '2025-01-15');
    await t.programs.institution(participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-02-01' });
    const institutions = (await t.http().get(`${base(program.code)}/institutions`).set((await t.as('coordinator')).auth).expect(200)).body as { id: string }[];
    const { auth } = await t.as('state_officer', '20');
    const post = (body: object) => t.http().post(`${base(program.code)}/reports`).set(auth).send(body).expect(201);
    await post({ activityCode: '1.1', status: 'completed', percent: 100, reportedOn: '2025-02-10', narrative: '=Acta firmada; "con" comillas\ny salto de línea' });
    await post({ activityCode: '2.1', status: 'in_progress', percent: 33.33, reportedOn: '2025-04-01', metrics: { personas_sensibilizadas: 120 } });
    await post({ activityCode: '4.4', institutionId: institutions[0].id, status: 'in_progress', percent: 50, reportedOn: '2025-11-20', evidence: [{ kind: 'dataset', title: 'Padrón de obra', url: 'https://datos.example.mx/obra' }] });
    return { program, auth };
  }

  const send = (code: string, auth: Record<string, string>, file: Buffer, name: string, query = '') => t.http().post(`${base(code)}/reports/import${query}`).set(auth).attach('file', file, name);

  describe('an export re-imports unchanged', () => {
    it.each(['xlsx', 'csv'])('%s: every row is its stored report; dry run and confirmed import write no report', async (format) => {
      const { program, auth } = await withReports();
      const exported = (await binary(t.http().get(`${base(program.code)}/reports/export?format=${format}`).set(auth)).expect(200)).body as Buffer;
      const before = await writes(program.id);
      const dry = await send(program.code, auth, exported, `reportes.${format}`).expect(200);
      expect(dry.body).toMatchObject({ kind: 'reports', dryRun: true, format, rowCount: 3, created: 0, updated: 0, unchanged: 3, errors: [], alreadyImported: false });
      expect(dry.body.rows.map((r: { action: string; recordId: string }) => [r.action, r.recordId])).toEqual(before.reports.map((r: { id: string }) => ['unchanged', r.id]).reverse());
      expect(await writes(program.id)).toEqual(before);
      const done = await send(program.code, auth, exported, `reportes.${format}`, '?dryRun=false').expect(200);
      expect(done.body).toMatchObject({ dryRun: false, created: 0, unchanged: 3, alreadyImported: false, importedAt: expect.any(String) });
      expect((await writes(program.id)).reports).toEqual(before.reports);
    });
  });

  it('new rows become reports pending review, each audited and counted in the progress, once per file', async () => {
    const { program, auth } = await withReports();
    // Spanish headers and words as someone types them; institution by name, a link as evidence, metrics in one cell.
    const csv = [
      'Actividad,Institución,Estado de la actividad,Porcentaje,Fecha del reporte,Descripción del avance,Métricas,Evidencia',
      '2.1,,En proceso,"60,5",2025-06-30,Talleres en 4 municipios,personas_sensibilizadas=300,',
      '4.4,secretaria de finanzas,concluida,100 %,2025-11-28,,conjuntos_publicados=12,Conjunto de datos: Padrón 2025 <https://datos.example.mx/padron>; Liga: Ficha DCAT <https://datos.example.mx/dcat>',
      '1.3,,not_started,0,2025-05-01,,,',
    ].join('\r\n');
    const before = await writes(program.id);
    const dry = await send(program.code, auth, Buffer.from(csv), 'avances.csv').expect(200);
    expect(dry.body).toMatchObject({ kind: 'reports', dryRun: true, rowCount: 3, created: 3, unchanged: 0, errors: [] });
    expect(dry.body.rows).toEqual([
      { line: 2, action: 'create', recordId: null, label: '2.1 · 2025-06-30', changes: [] },
      { line: 3, action: 'create', recordId: null, label: '4.4 · Secretaría de Finanzas · 2025-11-28', changes: [] },
      { line: 4, action: 'create', recordId: null, label: '1.3 · 2025-05-01', changes: [] },
    ]);
    expect(await writes(program.id)).toEqual(before);

    const done = await send(program.code, auth, Buffer.from(csv), 'avances.csv', '?dryRun=false').expect(200);
    expect(done.body).toMatchObject({ dryRun: false, created: 3, unchanged: 0, alreadyImported: false });
    const ids = done.body.rows.map((r: { recordId: string }) => r.recordId);
    expect(ids.every((id: string) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    const after = await writes(program.id);
    expect(after.reports.slice(3)).toEqual([
      { id: ids[0], status: 'in_progress', percent: 60.5, reportedOn: '2025-06-30', narrative: 'Talleres en 4 municipios', metrics: { personas_sensibilizadas: 300 }, reviewState: 'submitted', evidence: 0 },
      { id: ids[1], status: 'completed', percent: 100, reportedOn: '2025-11-28', narrative: null, metrics: { conjuntos_publicados: 12 }, reviewState: 'submitted', evidence: 2 },
      { id: ids[2], status: 'not_started', percent: 0, reportedOn: '2025-05-01', narrative: null, metrics: {}, reviewState: 'submitted', evidence: 0 },
    ]);
    const audit = await t.dataSource.query("SELECT action, justification, after->>'activityCode' AS code FROM audit_event WHERE program_id = $1 AND (justification LIKE 'import:%' OR action = 'reports.import') ORDER BY id", [program.id]);
    expect(audit).toEqual([
      { action: 'report.submit', justification: 'import: avances.csv', code: '2.1' },
      { action: 'report.submit', justification: 'import: avances.csv', code: '4.4' },
      { action: 'report.submit', justification: 'import: avances.csv', code: '1.3' },
      { action: 'reports.import', justification: null, code: null },
    ]);
    // The progress engine saw them in the same transaction: 4.4 completed by its only institution, 2.1 at 60.5.
    const coord = (await t.as('coordinator')).auth;
    const items = (await t.http().get(`${base(program.code)}/progress`).set(coord).expect(200)).body.items as { activityCode: string; progress: number }[];
    expect(Object.fromEntries(items.map((i) => [i.activityCode, i.progress]))).toMatchObject({ '2.1': 60.5, '4.4': 100 });
    // They wait for the coordination's review like any other report.
    const queue = (await t.http().get(`/api/v1/programs/${program.code}/review-queue?stateCode=20`).set(coord).expect(200)).body.items as { id: string }[];
    expect(queue.map((r) => r.id)).toEqual(expect.arrayContaining(ids));

    // The same file again: found by its hash, nothing written.
    const once = await writes(program.id);
    const again = await send(program.code, auth, Buffer.from(csv), 'avances (1).csv', '?dryRun=false').expect(200);
    expect(again.body).toMatchObject({ alreadyImported: true, created: 3, importedAt: done.body.importedAt, rows: [] });
    expect(await writes(program.id)).toEqual(once);
    expect((await send(program.code, auth, Buffer.from(csv), 'avances.csv').expect(200)).body.alreadyImported).toBe(true);
  });

  it('row errors name the line and the column, by the form’s own rules (in Spanish when asked); a confirmed import with any writes nothing', async () => {
    const { program, auth } = await withReports();
    await t.dataSource.query("UPDATE plan_item SET included = false WHERE activity_id IN (SELECT id FROM activity WHERE program_id = $1 AND code = '1.3')", [program.id]);
    const stored = (await writes(program.id)).reports[0] as { id: string };
    const csv = [
      'id,stateCode,activityCode,institutionName,status,percent,reportedOn,narrative,metrics,evidence,reviewState',
      ',20,9.9,,in_progress,10,2025-06-01,,,,',
      ',20,1.3,,in_progress,10,2025-06-01,,,,',
      ',20,2.1,,completed,90,2025-06-01,,,,',
      ',20,2.1,,in_progress,10,2025-12-02,,,,',
      ',20,4.4,Instituto Inexistente,in_progress,10,2025-06-01,,,,',
      ',20,4.4,,in_progress,10,2025-06-01,,,,',
      ',20,2.1,,in_progress,10,2025-06-01,,visitas=3,,',
      ',20,2.1,,in_progress,10,2025-06-01,,,Documento: Acta (acta.pdf),',
      ',20,2.1,,en curso,10,2025-06-01,,,,Aceptado',
      ',21,1.1,,in_progress,10,2025-06-01,,,,',
      `${stored.id},20,1.1,,completed,90,2025-02-10,,,,`,
      'not-a-folio,20,1.1,,completed,100,2025-02-10,,,,',
    ].join('\n');
    const before = await writes(program.id);
    const dry = await send(program.code, auth, Buffer.from(csv), 'errores.csv').set('Accept-Language', 'es-MX').expect(200);
    expect(dry.body.rows).toEqual([]);
    const byLine = (dry.body.errors as { line: number; column: string | null; message: string }[]).map((e) => [e.line, e.column]);
    expect(byLine).toEqual([
      [2, 'activityCode'],
      [3, 'activityCode'],
      [4, 'percent'],
      [5, 'reportedOn'],
      [6, 'institutionName'],
      [7, 'institutionName'],
      [8, 'metrics'],
      [9, 'evidence'],
      [10, 'reviewState'],
      [10, 'status'],
      [11, 'stateCode'],
      [12, 'percent'],
      [13, 'id'],
    ]);
    const messages = (dry.body.errors as { message: string }[]).map((e) => e.message);
    expect(messages[0]).toBe('la actividad 9.9 no está en el plan de la entidad 20');
    expect(messages[2]).toBe('Una actividad concluida lleva 100 %.');
    expect(messages.filter((m) => /\b(must|the|is not|write|cannot)\b/.test(m))).toEqual([]);

    const refused = await send(program.code, auth, Buffer.from(csv), 'errores.csv', '?dryRun=false').expect(400);
    expect(refused.body.message).toBe('The file has errors; nothing was imported');
    expect(refused.body.errors).toContainEqual({ field: 'rows.4.percent', message: 'a completed report must have percent 100' });
    expect(refused.body.errors).toContainEqual({ field: 'rows.12.percent', message: `report ${stored.id} was submitted already and a report is never edited (this row differs in: percent, narrative); clear its Folio to submit the row as a new report` });
    expect(await writes(program.id)).toEqual(before);
  });

  it('an XLSX with the es-MX headers, a date cell and a number cell imports like the CSV', async () => {
    const { program, auth } = await withReports();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Reportes');
    ws.addRow(['Actividad', 'Estado de la actividad', 'Porcentaje', 'Fecha del reporte']);
    ws.addRow(['2.1', 'En proceso', 75, new Date(Date.UTC(2025, 8, 30))]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await send(program.code, auth, file, 'avance.xlsx', '?dryRun=false').expect(200);
    expect(res.body).toMatchObject({ format: 'xlsx', created: 1, errors: [] });
    expect((await writes(program.id)).reports.at(-1)).toMatchObject({ status: 'in_progress', percent: 75, reportedOn: '2025-09-30' });
  });

  it('only the coordination and the state’s own officer import; a withdrawn state cannot; bad files are a 400 on file', async () => {
    const { program } = await withReports();
    const csv = Buffer.from('activityCode,status,percent,reportedOn\n1.1,in_progress,10,2025-06-01\n');
    const before = await writes(program.id);
    await send(program.code, (await t.as('state_officer', '21')).auth, csv, 'a.csv').expect(403);
    await send(program.code, (await t.as('reviewer')).auth, csv, 'a.csv').expect(403);
    await t.http().post(`${base(program.code)}/reports/import`).attach('file', csv, 'a.csv').expect(401);
    const coord = (await t.as('coordinator')).auth;
    expect((await send(program.code, coord, csv, 'a.csv', '?dryRun=false').expect(200)).body.created).toBe(1);
    const missing = await t.http().post(`${base(program.code)}/reports/import`).set(coord).field('x', '1').expect(400);
    expect(missing.body.errors).toEqual([{ field: 'file', message: 'file is required (multipart field "file")' }]);
    const broken = await send(program.code, coord, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), 'roto.xlsx', '?dryRun=false').expect(400);
    expect(broken.body.errors).toEqual([{ field: 'file', message: 'the XLSX workbook cannot be read: it is damaged or not a workbook' }]);
    const header = await send(program.code, coord, Buffer.from('Actividad,Teléfono\n1.1,5\n'), 'x.csv').expect(200);
    expect(header.body.errors.map((e: { column: string | null; field: string | null }) => e.column ?? e.field)).toEqual(['Teléfono', 'status', 'percent', 'reportedOn']);
    await send(program.code, coord, csv, 'a.csv', '?dryRun=maybe').expect(400);

    expect((await writes(program.id)).reports).toHaveLength(before.reports.length + 1);

    const { program: other } = await t.programs.program(ACTIVITIES);
    await t.programs.enrol(other.id, '20', '2025-01-15', '2025-11-30');
    const withdrawn = await send(other.code, coord, csv, 'a.csv', '?dryRun=false').expect(409);
    expect(withdrawn.body.message).toBe('State 20 withdrew from the program on 2025-11-30; it can no longer report');
    expect((await writes(other.id)).reports).toEqual([]);
  });
});
