import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { browserTestsEnabled, DEFAULT_PROGRAM_CODE as P, eventually, smallDefaultProgram, startBrowserHarness, textOf, type BrowserHarness } from './browser-harness.js';

// Exports and the institutions import in Chromium: the buttons next to each table download the file the API
// builds (the numbers checked against the JSON routes), the review round's PDF shows it is being made, and an
// officer imports institutions from a CSV after a dry run.
describe.runIf(browserTestsEnabled)('Exports and imports in the browser', () => {
  let h: BrowserHarness;
  let coordinator: AuthUser;
  let officer: AuthUser;
  const ROUND = 'RR-2025-001';

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    await smallDefaultProgram(t, [{ code: '1.1', startDay: 0, durationDays: 60 }, { code: '1.2', startDay: 0, durationDays: 120 }], 'Programa de prueba de exportaciones');
    const program = (await t.dataSource.query(`SELECT id FROM program WHERE code = $1`, [P]))[0] as { id: string };
    await t.programs.enrol(program.id, '20', '2025-01-01');
    await t.programs.enrol(program.id, '21', '2025-01-01');
    t.clock.set('2025-03-01');
    const report = async (state: string, activityCode: string, percent: number) =>
      t.http().post(`/api/v1/programs/${P}/states/${state}/reports`).set((await t.as('state_officer', state)).auth).send({ activityCode, status: 'in_progress', percent, reportedOn: '2025-02-20' }).expect(201);
    await report('20', '1.1', 70);
    await report('21', '1.1', 20);
    await t.http().post(`/api/v1/programs/${P}/states/20/institutions`).set((await t.as('state_officer', '20')).auth).send({ name: 'Secretaría de Finanzas', acronym: 'SEFIN', order: 'state', joinedOn: '2025-01-10' }).expect(201);
    const reviewer = (await t.as('reviewer')).auth;
    await t.http().post(`/api/v1/programs/${P}/review-rounds`).set(reviewer).send({ title: 'Revisión del primer bimestre 2025', asOf: '2025-02-28' }).expect(201);
    await t.http().post(`/api/v1/programs/${P}/review-rounds/${ROUND}/findings`).set(reviewer).send({ type: 'delay', stateCode: '21', activityCode: '1.1', description: 'El avance de la actividad 1.1 va por debajo de lo planeado.', dueOn: '2025-04-30' }).expect(201);
    coordinator = await t.users.create({ role: 'coordinator', name: 'Coordinación' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Enlace Oaxaca' });
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  const bytes = async (d: Download) => {
    const chunks: Buffer[] = [];
    for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  };

  it('the national table’s XLSX and CSV buttons download the figures the API serves', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, coordinator.email);
    const buttons = page.getByTestId('export-progress');
    await buttons.scrollIntoViewIfNeeded();
    const json = (await h.t.http().get(`/api/v1/programs/${P}/progress`).set((await h.t.as('coordinator')).auth).expect(200)).body as { asOf: string; states: { stateCode: string; progress: number; expected: number }[] };

    const [xlsx] = await Promise.all([page.waitForEvent('download'), buttons.getByRole('button', { name: 'Descargar cifras por entidad en XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`avance-${P}-${json.asOf}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(xlsx)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const sheet = json.states.map((_, i) => [ws.getRow(i + 3).getCell(2).value, ws.getRow(i + 3).getCell(5).value, ws.getRow(i + 3).getCell(7).value]);
    expect(sheet).toEqual(json.states.map((s) => [s.stateCode, s.progress, s.expected]));

    const [csv] = await Promise.all([page.waitForEvent('download'), buttons.getByRole('button', { name: 'Descargar cifras por entidad en CSV' }).click()]);
    const lines = (await bytes(csv)).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('scope,stateCode,stateName,asOf,progress,validatedProgress,expected,variance,status,overdueItems,onTimeRate,institutions,expectedBaseline,varianceBaseline');
    expect(lines.slice(2).map((l) => l.split(',')).map((c) => [c[1], Number(c[4]), Number(c[6])])).toEqual(json.states.map((s) => [s.stateCode, s.progress, s.expected]));
  });

  it('the review round’s PDF says it is being made, then downloads a PDF; its XLSX too', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, coordinator.email);
    await page.goto(`${h.baseUrl}/programas/${P}/revisiones/${ROUND}`);
    const buttons = page.getByTestId('export-review-round');
    await buttons.waitFor();
    // Hold the answer a moment so the "being made" state can be seen (the PDF takes a fraction of a second here).
    await page.route('**/review-rounds/*/export?format=pdf', async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue();
    });
    const downloading = page.waitForEvent('download');
    await buttons.getByRole('button', { name: `Descargar ronda de revisión ${ROUND} en PDF` }).click();
    await eventually(() => textOf(buttons.getByRole('status'))).toBe('Generando PDF…');
    expect(await buttons.getByRole('button', { name: `Descargar ronda de revisión ${ROUND} en XLSX` }).isDisabled()).toBe(true);
    const pdf = await downloading;
    expect(pdf.suggestedFilename()).toBe(`ronda-${P}-${ROUND}.pdf`);
    expect((await bytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    await eventually(() => textOf(buttons.getByRole('status'))).toBe('');
    await h.screenshot(wp, 'export-buttons', { locator: page.locator('main') });

    const [xlsx] = await Promise.all([page.waitForEvent('download'), buttons.getByRole('button', { name: `Descargar ronda de revisión ${ROUND} en XLSX` }).click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(xlsx)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ronda', 'Avance por entidad', 'Fases por entidad', 'Actividades por entidad', 'Indicadores', 'Observaciones']);
  });

  it('a state officer exports its institutions and imports new ones from a CSV after a dry run that shows the errors first', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, officer.email);
    const panel = page.locator('section[aria-labelledby="institutions-title"]');
    await panel.getByTestId('export-institutions').waitFor();
    await page.getByTestId('export-reports').waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Descargar instituciones en XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`instituciones-${P}-20.xlsx`);

    const box = page.getByTestId('institutions-import');
    await box.locator('summary').click();
    const file = page.getByLabel('Archivo de instituciones');
    await file.setInputFiles({ name: 'nuevas.csv', mimeType: 'text/csv', buffer: Buffer.from('Nombre,Siglas,Orden de gobierno,Alta\nComisión Estatal del Agua,CEA,Provincial,2025-02-01\n') });
    await box.getByRole('button', { name: 'Revisar archivo' }).click();
    const errors = box.getByTestId('import-errors-table');
    await errors.waitFor();
    expect(await textOf(errors.locator('tbody tr').first())).toMatch(/^2\s+Orden de gobierno\s+order debe ser uno de/);
    expect(await textOf(errors)).toContain('order debe ser uno de: federal, state, municipal');

    await file.setInputFiles({ name: 'nuevas.csv', mimeType: 'text/csv', buffer: Buffer.from('Nombre,Siglas,Orden de gobierno,Alta\nComisión Estatal del Agua,CEA,Estatal,2025-02-01\nSecretaría de Finanzas,SEFIN,Estatal,2025-01-10\n') });
    await box.getByRole('button', { name: 'Revisar archivo' }).click();
    const preview = box.getByTestId('import-preview');
    await eventually(() => textOf(preview.locator('.summary'))).toBe('2 filas: 1 altas nuevas, 0 cambios, 1 sin cambios.');
    expect(await panel.getByTestId('institutions-table').locator('tbody tr').count()).toBe(1); // the dry run wrote nothing
    await h.screenshot(wp, 'institutions-import', { locator: box });
    await box.getByRole('button', { name: 'Importar 1 cambio' }).click();
    await eventually(() => textOf(box)).toContain('Se importó el archivo: 1 altas, 0 cambios, 1 sin cambios.');
    await eventually(() => panel.getByTestId('institutions-table').locator('tbody tr').count()).toBe(2);
    expect(await textOf(panel.getByTestId('institutions-table'))).toContain('Comisión Estatal del Agua');
  });

  it('a state officer downloads its reports as CSV, adds a row and imports it after the dry run; the plan shows the new figure', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, officer.email);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-reports').getByRole('button', { name: 'Descargar reportes de la entidad en CSV' }).click()]);
    const exported = (await bytes(csv)).toString('utf8').replace(/\r?\n$/, '');
    expect(exported.split(/\r?\n/)).toHaveLength(2); // the header and the report of 1.1

    const box = page.getByTestId('reports-import');
    await box.locator('summary').click();
    const file = page.getByLabel('Archivo de reportes');
    // The export with one more row: a new report on 1.2 (no Folio), written as someone would in Spanish.
    const added = `${exported}\r\n,20,1.2,,,En proceso,45,2025-02-25,Se instaló el comité,,Liga: Acta del comité <https://transparencia.example.mx/acta>,,,,,`;
    await file.setInputFiles({ name: 'reportes.csv', mimeType: 'text/csv', buffer: Buffer.from(added.replace('2025-02-25', '2025-03-09')) });
    await box.getByRole('button', { name: 'Revisar archivo' }).click();
    await eventually(() => textOf(box.getByTestId('import-errors-table'))).toContain('no puede ser posterior a hoy');

    await file.setInputFiles({ name: 'reportes.csv', mimeType: 'text/csv', buffer: Buffer.from(added) });
    await box.getByRole('button', { name: 'Revisar archivo' }).click();
    const preview = box.getByTestId('import-preview');
    await eventually(() => textOf(preview.locator('.summary'))).toBe('2 filas: 1 reporte nuevo, 1 ya registrado.');
    expect(await textOf(preview.getByTestId('import-preview-table'))).toContain('1.2 · 2025-02-25');
    await h.screenshot(wp, 'reports-import', { locator: box });
    await box.getByRole('button', { name: 'Importar 1 reporte nuevo' }).click();
    await eventually(() => textOf(box)).toContain('Se importó el archivo: 1 reporte nuevo, pendientes de revisión por la coordinación.');
    await eventually(async () => textOf(page.getByTestId('plan-table').locator('tbody tr', { hasText: '1.2' }).first())).toContain('45');
    const queue = (await h.t.http().get(`/api/v1/programs/${P}/review-queue?stateCode=20`).set((await h.t.as('coordinator')).auth).expect(200)).body.items as { activityCode: string; percent: number }[];
    expect(queue).toContainEqual(expect.objectContaining({ activityCode: '1.2', percent: 45 }));
  });
});
