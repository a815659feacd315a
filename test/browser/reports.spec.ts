import * as fs from 'node:fs';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import type { Page } from 'playwright-core';
import {
  attrOf,
  browserTestsEnabled,
  DEFAULT_PROGRAM_CODE as P,
  eventually,
  figureValue,
  isFocused,
  sidewaysOverflow,
  smallDefaultProgram,
  startBrowserHarness,
  textOf,
  type BrowserHarness,
} from './browser-harness.js';

// The reporting loop of issue 6 in Chromium, end to end against the real app and database: the officer of a
// state reports with a link and an uploaded file; the coordinator returns it with a reason; the officer sees
// the reason first on its home screen and answers with a new report; the coordinator accepts it, and the
// national and state figures on screen change accordingly. Also: the review queue's 409, the quarterly
// reporting round, and an officer kept out of another state's screens.
//
// The program is small so the figures can be worked out by hand. Today is 15 Feb 2025 (the API's clock);
// Oaxaca (20) and Veracruz (30) joined on 1 Jan 2025:
//   1.1  w=1  1 Jan – 31 Jan   e = 100
//   1.2  w=1  11 Jan – 20 Feb  e = 35/40 = 87.5
//   2.1  w=2  31 Jan – 1 Apr   e = 15/60 = 25      (by institution)
//   E = (100 + 87.5 + 2·25) / 4 = 59.4 %; P = Σ w·p / 4; national = the plain mean of the two states.
// The tests run in file order and share the app; each opens its own browser context.

const TODAY = '2025-02-15';
const statePath = (code: string) => `/programas/${P}/estados/${code}`;
const CSV = 'nombre,cargo\nAna Pérez,Enlace de datos abiertos\n';

describe.runIf(browserTestsEnabled)('Reports and review in the browser', () => {
  let h: BrowserHarness;
  let officer: AuthUser;
  let coordinator: AuthUser;
  let coordinatorAuth: { Authorization: string };
  let veracruzAuth: { Authorization: string };

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    t.clock.set(TODAY);
    const { program } = await smallDefaultProgram(
      t,
      [
        { code: '1.1', phase: 1, startDay: 0, durationDays: 30, evidenceKinds: ['url', 'document'], completionNeedsEvidence: true, metrics: ['personas_sensibilizadas'] },
        { code: '1.2', phase: 1, startDay: 10, durationDays: 40 },
        { code: '2.1', phase: 2, level: 'institution', startDay: 30, durationDays: 60, weight: 2 },
      ],
      'Programa de prueba del flujo de reportes',
    );
    const { participation } = await t.programs.enrol(program.id, '20', '2025-01-01');
    await t.programs.enrol(program.id, '30', '2025-01-01');
    await t.programs.institution(participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-01-10' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Mario Enlace Oaxaca' });
    coordinator = await t.users.create({ role: 'coordinator', name: 'Lucía Coordinadora' });
    coordinatorAuth = (await t.as('coordinator')).auth;
    veracruzAuth = (await t.as('state_officer', '30')).auth;
    await t
      .http()
      .post(`/api/v1/programs/${P}/reporting-rounds`)
      .set(coordinatorAuth)
      .send({ code: '2025-Q1', name: 'Primer trimestre 2025', periodStart: '2025-01-01', periodEnd: '2025-03-31', dueOn: '2025-04-15' })
      .expect(201);
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function reportsOf(stateCode: string): Promise<
    { id: string; reviewState: string; percent: number; evidence: { kind: string; url: string | null; fileId: string | null; fileName: string | null; highValue: boolean; format: string | null; licence: string | null }[]; metrics: Record<string, number> }[]
  > {
    const res = await h.t.http().get(`/api/v1/programs/${P}/states/${stateCode}/reports`).set(coordinatorAuth).expect(200);
    return res.body.items;
  }

  async function openNational(page: Page) {
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Panorama nacional' }).click();
    await page.getByTestId('national-figures').locator('[data-testid="national-progress"]').waitFor();
  }

  it('the officer reports with a link and an uploaded file; the API’s field messages show next to their fields', async () => {
    const wp = await h.newPage();
    wp.expectHttpErrors(400);
    const { page } = wp;
    await h.login(wp, officer.email);
    expect(new URL(page.url()).pathname).toBe(statePath('20'));

    // Figures before any report: nothing done, 1.1 already 15 days late.
    await eventually(() => figureValue(page, 'state-progress')).toBe('0.0 %');
    expect(await figureValue(page, 'state-expected')).toBe('59.4 %');
    expect(await textOf(page.getByTestId('state-progress'))).toContain('Rezagada');
    const row11 = page.getByTestId('plan-table').locator('tr[data-activity="1.1"]');
    await eventually(() => textOf(row11.locator('[data-col="late"]'))).toBe('Vencida 15 días');
    expect(await textOf(row11.locator('[data-col="expected"]'))).toBe('100.0 %');
    expect(await page.getByTestId('returned-reports').count()).toBe(0);

    await page.getByRole('button', { name: /^Reportar avance de 1\.1 / }).click();
    const form = page.getByTestId('report-form');
    await eventually(() => isFocused(form.getByRole('heading', { level: 3 }))).toBe(true);

    // Status drives the percent, as in the API: completed is 100, not started is 0.
    const percent = form.getByLabel('Porcentaje de avance');
    await form.getByLabel('Estado de la actividad').selectOption({ label: 'No iniciada' });
    expect(await percent.inputValue()).toBe('0');
    expect(await attrOf(percent, 'readonly')).not.toBeNull();
    await form.getByLabel('Estado de la actividad').selectOption({ label: 'En proceso' });
    expect(await attrOf(percent, 'readonly')).toBeNull();
    await form.getByLabel('Estado de la actividad').selectOption({ label: 'Concluida' });
    expect(await percent.inputValue()).toBe('100');

    await form.getByLabel('Descripción del avance').fill('Se designó a las personas enlace mediante oficio.');
    await form.getByLabel('Personas sensibilizadas').fill('120');
    // Verifiable completion: the form says which evidence a completion needs, and the API refuses one without it.
    expect(await textOf(form.getByTestId('expected-evidence'))).toContain('Para reportarla como concluida, el reporte debe traer evidencia de cada uno de estos tipos.');
    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    await eventually(() => textOf(form.getByTestId('evidence-fieldset').locator('.field-errors'))).toContain('La actividad 1.1 solo se da por concluida con su evidencia esperada: agregue evidencia de tipo url, document');
    await form.getByRole('button', { name: '+ Agregar liga' }).click();
    await form.getByLabel('Título de la evidencia 1').fill('Oficio publicado');
    await form.getByLabel('Dirección web de la evidencia 1').fill('datos.oaxaca.gob.mx/oficio');
    await form.getByRole('button', { name: '+ Agregar documento' }).click();
    await form.getByLabel('Título de la evidencia 2').fill('Acta de designación');
    await form.getByLabel('Archivo de la evidencia 2').setInputFiles({ name: 'acta.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await eventually(() => textOf(form.getByTestId('evidence-upload-1'))).toMatch(/^Archivo cargado: acta\.csv \(\d+ B\)$/);

    // A link without http(s): the API's message (field evidence.0.url) appears in that evidence row.
    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    const row0 = form.getByTestId('evidence-row-0');
    await eventually(() => textOf(row0.locator('.field-errors'))).toContain('Escriba una dirección web completa (http:// o https://)');
    expect(await attrOf(form.getByLabel('Dirección web de la evidencia 1'), 'aria-invalid')).toBe('true');
    expect(await textOf(form.getByTestId('evidence-row-1').locator('.field-errors'))).toBe('');
    expect(await textOf(form.getByRole('alert'))).toContain('Revise los datos marcados.');
    await h.screenshot(wp, 'report-form', { locator: form });

    // A date after today: the API's message appears under the date.
    await form.getByLabel('Dirección web de la evidencia 1').fill('https://datos.oaxaca.gob.mx/oficio-designacion');
    await form.getByLabel('Fecha del reporte').fill('2025-02-20');
    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    await eventually(() => textOf(form.locator('[data-field-error="report-date"]'))).toMatch(/^La fecha del reporte \(2025-02-20\) no puede ser posterior a hoy \(\d{4}-\d{2}-\d{2}\)\.$/);
    expect(await textOf(row0.locator('.field-errors'))).toBe('');
    expect(await reportsOf('20')).toEqual([]);

    await form.getByLabel('Fecha del reporte').fill('2025-02-10');
    expect(await form.locator('[data-field-error="report-date"]').count()).toBe(0);
    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    await eventually(() => textOf(page.getByRole('status').filter({ hasText: 'Se envió el reporte de 1.1' }))).toContain('Concluida, 100.0 %, del 10 feb 2025');

    // The item's history opens with the new report, pending review; the state's progress counts it already.
    const history = page.getByTestId('report-history');
    await eventually(() => textOf(history.locator('tbody tr'))).toContain('Pendiente de revisión');
    expect(await textOf(history)).toContain('Oficio publicado');
    await eventually(() => figureValue(page, 'state-progress')).toBe('25.0 %');
    expect(await figureValue(page, 'state-validated')).toBe('0.0 %');

    const [stored] = await reportsOf('20');
    expect(stored).toMatchObject({ reviewState: 'submitted', percent: 100, metrics: { personas_sensibilizadas: 120 } });
    expect(stored.evidence).toEqual([
      expect.objectContaining({ kind: 'url', url: 'https://datos.oaxaca.gob.mx/oficio-designacion', fileId: null }),
      expect.objectContaining({ kind: 'document', url: null, fileName: 'acta.csv', fileId: expect.any(String) }),
    ]);
  });

  it('a submission whose answer is lost is retried with the same Idempotency-Key: one report', async () => {
    const wp = await h.newPage();
    // The test cuts the connection after the server answered; Chromium reports the aborted request.
    wp.expectConsoleErrors(/net::ERR_ABORTED|Failed to fetch/);
    const { page } = wp;
    await h.login(wp, officer.email);
    const keys: string[] = [];
    await page.route('**/api/v1/programs/*/states/20/reports', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length === 1) {
        await route.fetch(); // the server stores the report…
        return route.abort('aborted'); // …and the browser never hears back.
      }
      return route.continue();
    });
    await page.getByRole('button', { name: /^Reportar avance de 2\.1 / }).click();
    const form = page.getByTestId('report-form');
    await form.getByLabel('Institución').selectOption({ label: 'Secretaría de Finanzas' });
    await form.getByLabel('Estado de la actividad').selectOption({ label: 'No iniciada' });
    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    await page.getByRole('status').filter({ hasText: 'Se envió el reporte de 2.1 (Secretaría de Finanzas)' }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\x21-\x7e]{16,100}$/);
    expect(keys[1]).toBe(keys[0]);
    const onItem = (await reportsOf('20')).filter((r) => r.percent === 0);
    expect(onItem).toHaveLength(1);

    // A new submission is a new attempt: a new key.
    await page.getByRole('button', { name: /^Reportar avance de 2\.1 / }).click();
    await form.getByLabel('Institución').selectOption({ label: 'Secretaría de Finanzas' });
    await form.getByLabel('Estado de la actividad').selectOption({ label: 'No iniciada' });
    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    await page.getByRole('status').filter({ hasText: 'Se envió el reporte de 2.1' }).waitFor();
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
    // The two reports at 0 % leave the figures as they were; they go to review like any other.
    await eventually(() => figureValue(page, 'state-progress')).toBe('25.0 %');
    const pending = await h.t.http().get(`/api/v1/programs/${P}/review-queue`).set(coordinatorAuth).expect(200);
    for (const r of pending.body.items.filter((x: { activityCode: string }) => x.activityCode === '2.1')) {
      await h.t.http().post(`/api/v1/reports/${r.id}/review`).set(coordinatorAuth).send({ decision: 'accept' }).expect(200);
    }
  });

  it('the coordinator returns the report with a mandatory reason; the national figure drops', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, coordinator.email);
    expect(new URL(page.url()).pathname).toBe(`/programas/${P}`);
    await eventually(() => figureValue(page, 'national-progress')).toBe('12.5 %');
    expect(await figureValue(page, 'national-validated')).toBe('0.0 %');

    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Revisión de reportes' }).click();
    const queue = page.getByTestId('review-queue');
    const item = queue.locator('li[data-activity="1.1"]');
    await item.waitFor();
    expect(await queue.locator('li.queue-item').count()).toBe(1);
    expect(await textOf(item.getByRole('heading', { level: 2 }))).toBe('Oaxaca · 1.1 Actividad 1.1');
    expect(await textOf(item)).toContain('Concluida, 100.0 %');
    expect(await textOf(item)).toContain('Personas sensibilizadas: 120');
    expect(await textOf(item)).toContain('Mario Enlace Oaxaca');
    const link = item.getByRole('link', { name: /Oficio publicado/ });
    expect(await attrOf(link, 'href')).toBe('https://datos.oaxaca.gob.mx/oficio-designacion');
    expect(await attrOf(link, 'target')).toBe('_blank');

    // The uploaded file downloads with the session's token.
    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: 'Descargar Acta de designación (acta.csv)' }).click()]);
    expect(download.suggestedFilename()).toBe('acta.csv');
    expect(fs.readFileSync((await download.path())!, 'utf8')).toBe(CSV);
    await h.screenshot(wp, 'review-queue');

    await item.getByRole('button', { name: 'Devolver el reporte de Oaxaca · 1.1' }).click();
    const reason = item.getByLabel('Motivo de la devolución');
    await eventually(() => isFocused(reason)).toBe(true);
    await item.getByRole('button', { name: 'Confirmar devolución' }).click();
    await item.getByText('Escriba el motivo: la entidad lo verá para corregir su reporte.').waitFor();
    expect((await reportsOf('20')).find((r) => r.percent === 100)?.reviewState).toBe('submitted');

    await reason.fill('La liga del oficio no abre; publíquenlo de nuevo y envíen la liga correcta.');
    await item.getByRole('button', { name: 'Confirmar devolución' }).click();
    await page.getByRole('status').filter({ hasText: 'Se devolvió el reporte de Oaxaca · 1.1.' }).waitFor();
    await page.getByText('No hay reportes pendientes de revisión.').waitFor();
    expect((await reportsOf('20')).find((r) => r.percent === 100)?.reviewState).toBe('returned');

    // A returned report stops counting.
    await openNational(page);
    await eventually(() => figureValue(page, 'national-progress')).toBe('0.0 %');
  });

  it('the officer sees the returned report and its reason first on its home screen and answers it', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, officer.email);
    const returned = page.getByTestId('returned-reports');
    await returned.waitFor();
    // First thing under the page title.
    const firstPanel = await page.locator('main section.panel').first().getAttribute('data-testid');
    expect(firstPanel).toBe('returned-reports');
    expect(await textOf(returned.getByTestId('return-reason'))).toBe('Motivo: La liga del oficio no abre; publíquenlo de nuevo y envíen la liga correcta.');
    expect(await textOf(returned)).toContain('1.1 · Actividad 1.1');
    await eventually(() => figureValue(page, 'state-progress')).toBe('0.0 %');

    await returned.getByRole('button', { name: /^Responder con un nuevo reporte: 1\.1 / }).click();
    const form = page.getByTestId('report-form');
    await eventually(() => isFocused(form.getByRole('heading', { level: 3 }))).toBe(true);
    expect(await textOf(form)).toContain('Motivo: La liga del oficio no abre');
    // The returned report's values are the starting point, evidence included.
    expect(await form.getByLabel('Estado de la actividad').inputValue()).toBe('completed');
    expect(await form.getByLabel('Personas sensibilizadas').inputValue()).toBe('120');
    expect(await form.getByLabel('Dirección web de la evidencia 1').inputValue()).toBe('https://datos.oaxaca.gob.mx/oficio-designacion');
    expect(await textOf(form.getByTestId('evidence-upload-1'))).toBe('Archivo cargado: acta.csv');

    await form.getByLabel('Dirección web de la evidencia 1').fill('https://datos.oaxaca.gob.mx/documentos/oficio-designacion.pdf');
    // A dataset too: high-value, with its format and licence.
    await form.getByRole('button', { name: '+ Agregar conjunto de datos' }).click();
    await form.getByLabel('Título de la evidencia 3').fill('Directorio de enlaces');
    await form.getByLabel('Dirección web de la evidencia 3').fill('https://datos.oaxaca.gob.mx/dataset/directorio-enlaces');
    await form.getByLabel('Formato de la evidencia 3').fill('CSV');
    await form.getByLabel('Licencia de la evidencia 3').fill('CC-BY-4.0');
    await form.getByLabel('Datos de alto valor (evidencia 3)').check();
    await form.getByLabel('Fecha del reporte').fill('2025-02-14');
    await form.getByRole('button', { name: 'Enviar reporte' }).click();
    await page.getByRole('status').filter({ hasText: 'Se envió el reporte de 1.1' }).waitFor();
    const answer = (await reportsOf('20')).find((r) => r.reviewState === 'submitted' && r.percent === 100)!;
    expect(answer.evidence.map((e) => e.kind)).toEqual(['url', 'document', 'dataset']);
    expect(answer.evidence[1].fileName).toBe('acta.csv');
    expect(answer.evidence[2]).toMatchObject({ url: 'https://datos.oaxaca.gob.mx/dataset/directorio-enlaces', highValue: true, format: 'CSV', licence: 'CC-BY-4.0' });
    await eventually(() => returned.count()).toBe(0);
    await eventually(() => figureValue(page, 'state-progress')).toBe('25.0 %');

    // The history keeps both: the returned one with its reason, the new one pending.
    const rows = page.getByTestId('report-history').locator('tbody tr');
    await eventually(() => rows.count()).toBe(2);
    expect(await attrOf(rows.nth(0), 'data-review-state')).toBe('submitted');
    expect(await textOf(rows.nth(0))).toContain('Vigente');
    expect(await attrOf(rows.nth(1), 'data-review-state')).toBe('returned');
    expect(await textOf(rows.nth(1))).toContain('Motivo: La liga del oficio no abre');
  });

  it('the coordinator accepts it (a report reviewed meanwhile answers “ya fue revisado”); national and state figures change', async () => {
    // Veracruz reports 1.2 at 40 %: its P is 40·1/4 = 10.0, so the national P is (25 + 10) / 2 = 17.5.
    const veracruz = await h.t
      .http()
      .post(`/api/v1/programs/${P}/states/30/reports`)
      .set(veracruzAuth)
      .send({ activityCode: '1.2', status: 'in_progress', percent: 40, reportedOn: '2025-02-12' })
      .expect(201);
    const wp = await h.newPage();
    wp.expectHttpErrors(409);
    const { page } = wp;
    await h.login(wp, coordinator.email);
    await eventually(() => figureValue(page, 'national-progress')).toBe('17.5 %');
    expect(await figureValue(page, 'national-validated')).toBe('0.0 %');

    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Revisión de reportes' }).click();
    const queue = page.getByTestId('review-queue');
    await eventually(() => queue.locator('li.queue-item').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { stateCode: string } }).dataset.stateCode))).toEqual(['20', '30']);
    expect(await textOf(page.getByTestId('queue-summary'))).toBe('2 reportes pendientes.');

    // Someone else returns Veracruz's report while this page shows it.
    const other = await h.t.users.create({ role: 'coordinator' });
    const otherToken = await h.t.http().post('/api/v1/auth/login').send({ email: other.email, password: 'test-password-123' }).expect(200);
    await h.t
      .http()
      .post(`/api/v1/reports/${veracruz.body.id}/review`)
      .set({ Authorization: `Bearer ${otherToken.body.accessToken}` })
      .send({ decision: 'return', reason: 'Falta la evidencia.' })
      .expect(200);
    await queue.getByRole('button', { name: 'Aceptar el reporte de Veracruz de Ignacio de la Llave · 1.2' }).click();
    await eventually(() => textOf(page.getByRole('alert'))).toContain('ya fue revisado por otra persona; la lista se actualizó.');
    await eventually(() => queue.locator('li.queue-item').count()).toBe(1);

    const oaxacaItem = queue.locator('li[data-state-code="20"]');
    expect(await textOf(oaxacaItem.locator('li[data-kind="dataset"]'))).toContain('Directorio de enlaces');
    expect(await textOf(oaxacaItem.locator('li[data-kind="dataset"]'))).toContain('Alto valor');
    expect(await textOf(oaxacaItem.locator('li[data-kind="dataset"]'))).toContain('CSV · CC-BY-4.0');
    await queue.getByRole('button', { name: 'Aceptar el reporte de Oaxaca · 1.1' }).click();
    await page.getByRole('status').filter({ hasText: 'Se aceptó el reporte de Oaxaca · 1.1.' }).waitFor();
    await page.getByText('No hay reportes pendientes de revisión.').waitFor();

    // National: Veracruz's returned report no longer counts, Oaxaca's is validated.
    await openNational(page);
    await eventually(() => figureValue(page, 'national-progress')).toBe('12.5 %');
    expect(await figureValue(page, 'national-validated')).toBe('12.5 %');
    const oaxaca = page.getByTestId('states-progress-table').locator('tr[data-state-code="20"]');
    expect(await textOf(oaxaca.locator('[data-col="validated"]'))).toBe('25.0 %');

    // The state's page: P and V both 25.0 %, and the explanation shows the arithmetic.
    await oaxaca.getByRole('link', { name: 'Oaxaca' }).click();
    await page.waitForURL((u) => u.pathname === statePath('20'));
    await eventually(() => figureValue(page, 'state-validated')).toBe('25.0 %');
    expect(await figureValue(page, 'state-progress')).toBe('25.0 %');
    expect(await textOf(page.getByTestId('plan-table').locator('tr[data-activity="1.1"] [data-col="late"]'))).toBe('En plazo');
    await h.screenshot(wp, 'state-view');
    await h.screenshot(wp, 'state-view-full', { fullPage: true, docs: false });
    await page.getByTestId('state-explain').locator('summary').click();
    const formulas = page.getByTestId('explain-formulas');
    await eventually(() => textOf(formulas)).toContain('Avance (P) = Σ w·p ÷ Σ w = 100 ÷ 4 = 25.0 %');
    expect(await textOf(formulas)).toContain('Esperado (E) = Σ w·e ÷ Σ w = 237.5 ÷ 4 = 59.4 %');
    expect(await textOf(page.getByTestId('explain-items').locator('tr[data-activity="1.1"]'))).toContain('reporte del 14 feb 2025: Concluida, 100.0 % (aceptado)');
  });

  it('the officer submits the quarterly reporting round with a summary', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, officer.email);
    const rounds = page.getByTestId('state-rounds');
    const row = rounds.locator('tr[data-round="2025-Q1"]');
    await eventually(() => textOf(row)).toContain('Pendiente');
    await rounds.getByRole('button', { name: 'Entregar la ronda 2025-Q1' }).click();
    const form = page.getByTestId('round-form');
    await form.getByRole('button', { name: 'Entregar ronda' }).click();
    await form.getByText('Escriba el resumen de lo realizado en el periodo.').waitFor();
    await form.getByLabel('Resumen de la ronda 2025-Q1').fill('Se designaron enlaces y se sensibilizó a 120 personas servidoras públicas.');
    await form.getByRole('button', { name: 'Entregar ronda' }).click();
    await page.getByRole('status').filter({ hasText: 'Se entregó la ronda 2025-Q1 el 15 feb 2025, a tiempo.' }).waitFor();
    await eventually(() => textOf(row)).toContain('Entregada a tiempo');
    expect(await textOf(row)).toContain('Se designaron enlaces');
    expect(await rounds.getByRole('button', { name: 'Entregar la ronda 2025-Q1' }).count()).toBe(0);
  });

  it('an officer cannot reach another state’s screens nor the review queue', async () => {
    const wp = await h.newPage();
    wp.expectHttpErrors(403);
    const { page } = wp;
    await h.login(wp, officer.email);
    expect(await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Revisión de reportes' }).count()).toBe(0);

    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${h.baseUrl}${statePath('30')}`);
    await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('No tiene acceso');
    expect(await page.locator('main').innerText()).not.toContain('Veracruz');
    // Only the plan was asked for (and refused): none of the state's reports, returns or rounds.
    expect(asked.filter((p) => p.includes('/states/30/'))).toEqual([`/api/v1/programs/${P}/states/30/plan`]);

    await page.goto(`${h.baseUrl}/programas/${P}/revision`);
    await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('No tiene acceso');
    expect(asked.some((p) => p.endsWith('/review-queue'))).toBe(false);

    // In the national view only its own state is a link, in the table and on the map.
    await page.goto(`${h.baseUrl}/programas/${P}`);
    const table = page.getByTestId('states-progress-table');
    await table.locator('tr[data-state-code="30"]').waitFor();
    expect(await table.locator('tr[data-state-code="30"] a').count()).toBe(0);
    expect(await table.locator('tr[data-state-code="20"] a').count()).toBe(1);
    const map = page.getByTestId('mexico-map');
    expect(await map.locator('a path[data-state-code="30"]').count()).toBe(0);
    expect(await map.locator('a path[data-state-code="20"]').count()).toBe(1);
  });

  it('the review queue and the report form fit a phone', async () => {
    const wp = await h.newPage({ width: 390, height: 844 });
    const { page } = wp;
    await h.login(wp, officer.email);
    await page.getByRole('button', { name: /^Reportar avance de 1\.2 / }).click();
    await page.getByTestId('report-form').getByRole('button', { name: '+ Agregar conjunto de datos' }).click();
    await page.getByLabel('Datos de alto valor (evidencia 1)').waitFor();
    const form = await sidewaysOverflow(page);
    expect(form.overflow, form.sticking.join('\n')).toBeLessThanOrEqual(0);

    const coord = await h.newPage({ width: 390, height: 844 });
    await h.login(coord, coordinator.email);
    await coord.page.goto(`${h.baseUrl}/programas/${P}/revision`);
    await coord.page.getByRole('heading', { level: 1, name: 'Revisión de reportes' }).waitFor();
    await coord.page.getByText('No hay reportes pendientes de revisión.').waitFor();
    const queue = await sidewaysOverflow(coord.page);
    expect(queue.overflow, queue.sticking.join('\n')).toBeLessThanOrEqual(0);
  });
});
