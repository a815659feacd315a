import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const TEMPLATE = Buffer.from('clave,nombre,cargo\n,,\n');

/**
 * Formats per activity (issue 9.2): a program document attaches formats to an activity (code, name, description,
 * a template stored like evidence but of no state); every signed-in user downloads the template; the state uploads
 * the filled copy as document evidence naming the format; a completion with verifiable completion on needs a
 * document of each format. Export → import → export keeps them.
 */
describe('formats (formatos) per activity', () => {
  let t: TestApp;
  const CODE = 'formatos-2025';
  const base = {
    code: CODE,
    name: 'Programa con formatos',
    phases: [{ number: 1, name: 'Planeación' }],
    activities: [
      { code: 'A', phase: 1, name: 'Designar enlaces', level: 'state', startDay: 0, durationDays: 30, weight: 1, evidenceKinds: ['document'] },
      { code: 'B', phase: 1, name: 'Publicar el plan', level: 'state', startDay: 0, durationDays: 30, weight: 1, evidenceKinds: ['url'] },
      { code: 'C', phase: 1, name: 'Sesión informativa', level: 'state', startDay: 0, durationDays: 30, weight: 1, completionNeedsEvidence: false },
    ],
  };
  const reports = `/api/v1/programs/${CODE}/states/20/reports`;
  const completed = (activityCode: string, evidence?: object[]) => ({ activityCode, status: 'completed', percent: 100, reportedOn: '2025-03-05', ...(evidence ? { evidence } : {}) });
  const counts = async () => (await t.dataSource.query('SELECT (SELECT count(*) FROM report)::int AS reports, (SELECT count(*) FROM activity_format)::int AS formats, (SELECT count(*) FROM stored_file)::int AS files, (SELECT count(*) FROM audit_event)::int AS audits'))[0];
  let coordinator: Record<string, string>;
  let officer: Record<string, string>;
  let templateId: string;
  let withFormats: typeof base & { activities: object[] };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-03-10');
    coordinator = (await t.as('coordinator')).auth;
    officer = (await t.as('state_officer', '20')).auth;
    await t.http().post('/api/v1/programs/import').set(coordinator).send(base).expect(201);
    await t.http().post(`/api/v1/programs/${CODE}/states`).set(coordinator).send({ stateCode: '20', joinedOn: '2025-03-01' }).expect(201);
  });
  afterAll(() => t.close());

  describe('templates', () => {
    it('only the coordinator uploads one: a file of the program and of no state, audited', async () => {
      for (const role of ['admin', 'reviewer'] as const) {
        await t.http().post(`/api/v1/programs/${CODE}/templates`).set((await t.as(role)).auth).attach('file', TEMPLATE, 'plantilla.csv').expect(403);
      }
      await t.http().post(`/api/v1/programs/${CODE}/templates`).set(officer).attach('file', TEMPLATE, 'plantilla.csv').expect(403);
      await t.http().post(`/api/v1/programs/${CODE}/templates`).attach('file', TEMPLATE, 'plantilla.csv').expect(401);
      const res = await t.http().post(`/api/v1/programs/${CODE}/templates`).set(coordinator).attach('file', TEMPLATE, 'F-01 designación.csv').expect(201);
      expect(res.body).toMatchObject({ name: 'F-01 designación.csv', contentType: 'text/csv; charset=utf-8', size: TEMPLATE.length });
      templateId = res.body.id;
      const [row] = await t.dataSource.query('SELECT state_code AS "stateCode", storage_key AS "storageKey" FROM stored_file WHERE id = $1', [templateId]);
      expect(row.stateCode).toBeNull();
      expect(row.storageKey).toMatch(/^templates\//);
      const audit = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1`, [templateId]);
      expect(audit).toEqual([{ action: 'template.upload' }]);
    });

    it('refuses bad files and unknown programs with field errors, writing nothing', async () => {
      const before = await counts();
      const html = await t.http().post(`/api/v1/programs/${CODE}/templates`).set(coordinator).attach('file', Buffer.from('<html><script>alert(1)</script></html>'), 'plantilla.csv').expect(400);
      expect(html.body.errors).toEqual([{ field: 'file', message: 'HTML, XML or SVG content is not accepted as evidence' }]);
      const empty = await t.http().post(`/api/v1/programs/${CODE}/templates`).set(coordinator).attach('file', Buffer.alloc(0), 'vacia.csv').expect(400);
      expect(empty.body.errors).toEqual([{ field: 'file', message: 'file is empty' }]);
      const nul = await t.http().post(`/api/v1/programs/${CODE}/templates`).set(coordinator).attach('file', Buffer.from('a\u0000b'), 'nul.txt').expect(400);
      expect(nul.body.errors[0].field).toBe('file');
      const none = await t.http().post(`/api/v1/programs/${CODE}/templates`).set(coordinator).field('otro', 'x').expect(400);
      expect(none.body.errors[0].field).toBe('file');
      const spanish = await t.http().post(`/api/v1/programs/${CODE}/templates`).set(coordinator).set('Accept-Language', 'es-MX').attach('file', Buffer.alloc(0), 'vacia.csv').expect(400);
      expect(spanish.body.errors[0].message).not.toBe('file is empty');
      await t.http().post('/api/v1/programs/no-existe/templates').set(coordinator).attach('file', TEMPLATE, 'plantilla.csv').expect(404);
      expect(await counts()).toEqual(before);
    });

    it('every signed-in role downloads a template through GET /files/:fileId, including any state’s officer', async () => {
      for (const auth of [coordinator, officer, (await t.as('state_officer', '30')).auth, (await t.as('reviewer')).auth, (await t.as('admin')).auth]) {
        const res = await t.http().get(`/api/v1/files/${templateId}`).set(auth).buffer(true).parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        }).expect(200);
        expect(res.body).toEqual(TEMPLATE);
      }
      await t.http().get(`/api/v1/files/${templateId}`).expect(401);
    });
  });

  describe('the program document', () => {
    it('keeps formats through export → import → export, also once states have joined', async () => {
      withFormats = {
        ...base,
        activities: [
          {
            ...base.activities[0],
            formats: [
              { code: 'F-01', name: 'Formato de designación de enlaces', description: 'Firmado por la persona titular', templateFileId: templateId },
              { code: 'F-02', name: 'Directorio de enlaces' },
            ],
          },
          base.activities[1],
          base.activities[2],
        ],
      };
      const imported = await t.http().post('/api/v1/programs/import').set(coordinator).send(withFormats).expect(201);
      expect(imported.body.activities[0].formats).toEqual([
        { code: 'F-01', name: 'Formato de designación de enlaces', description: 'Firmado por la persona titular', templateFileId: templateId },
        { code: 'F-02', name: 'Directorio de enlaces', description: null, templateFileId: null },
      ]);
      expect(imported.body.activities[1].formats).toEqual([]);
      const first = (await t.http().get(`/api/v1/programs/${CODE}/export`).set(coordinator).expect(200)).body;
      expect(first.activities[0].formats).toEqual(imported.body.activities[0].formats);
      expect(Object.keys(first.activities[0])).toEqual(['code', 'phase', 'name', 'level', 'startDay', 'durationDays', 'weight', 'optional', 'evidenceKinds', 'completionNeedsEvidence', 'metrics', 'formats']);
      await t.http().post('/api/v1/programs/import').set(coordinator).send(first).expect(201);
      const second = (await t.http().get(`/api/v1/programs/${CODE}/export`).set(coordinator).expect(200)).body;
      expect(second).toEqual(first);
      const program = (await t.http().get(`/api/v1/programs/${CODE}`).set(officer).expect(200)).body;
      expect(program.activities[0].formats.map((f: { code: string }) => f.code)).toEqual(['F-01', 'F-02']);
    });

    it.each([
      ['a duplicate code in the activity', (f: object[]) => [...f, { code: 'F-01', name: 'Otra vez' }], 'activities.0.formats.2.code', 'duplicate format code F-01 in activity A'],
      ['a template that is not one of this program', () => [{ code: 'F-01', name: 'Formato', templateFileId: '3b241101-e2bb-4255-8caf-4136c566a962' }], 'activities.0.formats.0.templateFileId', 'no template 3b241101-e2bb-4255-8caf-4136c566a962 was uploaded to this program (upload it with POST /programs/:programId/templates)'],
      ['a code with spaces', () => [{ code: 'F 01', name: 'Formato' }], 'activities.0.formats.0.code', 'code may contain letters, digits and single - _ . between them'],
      ['no name', () => [{ code: 'F-01' }], 'activities.0.formats.0.name', undefined],
      ['a templateFileId that is not a UUID', () => [{ code: 'F-01', name: 'Formato', templateFileId: 'plantilla.docx' }], 'activities.0.formats.0.templateFileId', 'templateFileId must be a UUID'],
      ['an unknown field', () => [{ code: 'F-01', name: 'Formato', plantilla: 'x' }], 'activities.0.formats.0.plantilla', undefined],
      ['a NUL byte in the name', () => [{ code: 'F-01', name: 'For\u0000mato' }], 'activities.0.formats.0.name', undefined],
      ['a lone surrogate in the description', () => [{ code: 'F-01', name: 'Formato', description: 'texto \ud800 roto' }], 'activities.0.formats.0.description', undefined],
      ['formats that are not a list', () => ({ code: 'F-01' }), 'activities.0.formats', undefined],
    ] as const)('refuses %s with a 400 on its field (es-MX too), writing nothing', async (_, formats, field, message) => {
      const current = (await t.http().get(`/api/v1/programs/${CODE}/export`).set(coordinator).expect(200)).body;
      const doc = structuredClone(current);
      doc.activities[0].formats = formats(current.activities[0].formats);
      const before = await counts();
      const res = await t.http().post('/api/v1/programs/import').set(coordinator).send(doc).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      if (message) expect(res.body.errors).toContainEqual({ field, message });
      const spanish = await t.http().post('/api/v1/programs/import').set(coordinator).set('Accept-Language', 'es-MX').send(doc).expect(400);
      const es = spanish.body.errors.find((e: { field: string }) => e.field === field);
      if (message) expect(es.message).not.toBe(message);
      expect(await counts()).toEqual(before);
      expect((await t.http().get(`/api/v1/programs/${CODE}/export`).set(coordinator).expect(200)).body).toEqual(current);
    });

    it('another program’s template is refused on this program’s formats', async () => {
      await t.http().post('/api/v1/programs/import').set(coordinator).send({ ...base, code: 'otro-2025' }).expect(201);
      const other = await t.http().post('/api/v1/programs/otro-2025/templates').set(coordinator).attach('file', TEMPLATE, 'otra.csv').expect(201);
      const doc = structuredClone(withFormats) as { activities: { formats?: object[] }[] };
      doc.activities[1].formats = [{ code: 'F-09', name: 'Ajeno', templateFileId: other.body.id }];
      const res = await t.http().post('/api/v1/programs/import').set(coordinator).send(doc).expect(400);
      expect(res.body.errors).toEqual([{ field: 'activities.1.formats.0.templateFileId', message: `no template ${other.body.id} was uploaded to this program (upload it with POST /programs/:programId/templates)` }]);
    });
  });

  describe('evidence of a format', () => {
    let fileId: string;
    beforeAll(async () => {
      fileId = (await t.http().post(`/api/v1/programs/${CODE}/states/20/files`).set(officer).attach('file', PDF, 'f-01-llenado.pdf').expect(201)).body.id;
    });

    it('formatCode must be a format of the report’s activity, on a document (400 on evidence.N.formatCode, es-MX too), writing nothing', async () => {
      const before = await counts();
      const wrong = await t.http().post(reports).set(officer).send({ activityCode: 'A', status: 'in_progress', percent: 50, reportedOn: '2025-03-05', evidence: [{ kind: 'document', title: 'Formato', fileId, formatCode: 'F-99' }] }).expect(400);
      expect(wrong.body.errors).toEqual([{ field: 'evidence.0.formatCode', message: 'activity A has no format F-99 (its formats: F-01, F-02)' }]);
      const none = await t.http().post(reports).set(officer).send({ activityCode: 'B', status: 'in_progress', percent: 50, reportedOn: '2025-03-05', evidence: [{ kind: 'document', title: 'Formato', fileId, formatCode: 'F-01' }] }).expect(400);
      expect(none.body.errors).toEqual([{ field: 'evidence.0.formatCode', message: 'activity B has no format F-01 (its formats: none)' }]);
      const link = await t.http().post(reports).set(officer).send({ activityCode: 'A', status: 'in_progress', percent: 50, reportedOn: '2025-03-05', evidence: [{ kind: 'url', title: 'Liga', url: 'https://datos.example.mx/f', formatCode: 'F-01' }] }).expect(400);
      expect(link.body.errors).toEqual([{ field: 'evidence.0.formatCode', message: 'only document evidence can be the filled copy of a format' }]);
      const spanish = await t.http().post(reports).set(officer).set('Accept-Language', 'es-MX').send({ activityCode: 'A', status: 'in_progress', percent: 50, reportedOn: '2025-03-05', evidence: [{ kind: 'document', title: 'Formato', fileId, formatCode: 'F-99' }] }).expect(400);
      expect(spanish.body.errors).toEqual([{ field: 'evidence.0.formatCode', message: 'La actividad A no tiene el formato F-99 (sus formatos: F-01, F-02).' }]);
      for (const formatCode of ['F\u000001', '\ud800', '', ' ', 'F'.repeat(41), 7, null]) {
        const res = await t.http().post(reports).set(officer).send({ activityCode: 'A', status: 'in_progress', percent: 50, reportedOn: '2025-03-05', evidence: [{ kind: 'document', title: 'Formato', fileId, formatCode }] });
        expect(res.status, JSON.stringify(formatCode)).toBe(400);
        expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual(['evidence.0.formatCode']);
      }
      expect(await counts()).toEqual(before);
    });

    it('a completion needs a document of each format: 400 naming the missing ones, accepted with them, formatCode in the response and the export', async () => {
      const before = await counts();
      const plain = { kind: 'document', title: 'Oficio', fileId };
      const bare = await t.http().post(reports).set(officer).send(completed('A', [plain])).expect(400);
      expect(bare.body.errors).toEqual([{ field: 'evidence', message: 'activity A is completed only with its formats filled in: add a document of format F-01 (Formato de designación de enlaces), F-02 (Directorio de enlaces)' }]);
      const half = await t.http().post(reports).set(officer).set('Accept-Language', 'es-MX').send(completed('A', [{ ...plain, formatCode: 'F-01' }])).expect(400);
      expect(half.body.errors).toEqual([{ field: 'evidence', message: 'La actividad A solo se da por concluida con sus formatos llenados: agregue un documento del formato F-02 (Directorio de enlaces).' }]);
      expect(await counts()).toEqual(before);

      const ok = await t.http().post(reports).set(officer).send(completed('A', [{ ...plain, title: 'F-01 llenado', formatCode: 'F-01' }, { ...plain, title: 'F-02 llenado', formatCode: 'F-02' }])).expect(201);
      expect(ok.body.evidence.map((e: { formatCode: string | null; fileName: string }) => [e.formatCode, e.fileName])).toEqual([['F-01', 'f-01-llenado.pdf'], ['F-02', 'f-01-llenado.pdf']]);
      const listed = await t.http().get(reports).set((await t.as('reviewer')).auth).expect(200);
      expect(listed.body.items[0].evidence.map((e: { formatCode: string | null }) => e.formatCode)).toEqual(['F-01', 'F-02']);
      const csv = await t.http().get(`/api/v1/programs/${CODE}/states/20/reports/export?format=csv`).set(coordinator).expect(200);
      expect(csv.text).toContain('(f-01-llenado.pdf) [formato F-01]');
    });

    it('the explain view names the formats a completion needs', async () => {
      const explained = await t.http().get(`/api/v1/programs/${CODE}/states/20/progress/explain?asOf=2025-03-10`).set((await t.as('reviewer')).auth).expect(200);
      expect(explained.body.items.map((i: { activityCode: string; completionFormats: { code: string }[] }) => [i.activityCode, i.completionFormats.map((f) => f.code)])).toEqual([['A', ['F-01', 'F-02']], ['B', []], ['C', []]]);
    });

    it('in progress needs no format, and an activity with the rule turned off completes without them', async () => {
      await t.http().post(reports).set(officer).send({ activityCode: 'A', status: 'in_progress', percent: 50, reportedOn: '2025-03-04' }).expect(201);
      const doc = structuredClone(withFormats) as { activities: { formats?: object[] }[] };
      doc.activities[2].formats = [{ code: 'F-03', name: 'Lista de asistencia' }];
      await t.http().post('/api/v1/programs/import').set(coordinator).send(doc).expect(201);
      await t.http().post(reports).set(officer).send(completed('C')).expect(201);
    });

    it('a reports import row completing an activity with formats is refused on its line (the same rule)', async () => {
      const csv = ['Actividad,Estado de la actividad,Porcentaje,Fecha del reporte,Evidencia', 'A,Concluida,100,2025-03-06,'].join('\r\n');
      const before = await counts();
      const dry = await t.http().post(`/api/v1/programs/${CODE}/states/20/reports/import?dryRun=true`).set(officer).attach('file', Buffer.from(csv), 'avances.csv').expect(200);
      expect(dry.body.errors).toEqual([
        { line: 2, column: 'Evidencia', field: 'evidence', message: 'activity A is completed only with its expected evidence: add evidence of kind document' },
        { line: 2, column: 'Evidencia', field: 'evidence', message: 'activity A is completed only with its formats filled in: add a document of format F-01 (Formato de designación de enlaces), F-02 (Directorio de enlaces)' },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('another state’s officer can neither upload to the state nor read its filled formats (403)', async () => {
      const veracruz = (await t.as('state_officer', '30')).auth;
      await t.http().get(`/api/v1/files/${fileId}`).set(veracruz).expect(403);
      await t.http().post(`/api/v1/programs/${CODE}/states/20/files`).set(veracruz).attach('file', PDF, 'ajeno.pdf').expect(403);
      await t.http().post(reports).set(veracruz).send(completed('A', [{ kind: 'document', title: 'Ajeno', fileId, formatCode: 'F-01' }])).expect(403);
      // A template cannot stand in for a state's filled copy: it is not a file of the state.
      const res = await t.http().post(reports).set(officer).send({ activityCode: 'A', status: 'in_progress', percent: 60, reportedOn: '2025-03-05', evidence: [{ kind: 'document', title: 'Plantilla', fileId: templateId, formatCode: 'F-01' }] }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['evidence.0.fileId']);
    });
  });
});
