import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Program } from '../../libs/core/src/programs/program.entity.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';
import { binary } from '../../libs/testing/src/http-binary.js';

const MAX = 4096;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]), Buffer.from([0x1f, 0x15, 0xc4, 0x89]),
  Buffer.from([0, 0, 0, 0]), Buffer.from('IEND'), Buffer.from([0xae, 0x42, 0x60, 0x82]),
]);
const CSV = Buffer.from('municipio,personas\nOaxaca de Juárez,120\nSalina Cruz,45\n');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);
/** A minimal ZIP (stored entries), enough for content sniffing of Office Open XML and OpenDocument files. */
function zip(entries: [name: string, content: string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(fileName.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
const ooxml = (dir: string, main: string) =>
  zip([
    ['[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${dir}" ContentType="application/vnd.openxmlformats-officedocument.${main}.main+xml"/></Types>`],
    [dir, '<?xml version="1.0"?><x/>'],
  ]);
const DOCX = ooxml('word/document.xml', 'wordprocessingml.document');
const XLSX = ooxml('xl/workbook.xml', 'spreadsheetml.sheet');
const ODS = zip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<?xml version="1.0"?><office:document-content/>']]);
const PLAIN_ZIP = zip([['datos.csv', 'a,b\n1,2\n']]);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);

describe('Evidence files: upload checks and scoped download', () => {
  let t: TestApp;
  let program: Program;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rumbo-files-'));
    t = await createTestApp({ RUMBO_UPLOAD_MAX_BYTES: String(MAX), RUMBO_DATA_DIR: dataDir });
    t.clock.set('2025-12-01');
    ({ program } = await t.programs.program([{ code: '1.1' }]));
    await t.programs.enrol(program.id, '20', '2025-01-15');
    await t.programs.enrol(program.id, '21', '2025-01-15');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const filesUrl = (state = '20', prog = program.code) => `/api/v1/programs/${prog}/states/${state}/files`;

  async function upload(content: Buffer, name: string, opts: { state?: string; role?: 'state_officer' | 'coordinator' | 'reviewer'; officerState?: string; field?: string; contentType?: string } = {}) {
    const role = opts.role ?? 'state_officer';
    const { auth } = await t.as(role, role === 'state_officer' ? (opts.officerState ?? opts.state ?? '20') : undefined);
    return t.http().post(filesUrl(opts.state)).set(auth).attach(opts.field ?? 'file', content, { filename: name, contentType: opts.contentType ?? 'application/pdf' });
  }

  async function stored() {
    const [row] = await t.dataSource.query(`SELECT count(*)::int AS n FROM stored_file`);
    const onDisk = fs.existsSync(path.join(dataDir, 'files')) ? fs.readdirSync(path.join(dataDir, 'files'), { recursive: true }).filter((f) => fs.statSync(path.join(dataDir, 'files', String(f))).isFile()).length : 0;
    return { rows: row.n as number, onDisk };
  }

  describe('upload', () => {
    it('accepts a PDF: type from the content, size and sha256, bytes on disk, audit event', async () => {
      const before = await stored();
      const res = await upload(PDF, 'Oficio de designación.pdf', { contentType: 'text/html' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toEqual({ id: expect.any(String), name: 'Oficio de designación.pdf', contentType: 'application/pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
      expect(await stored()).toEqual({ rows: before.rows + 1, onDisk: before.onDisk + 1 });
      const [row] = await t.dataSource.query(`SELECT storage_key AS "storageKey", state_code AS "stateCode" FROM stored_file WHERE id = $1`, [res.body.id]);
      expect(fs.readFileSync(path.join(dataDir, 'files', ...row.storageKey.split('/')))).toEqual(PDF);
      expect(row.stateCode).toBe('20');
      const audit = await t.dataSource.query(`SELECT action, state_code AS "stateCode" FROM audit_event WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ action: 'file.upload', stateCode: '20' }]);
    });

    it.each([
      ['PNG', PNG, 'captura.png', 'image/png'],
      ['CSV (UTF-8 text)', CSV, 'asistentes.csv', 'text/csv; charset=utf-8'],
      ['plain text', Buffer.from('Lista de enlaces designados\n'), 'notas.txt', 'text/plain; charset=utf-8'],
      ['Word (docx)', DOCX, 'programa-estatal.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['Excel (xlsx)', XLSX, 'inventario.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['OpenDocument spreadsheet (ods)', ODS, 'inventario.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ])('accepts %s', async (_label, content, name, contentType) => {
      const res = await upload(content, name, { role: 'coordinator' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.contentType).toBe(contentType);
    });

    it.each([
      ['HTML disguised as .pdf', HTML, 'informe.pdf'],
      ['HTML named .csv', HTML, 'datos.csv'],
      ['a Windows executable named .pdf', EXE, 'informe.pdf'],
      ['an ELF executable named .pdf', ELF, 'informe.pdf'],
      ['a plain ZIP archive named .docx', PLAIN_ZIP, 'programa.docx'],
      ['plain text named .pdf', Buffer.from('esto no es un PDF'), 'informe.pdf'],
      ['bytes that are not UTF-8 text nor a known format', Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x01, 0x02, 0xc3, 0x28]), 'datos.csv'],
      ['text with NUL bytes', Buffer.from('a,b\n1,\u00002\n'), 'datos.csv'],
      ['an empty file', Buffer.alloc(0), 'vacio.pdf'],
    ])('rejects %s by content (400 on `file`), storing nothing', async (_label, content, name) => {
      const before = await stored();
      const res = await upload(content, name);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, errors: [{ field: 'file', message: expect.any(String) }] });
      expect(await stored()).toEqual(before);
    });

    it('rejects a file over RUMBO_UPLOAD_MAX_BYTES with 413 on `file`, storing nothing', async () => {
      const before = await stored();
      const big = Buffer.concat([PDF, Buffer.alloc(MAX, 0x20)]);
      const res = await upload(big, 'grande.pdf');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ statusCode: 413, errors: [{ field: 'file', message: expect.stringContaining(String(MAX)) }] });
      expect(await stored()).toEqual(before);
      // Exactly at the limit is fine.
      expect((await upload(Buffer.concat([PDF, Buffer.alloc(MAX - PDF.length, 0x20)]), 'justo.pdf')).status).toBe(201);
    });

    it('needs the file in the field "file"', async () => {
      const { auth } = await t.as('state_officer', '20');
      const none = await t.http().post(filesUrl()).set(auth).field('title', 'x');
      expect(none.status).toBe(400);
      expect(none.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      const wrongField = await upload(PDF, 'a.pdf', { field: 'documento' });
      expect(wrongField.status).toBe(400);
      expect(wrongField.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      const json = await t.http().post(filesUrl()).set(auth).send({ file: 'x' });
      expect(json.status).toBe(400);
      expect(json.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    });

    it('scope: another state’s officer and the reviewer get 403, anonymous 401; a withdrawn state 409', async () => {
      const before = await stored();
      expect((await upload(PDF, 'a.pdf', { state: '20', officerState: '21' })).status).toBe(403);
      expect((await upload(PDF, 'a.pdf', { role: 'reviewer' })).status).toBe(403);
      expect((await t.http().post(filesUrl()).attach('file', PDF, 'a.pdf')).status).toBe(401);
      expect((await upload(PDF, 'a.pdf', { state: '22', role: 'coordinator' })).status).toBe(404);
      const { program: other } = await t.programs.program([{ code: '1.1' }]);
      await t.programs.enrol(other.id, '20', '2025-01-15', '2025-06-30');
      const { auth } = await t.as('state_officer', '20');
      expect((await t.http().post(filesUrl('20', other.code)).set(auth).attach('file', PDF, 'a.pdf')).status).toBe(409);
      expect(await stored()).toEqual(before);
    });
  });

  describe('download', () => {
    it('serves the bytes as an attachment with nosniff to the own officer and national roles; 403 to other officers', async () => {
      const up = await upload(PDF, 'Acta de sesión.pdf');
      expect(up.status).toBe(201);
      for (const [role, state] of [['state_officer', '20'], ['coordinator', undefined], ['reviewer', undefined], ['admin', undefined]] as const) {
        const { auth } = await t.as(role, state);
        const res = await binary(t.http().get(`/api/v1/files/${up.body.id}`).set(auth));
        expect(res.status).toBe(200);
        expect(res.body).toEqual(PDF);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['content-disposition']).toBe(`attachment; filename="Acta de sesion.pdf"; filename*=UTF-8''Acta%20de%20sesi%C3%B3n.pdf`);
      }
      const { auth: officer21 } = await t.as('state_officer', '21');
      const denied = await t.http().get(`/api/v1/files/${up.body.id}`).set(officer21);
      expect(denied.status).toBe(403);
      expect(denied.body).toMatchObject({ statusCode: 403, errors: [] });
      await t.http().get(`/api/v1/files/${up.body.id}`).expect(401);
    });

    it('does not reveal existence to a state officer: an unknown id is 403 for them, 404 for national roles', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const { auth: officer } = await t.as('state_officer', '21');
      expect((await t.http().get(`/api/v1/files/${unknown}`).set(officer)).status).toBe(403);
      const { auth: coordinator } = await t.as('coordinator');
      expect((await t.http().get(`/api/v1/files/${unknown}`).set(coordinator)).status).toBe(404);
      expect((await t.http().get('/api/v1/files/nope').set(coordinator)).status).toBe(400);
    });
  });

  describe('as report evidence', () => {
    it('a document evidence names a file of the same state; a file of another state is refused', async () => {
      const own = (await upload(PDF, 'oficio.pdf')).body;
      const foreign = (await upload(PDF, 'oficio-puebla.pdf', { state: '21' })).body;
      const { auth } = await t.as('state_officer', '20');
      const url = `/api/v1/programs/${program.code}/states/20/reports`;
      const base = { activityCode: '1.1', status: 'completed', percent: 100, reportedOn: '2025-02-10' };
      const bad = await t.http().post(url).set(auth).send({ ...base, evidence: [{ kind: 'document', title: 'Oficio', fileId: foreign.id }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'evidence.0.fileId' })]);
      const okRes = await t.http().post(url).set(auth).send({ ...base, evidence: [{ kind: 'document', title: 'Oficio de designación', fileId: own.id, format: 'PDF' }] });
      expect(okRes.status, JSON.stringify(okRes.body)).toBe(201);
      expect(okRes.body.evidence).toEqual([{ kind: 'document', title: 'Oficio de designación', url: null, fileId: own.id, fileName: 'oficio.pdf', highValue: false, format: 'PDF', licence: null, formatCode: null }]);
      // The same file may back a later report too (e.g. the answer to a return).
      expect((await t.http().post(url).set(auth).send({ ...base, reportedOn: '2025-02-11', evidence: [{ kind: 'document', title: 'Oficio', fileId: own.id }] })).status).toBe(201);
    });
  });
});
