import * as fs from 'node:fs';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { browserTestsEnabled, DEFAULT_PROGRAM_CODE as P, eventually, isFocused, smallDefaultProgram, startBrowserHarness, textOf, type BrowserHarness } from './browser-harness.js';

// Formats per activity (issue 9.2) in Chromium: activity 1.1 of a small program has format F-01 with a template
// the coordinator uploaded. Oaxaca's officer opens the report form, downloads the template, tries to report 1.1
// completed without the filled format (the API's es-MX message appears), then adds the filled copy marked with
// its format and submits: the report carries the document as evidence of F-01. The explain view names F-01.

const TODAY = '2025-02-15';
const TEMPLATE = 'nombre,cargo,correo\n,,\n';
const FILLED = 'nombre,cargo,correo\nAna Pérez,Enlace de datos abiertos,ana.perez@oaxaca.gob.mx\n';

describe.runIf(browserTestsEnabled)('Formats in the browser', () => {
  let h: BrowserHarness;
  let officer: AuthUser;
  let coordinatorAuth: { Authorization: string };
  let templateId: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    t.clock.set(TODAY);
    const { program } = await smallDefaultProgram(
      t,
      [
        { code: '1.1', phase: 1, startDay: 0, durationDays: 30, evidenceKinds: ['document'], completionNeedsEvidence: true },
        { code: '1.2', phase: 1, startDay: 10, durationDays: 40 },
      ],
      'Programa de prueba de formatos',
    );
    await t.programs.enrol(program.id, '20', '2025-01-01');
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Mario Enlace Oaxaca' });
    coordinatorAuth = (await t.as('coordinator')).auth;
    const template = await t.http().post(`/api/v1/programs/${P}/templates`).set(coordinatorAuth).attach('file', Buffer.from(TEMPLATE), 'F-01 directorio de enlaces.csv').expect(201);
    templateId = template.body.id;
    const doc = (await t.http().get(`/api/v1/programs/${P}/export`).set(coordinatorAuth).expect(200)).body;
    doc.activities[0].formats = [{ code: 'F-01', name: 'Directorio de personas enlace', description: 'Una fila por persona enlace designada', templateFileId: templateId }];
    await t.http().post('/api/v1/programs/import').set(coordinatorAuth).send(doc).expect(201);
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the officer downloads the template and reports 1.1 completed with the filled format as evidence', async () => {
    const wp = await h.newPage();
    wp.expectHttpErrors(400);
    const { page } = wp;
    await h.login(wp, officer.email);

    await page.getByRole('button', { name: /^Reportar avance de 1\.1 / }).click();
    const form = page.getByTestId('report-form');
    await eventually(() => isFocused(form.getByRole('heading', { level: 3 }))).toBe(true);
    const formats = form.getByTestId('activity-formats');
    expect(await textOf(formats)).toContain('F-01 · Directorio de personas enlace');
    expect(await textOf(formats)).toContain('Para reportarla como concluida, el reporte debe traer un documento de cada formato.');

    // The template downloads with the session's token, under the name it was uploaded with.
    const [download] = await Promise.all([page.waitForEvent('download'), formats.getByRole('button', { name: 'Descargar plantilla del formato F-01' }).click()]);
    expect(download.suggestedFilename()).toBe('F-01 directorio de enlaces.csv');
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(TEMPLATE);

    // Completed with a document that is not the format: the API refuses it and names the missing format.
    await form.getByLabel('Estado de la actividad').selectOption({ label: 'Concluida' });
    await form.getByRole('button', { name: '+ Agregar documento' }).click();
    await form.getByLabel('Título de la evidencia 1').fill('Oficio de designación');
    await form.getByLabel('Archivo de la evidencia 1').setInputFiles({ name: 'oficio.csv', mimeType: 'text/csv', buffer: Buffer.from('oficio\nSe designa a Ana Pérez\n') });
    await eventually(() => textOf(form.getByTestId('evidence-upload-0'))).toMatch(/^Archivo cargado: oficio\.csv/);
    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    await eventually(() => textOf(form.getByTestId('evidence-fieldset').locator('.field-errors'))).toContain(
      'La actividad 1.1 solo se da por concluida con sus formatos llenados: agregue un documento del formato F-01 (Directorio de personas enlace).',
    );

    // The filled copy, marked with its format.
    await formats.getByRole('button', { name: 'Agregar formato F-01 llenado' }).click();
    expect(await form.getByLabel('Formato de la evidencia 2').inputValue()).toBe('F-01');
    expect(await form.getByLabel('Título de la evidencia 2').inputValue()).toBe('F-01 · Directorio de personas enlace');
    await form.getByLabel('Archivo de la evidencia 2').setInputFiles({ name: 'F-01 directorio llenado.csv', mimeType: 'text/csv', buffer: Buffer.from(FILLED) });
    await eventually(() => textOf(form.getByTestId('evidence-upload-1'))).toMatch(/^Archivo cargado: F-01 directorio llenado\.csv/);
    await h.screenshot(wp, 'formats', { locator: form });

    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    await eventually(() => textOf(page.getByRole('status').filter({ hasText: 'Se envió el reporte de 1.1' }))).toContain('Concluida, 100.0 %');

    const res = await h.t.http().get(`/api/v1/programs/${P}/states/20/reports`).set(coordinatorAuth).expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].evidence).toEqual([
      expect.objectContaining({ kind: 'document', title: 'Oficio de designación', fileName: 'oficio.csv', formatCode: null }),
      expect.objectContaining({ kind: 'document', title: 'F-01 · Directorio de personas enlace', fileName: 'F-01 directorio llenado.csv', formatCode: 'F-01' }),
    ]);
  });

  it('the explain view names the formats a completion of 1.1 needs', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, officer.email);
    const explain = page.getByText('Explicación: cómo se calculan estas cifras').first();
    await explain.click();
    const row = page.getByTestId('explain-items').locator('tr[data-activity="1.1"]');
    await eventually(() => textOf(row.getByTestId('completion-formats'))).toBe('Formatos esperados: F-01 (Directorio de personas enlace)');
  });
});
