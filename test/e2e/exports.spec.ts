import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DemoDataService } from '../../libs/core/src/demo/demo-data.service.js';
import { MODEL_PROGRAM_CODE } from '../../libs/core/src/demo/demo-users.js';
import { binary } from '../../libs/testing/src/http-binary.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const TODAY = '2026-11-26';
const P = `/api/v1/programs/${MODEL_PROGRAM_CODE}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Auth = { Authorization: string };
type Row = Record<string, unknown>;

/** A sheet as objects keyed by its header row (dates as YYYY-MM-DD). */
function sheetRows(ws: ExcelJS.Worksheet): Row[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Row[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] instanceof Date ? (values[i] as Date).toISOString().slice(0, 10) : (values[i] ?? null)])));
  });
  return rows;
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

const csvRows = (body: Buffer): Record<string, string>[] => {
  const text = body.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true); // Excel reads the accents right
  return parse(text.slice(1), { columns: true });
};
const num = (v: string) => (v === '' ? null : Number(v));

describe('exports: XLSX, CSV and the review round as PDF', () => {
  let t: TestApp;
  let coord: Auth;
  let officer: Auth;
  beforeAll(async () => {
    t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    t.clock.set(TODAY);
    await t.app.get(DemoDataService).seed();
    coord = (await t.as('coordinator')).auth;
    officer = (await t.as('state_officer', '20')).auth;
  }, 180_000);
  afterAll(() => t.close());

  const get = (url: string, auth: Auth) => binary(t.http().get(url).set(auth));

  describe('national progress', () => {
    it('XLSX re-opens with the figures of the JSON route, es-MX headers and words', async () => {
      const json = (await t.http().get(`${P}/progress`).set(coord).expect(200)).body;
      const res = await get(`${P}/progress/export?format=xlsx`, coord).expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toContain(`filename="avance-${MODEL_PROGRAM_CODE}-${TODAY}.xlsx"`);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const wb = await workbook(res.body);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Avance por entidad']);
      const rows = sheetRows(wb.worksheets[0]);
      expect(rows).toHaveLength(json.states.length + 1);
      expect(rows[0]).toMatchObject({ 'Ámbito': 'Nacional', Entidad: 'Nacional', 'Fecha de corte': TODAY, 'Avance (%)': json.national.progress, 'Avance esperado (%)': json.national.expected, 'Variación (pp)': json.national.variance });
      json.states.forEach((s: Row, i: number) => {
        expect(rows[i + 1]).toMatchObject({ 'Clave INEGI': s.stateCode, Entidad: s.stateName, 'Avance (%)': s.progress, 'Avance validado (%)': s.validatedProgress, 'Avance esperado (%)': s.expected, 'Variación (pp)': s.variance, 'Actividades vencidas': s.overdueItems, 'Cumplimiento en tiempo (%)': s.onTimeRate, Instituciones: s.institutions });
        expect(rows[i + 1].Semáforo).toBe({ completed: 'Concluida', on_track: 'En tiempo', at_risk: 'En riesgo', off_track: 'Rezagada' }[s.status as string]);
      });
    });

    it('CSV has the column keys, codes and the same numbers, as of the date asked for', async () => {
      const asOf = '2026-03-31';
      const json = (await t.http().get(`${P}/progress?asOf=${asOf}`).set(coord).expect(200)).body;
      const res = await get(`${P}/progress/export?format=csv&asOf=${asOf}`, coord).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toContain(`filename="avance-${MODEL_PROGRAM_CODE}-${asOf}.csv"`);
      const rows = csvRows(res.body);
      expect(Object.keys(rows[0])).toEqual(['scope', 'stateCode', 'stateName', 'asOf', 'progress', 'validatedProgress', 'expected', 'variance', 'status', 'overdueItems', 'onTimeRate', 'institutions', 'expectedBaseline', 'varianceBaseline']);
      expect(rows.map((r) => r.stateCode)).toEqual(['', ...json.states.map((s: Row) => s.stateCode)]);
      json.states.forEach((s: Row, i: number) => {
        const r = rows[i + 1];
        expect([num(r.progress), num(r.expected), num(r.variance), r.status, num(r.onTimeRate), r.asOf]).toEqual([s.progress, s.expected, s.variance, s.status, s.onTimeRate, asOf]);
      });
    });
  });

  it('a state’s items and the indicators export with the numbers of their JSON routes', async () => {
    const state = (await t.http().get(`${P}/states/20/progress`).set(officer).expect(200)).body;
    const wb = await workbook((await get(`${P}/states/20/progress/export?format=xlsx`, officer).expect(200)).body);
    const items = sheetRows(wb.worksheets[0]);
    expect(items.map((r) => r.Actividad)).toEqual(state.items.map((i: Row) => i.activityCode));
    state.items.forEach((i: Row, k: number) => {
      expect(items[k]).toMatchObject({ 'Avance (%)': i.progress, 'Avance esperado (%)': i.expected, 'Término planificado': i.plannedDue, 'Término original': i.originalDue, Incluida: i.included, Vencida: i.overdue, 'Días de atraso': i.daysLate });
    });

    const ind = (await t.http().get(`${P}/indicators?stateCode=20`).set(coord).expect(200)).body;
    const res = await get(`${P}/indicators/export?format=csv&stateCode=20`, coord).expect(200);
    expect(res.headers['content-disposition']).toContain(`filename="indicadores-${MODEL_PROGRAM_CODE}-20-${TODAY}.csv"`);
    const rows = csvRows(res.body);
    expect(rows.map((r) => r.code)).toEqual(ind.indicators.map((f: Row) => f.code));
    ind.indicators.forEach((f: { value: number | null; target: { value: number } | null; achievement: number | null; status: string | null }, k: number) => {
      expect([num(rows[k].value), num(rows[k].targetValue), num(rows[k].achievement), rows[k].status || null, rows[k].scope]).toEqual([f.value, f.target?.value ?? null, f.achievement, f.status, '20']);
    });
  });

  describe('reports and institutions of a state', () => {
    it('every report of the state, for its own officer; a text a spreadsheet would run is defused in CSV', async () => {
      const item = (await t.http().get(`${P}/states/20/plan`).set(officer).expect(200)).body.items.find((i: { level: string; included: boolean }) => i.level === 'state' && i.included);
      await t.http().post(`${P}/states/20/reports`).set(officer).set('Idempotency-Key', 'export-formula-1')
        .send({ activityCode: item.activityCode, status: 'in_progress', percent: 10, reportedOn: TODAY, narrative: '=HYPERLINK("http://example.org","clic")' }).expect(201);
      const total = (await t.http().get(`${P}/states/20/reports?limit=1`).set(officer).expect(200)).body.total;
      expect(total).toBeGreaterThan(1);

      const rows = csvRows((await get(`${P}/states/20/reports/export?format=csv`, officer).expect(200)).body);
      expect(rows).toHaveLength(total);
      expect(rows[0].narrative).toBe(`'=HYPERLINK("http://example.org","clic")`);

      const wb = await workbook((await get(`${P}/states/20/reports/export?format=xlsx`, coord).expect(200)).body);
      const ws = wb.worksheets[0];
      expect(ws.rowCount).toBe(total + 1);
      const cell = ws.getRow(2).getCell(9);
      expect(cell.type).toBe(ExcelJS.ValueType.String); // stored as text: Excel never runs it
      expect(cell.value).toBe('=HYPERLINK("http://example.org","clic")');
    });

    it('institutions, in the order and with the names of the listing', async () => {
      const list = (await t.http().get(`${P}/states/20/institutions`).set(officer).expect(200)).body;
      const rows = sheetRows((await workbook((await get(`${P}/states/20/institutions/export?format=xlsx`, officer).expect(200)).body)).worksheets[0]);
      expect(rows.map((r) => [r.Nombre, r.Alta])).toEqual(list.map((i: Row) => [i.name, i.joinedOn]));
      expect(new Set(rows.map((r) => r['Orden de gobierno']))).toEqual(new Set(list.map((i: { order: string }) => ({ federal: 'Federal', state: 'Estatal', municipal: 'Municipal' })[i.order])));
    });

    it('another state’s officer gets 403 and no file', async () => {
      const other = (await t.as('state_officer', '21')).auth;
      for (const what of ['reports', 'institutions']) {
        const res = await t.http().get(`${P}/states/20/${what}/export?format=csv`).set(other).expect(403);
        expect(res.headers['content-type']).toContain('application/json');
        expect(res.headers['content-disposition']).toBeUndefined();
      }
    });
  });

  describe('a frozen review round', () => {
    let code: string;
    let round: { code: string; title: string; agreementReference: string | null; figures: { progress: { states: { stateName: string; progress: number }[] } }; findings: { citation: string; dueOn: string | null; stateCode: string }[] };
    beforeAll(async () => {
      const list = (await t.http().get(`${P}/review-rounds`).set(coord).expect(200)).body.rounds;
      code = list.find((r: { status: string }) => r.status === 'closed').code;
      round = (await t.http().get(`${P}/review-rounds/${code}`).set(coord).expect(200)).body;
      expect(round.findings.length).toBeGreaterThan(0);
    });

    it('PDF: renders (pdftoppm) and says the round, its figures, findings with due dates and the agreement', async () => {
      const res = await get(`${P}/review-rounds/${code}/export?format=pdf`, coord).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`filename="ronda-${MODEL_PROGRAM_CODE}-${code}.pdf"`);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rumbo-pdf-'));
      const file = path.join(dir, 'ronda.pdf');
      fs.writeFileSync(file, res.body);
      execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
      const png = fs.readFileSync(fs.readdirSync(dir).map((f) => path.join(dir, f)).find((f) => f.endsWith('.png'))!);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(5_000); // a page with text and a chart, not a blank one
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
      expect(text).toContain(`Ronda de revisión ${code}`);
      expect(text).toContain(round.title);
      expect(text).toContain(round.agreementReference!);
      const first = round.figures.progress.states[0];
      expect(text).toContain(first.stateName);
      expect(text).toContain(`${new Intl.NumberFormat('es-MX', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(first.progress)} %`);
      for (const f of round.findings) expect(text).toContain(f.citation);
      expect(text).toMatch(/Página 1 de \d+/);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('XLSX: one sheet per table, the frozen numbers; a state officer gets only its own findings', async () => {
      const wb = await workbook((await get(`${P}/review-rounds/${code}/export?format=xlsx`, coord).expect(200)).body);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Ronda', 'Avance por entidad', 'Fases por entidad', 'Actividades por entidad', 'Indicadores', 'Observaciones']);
      const facts = Object.fromEntries(sheetRows(wb.getWorksheet('Ronda')!).map((r) => [r.Dato, r.Valor]));
      expect(facts).toMatchObject({ 'Código de la ronda': code, 'Acuerdo de la comisión': round.agreementReference, Estado: 'Cerrada' });
      const states = sheetRows(wb.getWorksheet('Avance por entidad')!).slice(1);
      expect(states.map((r) => [r.Entidad, r['Avance (%)']])).toEqual(round.figures.progress.states.map((s) => [s.stateName, s.progress]));
      expect(sheetRows(wb.getWorksheet('Observaciones')!).map((r) => [r.Cita, r['Atender a más tardar']])).toEqual(round.findings.map((f) => [f.citation, f.dueOn]));

      const own = round.findings.filter((f) => f.stateCode === '20');
      const officerBook = await workbook((await get(`${P}/review-rounds/${code}/export?format=xlsx`, officer).expect(200)).body);
      expect(sheetRows(officerBook.getWorksheet('Observaciones')!).map((r) => r.Cita)).toEqual(own.map((f) => f.citation));
    });
  });

  describe('bad requests get a 4xx with the field named, and no file', () => {
    it.each([
      ['format missing', `${P}/progress/export`, 400, 'format'],
      ['format not offered', `${P}/progress/export?format=pdf`, 400, 'format'],
      ['round format not offered', `${P}/review-rounds/RR-0000-001/export?format=csv`, 400, 'format'],
      ['bad date', `${P}/indicators/export?format=csv&asOf=2026-02-30`, 400, 'asOf'],
      
    ])('%s', async (_, url, status, field) => {
      const res = await t.http().get(url).set(coord).set('Accept-Language', 'es-MX').expect(status);
      expect(res.headers['content-type']).toContain('application/json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('a format not offered is said in Spanish', async () => {
      const res = await t.http().get(`${P}/progress/export?format=docx`).set(coord).set('Accept-Language', 'es-MX').expect(400);
      expect(res.body.errors).toEqual([{ field: 'format', message: 'Elija el formato del archivo: xlsx, csv' }]);
    });

    it('unknown program, state or round: 404', async () => {
      await t.http().get('/api/v1/programs/no-existe/progress/export?format=csv').set(coord).expect(404);
      await t.http().get(`${P}/states/99/progress/export?format=csv`).set(coord).expect(404);
      await t.http().get(`${P}/review-rounds/RR-1999-999/export?format=pdf`).set(coord).expect(404);
    });

    it('without a token: 401', async () => {
      await t.http().get(`${P}/progress/export?format=csv`).expect(401);
    });
  });
});
