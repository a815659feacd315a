import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { browserTestsEnabled, DEFAULT_PROGRAM_CODE as P, eventually, smallDefaultProgram, startBrowserHarness, textOf, type BrowserHarness } from './browser-harness.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

// The national convocatoria in Chromium: a state's officer records its manifiesto de interés; the coordination
// convenes it, has it join (which creates its participation), records an accompaniment session and a refusal.
describe.runIf(browserTestsEnabled)('The convocatoria in the browser', () => {
  let h: BrowserHarness;
  let officer: AuthUser;
  let coordinator: AuthUser;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    t.clock.set('2025-03-10');
    await smallDefaultProgram(t, [{ code: '1.1', startDay: 0, durationDays: 30 }], 'Programa de prueba de la convocatoria');
    coordinator = await t.users.create({ role: 'coordinator', name: 'Coordinación nacional', email: 'coordinacion@sna.example.mx' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Enlace Oaxaca', email: 'enlace@oaxaca.example.mx' });
    const auth = (await t.as('coordinator')).auth;
    await t.http().put(`/api/v1/programs/${P}/pipeline`).set(auth).send({ stateCode: '20', cohort: 'Manifestaron interés', on: '2025-02-01' }).expect(200);
    await t.http().put(`/api/v1/programs/${P}/pipeline`).set(auth).send({ stateCode: '11', cohort: 'Iniciativas relacionadas', on: '2025-02-01' }).expect(200);
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the officer sees only its state and records its manifiesto; the coordination convenes, joins, logs a session and a refusal', async () => {
    const op = await h.newPage();
    op.expectHttpErrors(404); // its home, the state page, has no plan yet: the state does not participate
    await h.login(op, officer.email);
    await op.page.getByRole('link', { name: 'panorama nacional', exact: true }).click();
    const mine = op.page.getByTestId('convocatoria-panel');
    await eventually(() => mine.getByTestId('pipeline-entries').locator('tbody tr').count()).toBe(1);
    const row = mine.locator('tr[data-state-code="20"]');
    await row.locator('summary', { hasText: 'Registrar manifiesto de interés' }).click();
    await row.getByLabel(/^Fecha \(obligatorio\)$/).fill('2025-03-05');
    await row.getByRole('button', { name: 'Registrar paso' }).click();
    await eventually(() => textOf(row)).toContain('Adjunte el manifiesto de interés.');
    await row.getByLabel(/Manifiesto de interés/).setInputFiles({ name: 'manifiesto.pdf', mimeType: 'application/pdf', buffer: PDF });
    await row.getByRole('button', { name: 'Registrar paso' }).click();
    await eventually(() => textOf(mine.locator('tr[data-state-code="20"] td[data-label="Etapa"]'))).toBe('Manifestó interés');
    expect(await textOf(mine.locator('tr[data-state-code="20"] td[data-label="Manifiesto de interés"]'))).toContain('5 mar 2025');

    const cp = await h.newPage();
    cp.expectHttpErrors(400); // the step dated before the previous one
    await h.login(cp, coordinator.email);
    await cp.page.goto(`${h.baseUrl}/programas/${P}`);
    const panel = cp.page.getByTestId('convocatoria-panel');
    const stage = (s: string) => textOf(panel.locator(`[data-testid="pipeline-funnel"] li[data-stage="${s}"] .funnel-count`));
    await eventually(() => stage('interested')).toBe('1');
    expect(await stage('candidate')).toBe('1');
    const oaxaca = panel.locator('tr[data-state-code="20"]');
    await oaxaca.locator('summary', { hasText: 'Siguiente paso' }).click();
    await oaxaca.getByLabel(/^Paso \(obligatorio\)$/).selectOption('convened');
    // A date before the manifiesto: the API's message, in Spanish, next to the date.
    await oaxaca.getByLabel(/^Fecha \(obligatorio\)$/).fill('2025-03-01');
    await oaxaca.getByRole('button', { name: 'Registrar paso' }).click();
    await eventually(() => textOf(oaxaca)).toContain('no debe ser anterior al paso previo');
    await oaxaca.getByLabel(/^Fecha \(obligatorio\)$/).fill('2025-03-07');
    await oaxaca.getByRole('button', { name: 'Registrar paso' }).click();
    await eventually(() => textOf(panel.locator('tr[data-state-code="20"] td[data-label="Etapa"]'))).toBe('Convocada');

    const again = panel.locator('tr[data-state-code="20"]');
    await again.locator('summary', { hasText: 'Siguiente paso' }).click();
    await again.getByLabel(/^Paso \(obligatorio\)$/).selectOption('joined');
    await again.getByLabel(/^Fecha \(obligatorio\)$/).fill('2025-03-09');
    await again.getByLabel(/Fecha de adhesión/).fill('2025-03-10');
    await again.getByRole('button', { name: 'Registrar paso' }).click();
    await eventually(() => textOf(panel.locator('tr[data-state-code="20"] td[data-label="Resultado"]'))).toBe('Adhesión el 10 mar 2025');
    // Joining created the participation: the states' table above lists it.
    await eventually(() => textOf(cp.page.getByTestId('participations-table'))).toContain('Oaxaca');
    expect(await stage('joined')).toBe('1');

    const guanajuato = panel.locator('tr[data-state-code="11"]');
    await guanajuato.locator('summary', { hasText: 'Siguiente paso' }).click();
    await guanajuato.getByLabel(/^Paso \(obligatorio\)$/).selectOption('declined');
    await guanajuato.getByRole('button', { name: 'Registrar paso' }).click();
    await eventually(() => textOf(guanajuato)).toContain('Escriba por qué declinó.');
    await guanajuato.getByLabel('Motivo').fill('Sin presupuesto asignado este año.');
    await guanajuato.getByRole('button', { name: 'Registrar paso' }).click();
    await eventually(() => textOf(panel.locator('tr[data-state-code="11"] td[data-label="Resultado"]'))).toBe('Declinó el 10 mar 2025: Sin presupuesto asignado este año.');

    const sessions = panel.locator('tr[data-state-code="20"] .pipeline-sessions-box');
    await sessions.locator('summary').click();
    await sessions.getByText('Aún no hay sesiones de acompañamiento registradas.').waitFor();
    await sessions.getByLabel('Tema').fill('Revisión del plan estatal');
    await sessions.getByRole('button', { name: 'Registrar sesión' }).click();
    await eventually(() => textOf(sessions.locator('.session-list'))).toContain('10 mar 2025 — Revisión del plan estatal');
    expect(await textOf(panel.getByTestId('pipeline-cohorts'))).toContain('Iniciativas relacionadas');
    await h.screenshot(cp, 'convocatoria', { locator: panel });
  });
});
