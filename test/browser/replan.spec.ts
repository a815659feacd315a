import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { browserTestsEnabled, DEFAULT_PROGRAM_CODE as P, eventually, figureValue, smallDefaultProgram, startBrowserHarness, textOf, type BrowserHarness } from './browser-harness.js';

// Re-plan approval in Chromium (issue 9.4): Oaxaca's officer moves a due date later, the form says it will wait for
// the coordination, the plan and its figures stay; the coordination approves it from the review page; the state's
// activities then show the original dates against the current ones, and expected progress and variance against
// both. A second request is rejected with a reason, which the officer reads on the state page.
//
// Joined 03-01, as of 03-16: 1.1 03-01 → 03-31 (e = 50), 1.2 03-01 → 04-30 (e = 25); E = 37.5.
// After 1.1 moves to 04-15: e = 15 / 45 = 33.3 (against the original dates still 50); E = 29.2, E₀ = 37.5.
describe.runIf(browserTestsEnabled)('Re-plan approval in the browser', () => {
  let h: BrowserHarness;
  let coordinator: AuthUser;
  let officer: AuthUser;
  const statePage = `/programas/${P}/estados/20`;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    t.clock.set('2025-03-16');
    const { program } = await smallDefaultProgram(
      t,
      [
        { code: '1.1', startDay: 0, durationDays: 30 },
        { code: '1.2', startDay: 0, durationDays: 60 },
      ],
      'Programa de prueba de re-planificación',
    );
    await t.programs.enrol(program.id, '20', '2025-03-01');
    coordinator = await t.users.create({ role: 'coordinator', name: 'Lucía Coordinadora', email: 'coordinacion@replan.example.mx' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Mario Enlace Oaxaca', email: 'enlace@replan.example.mx' });
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the officer asks for a later due date; the coordination approves it; the state then shows original vs current', async () => {
    const op = await h.newPage();
    await h.login(op, officer.email);
    expect(new URL(op.page.url()).pathname).toBe(statePage);
    await eventually(() => figureValue(op.page, 'state-expected')).toBe('37.5 %');
    expect(await figureValue(op.page, 'state-variance-baseline')).toBe('−37.5 pp');

    await op.page.getByRole('button', { name: /^Re-planificar 1\.1 / }).click();
    const form = op.page.getByTestId('replan-form');
    expect(await textOf(form)).toContain('Si mueve el término a una fecha posterior, el cambio queda pendiente de aprobación de la coordinación.');
    await op.page.getByLabel('Término planificado').fill('2025-04-15');
    // Said before saving: a later due date waits for the coordination.
    await eventually(() => textOf(form.getByTestId('replan-needs-approval'))).toContain('Pendiente de aprobación de la coordinación');
    await op.page.getByLabel('Justificación').fill('El cambio de administración retrasó la instalación del comité.');
    await form.getByRole('button', { name: 'Solicitar aprobación' }).click();
    await eventually(() => textOf(op.page.getByRole('status').filter({ hasText: 'Pendiente de aprobación de la coordinación: se solicitó' }))).toContain('del 31 mar 2025 al 15 abr 2025');

    // Nothing changed yet: the plan, the figures; the row and the state's list say the request is pending.
    const row = op.page.getByTestId('plan-table').locator('tr[data-activity="1.1"]');
    await eventually(() => textOf(row.locator('[data-col="pending-request"]'))).toBe('Pendiente de aprobación\nTérmino solicitado: 15 abr 2025');
    expect(await textOf(row.locator('[data-col="plannedDue"]'))).toBe('31 mar 2025');
    expect(await figureValue(op.page, 'state-expected')).toBe('37.5 %');
    const mine = op.page.getByTestId('state-replan-requests');
    await eventually(() => textOf(mine.locator('[data-status="pending"] [data-testid="replan-request-due"]'))).toBe('31 mar 2025 → 15 abr 2025');
    expect(await textOf(mine)).toContain('Pendiente de aprobación de la coordinación: el programa estatal y sus cifras no cambian hasta entonces.');
    expect(await mine.getByRole('button', { name: /^Aprobar/ }).count()).toBe(0); // only the coordination decides

    // The coordination sees it on its review page; rejecting needs a reason.
    const cp = await h.newPage();
    await h.login(cp, coordinator.email);
    await cp.page.goto(`${h.baseUrl}/programas/${P}/revision`);
    const panel = cp.page.getByTestId('pending-replans');
    const request = panel.locator('li[data-activity="1.1"]');
    await eventually(() => textOf(request.locator('[data-testid="replan-request-due"]'))).toBe('31 mar 2025 → 15 abr 2025');
    expect(await textOf(request)).toContain('El cambio de administración retrasó la instalación del comité.');
    expect(await textOf(request)).toContain('Plan original\n1 mar 2025 – 31 mar 2025');
    await request.getByRole('button', { name: /^Rechazar la re-planificación de Oaxaca · 1\.1/ }).click();
    await request.getByRole('button', { name: 'Confirmar rechazo' }).click();
    await request.getByText('Escriba el motivo del rechazo: la entidad lo verá junto a su solicitud.').waitFor();
    await request.getByRole('button', { name: 'Cancelar' }).click();
    await h.screenshot(cp, 'replan-approval', { locator: panel });

    await request.getByRole('button', { name: /^Aprobar la re-planificación de Oaxaca · 1\.1/ }).click();
    await eventually(() => textOf(panel.getByRole('status'))).toContain('Se aprobó la re-planificación de Oaxaca · 1.1 Actividad 1.1: nuevo término 15 abr 2025.');
    await eventually(() => panel.locator('li').count()).toBe(0);

    // The state page now shows the original dates against the current ones, and both figures.
    await cp.page.goto(`${h.baseUrl}${statePage}`);
    const table = cp.page.getByTestId('plan-table');
    const approved = table.locator('tr[data-activity="1.1"]');
    await eventually(() => textOf(approved.locator('[data-col="plannedDue"]'))).toBe('15 abr 2025');
    expect(await textOf(approved.locator('[data-col="original-vs-current"]'))).toBe('Plan original: 1 mar 2025 – 31 mar 2025 → Actual: 1 mar 2025 – 15 abr 2025');
    await eventually(() => textOf(approved.locator('[data-col="expected"]'))).toBe('33.3 %\nPlan original: 50.0 %');
    expect(await textOf(approved.locator('[data-col="variance"]'))).toBe('−33.3 pp\nPlan original: −50.0 pp');
    // Never re-planned: one figure each.
    expect(await textOf(table.locator('tr[data-activity="1.2"] [data-col="variance"]'))).toBe('−25.0 pp');
    expect(await figureValue(cp.page, 'state-expected')).toBe('29.2 %');
    expect(await figureValue(cp.page, 'state-variance-baseline')).toBe('−37.5 pp');
    expect(await textOf(cp.page.getByTestId('state-replan-requests').locator('[data-status="approved"] [data-testid="replan-request-status"]'))).toBe('Aprobada');
    await h.screenshot(cp, 'replan-variance', { locator: table });
  });

  it('the coordination rejects a request with a reason from the state page; the officer reads why and the plan stays', async () => {
    const officerAuth = (await h.t.http().post('/api/v1/auth/login').send({ email: officer.email, password: 'test-password-123' }).expect(200)).body.accessToken;
    await h.t.http().patch(`/api/v1/programs/${P}/states/20/plan/1.2`).set({ Authorization: `Bearer ${officerAuth}` }).send({ plannedDue: '2025-05-31', justification: 'Se espera la publicación del reglamento.' }).expect(202);

    const cp = await h.newPage();
    await h.login(cp, coordinator.email);
    await cp.page.goto(`${h.baseUrl}${statePage}`);
    const list = cp.page.getByTestId('state-replan-requests');
    const pending = list.locator('li[data-status="pending"]');
    await eventually(() => textOf(pending.locator('[data-testid="replan-request-due"]'))).toBe('30 abr 2025 → 31 may 2025');
    await eventually(() => textOf(cp.page.getByTestId('plan-table').locator('tr[data-activity="1.2"] [data-col="pending-request"]'))).toContain('Término solicitado: 31 may 2025');
    await pending.getByRole('button', { name: /^Rechazar/ }).click();
    await pending.getByLabel(/Motivo del rechazo/).fill('El reglamento no condiciona esta actividad; mantengan el plazo.');
    await pending.getByRole('button', { name: 'Confirmar rechazo' }).click();
    await eventually(() => textOf(list.getByRole('status'))).toContain('Se rechazó la re-planificación de 1.2 Actividad 1.2.');
    await eventually(() => textOf(cp.page.getByTestId('plan-table').locator('tr[data-activity="1.2"]'))).not.toContain('Pendiente de aprobación');

    const op = await h.newPage();
    await h.login(op, officer.email);
    const rejected = op.page.getByTestId('state-replan-requests').locator('li[data-status="rejected"]');
    await eventually(() => textOf(rejected.locator('[data-testid="replan-request-reason"]'))).toBe('Motivo del rechazo: El reglamento no condiciona esta actividad; mantengan el plazo.');
    expect(await textOf(op.page.getByTestId('plan-table').locator('tr[data-activity="1.2"] [data-col="plannedDue"]'))).toBe('30 abr 2025');
  });
});
