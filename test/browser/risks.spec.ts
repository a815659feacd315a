import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { browserTestsEnabled, DEFAULT_PROGRAM_CODE as P, eventually, smallDefaultProgram, startBrowserHarness, textOf, type BrowserHarness } from './browser-harness.js';

// Early warning in Chromium: the coordination's national view lists the top risks with their reasons; a state
// officer sees its own state's on its page. Same small case as test/e2e/risks.spec.ts (worked by hand there):
// on 22 Mar 2025 Oaxaca's 1.2 is the riskiest item (slack −100 days, a returned report, a missed round).
describe.runIf(browserTestsEnabled)('Early warning in the browser', () => {
  let h: BrowserHarness;
  let coordinator: AuthUser;
  let officer: AuthUser;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    await smallDefaultProgram(t, [
      { code: '1.1', startDay: 0, durationDays: 100 },
      { code: '1.2', startDay: 0, durationDays: 100 },
      { code: '2.1', phase: 2, startDay: 0, durationDays: 200 },
    ], 'Programa de prueba de alerta temprana');
    const program = (await t.dataSource.query(`SELECT id FROM program WHERE code = $1`, [P]))[0] as { id: string };
    await t.programs.enrol(program.id, '20', '2025-01-01');
    await t.programs.enrol(program.id, '21', '2025-01-01');
    const coord = (await t.as('coordinator')).auth;
    t.clock.set('2025-01-05');
    await t.http().post(`/api/v1/programs/${P}/reporting-rounds`).set(coord).send({ code: '2025-01', periodStart: '2025-01-01', periodEnd: '2025-01-31', dueOn: '2025-02-10' }).expect(201);
    t.clock.set('2025-02-20');
    await t.http().post(`/api/v1/programs/${P}/reporting-rounds/2025-01/submissions`).set((await t.as('state_officer', '21')).auth).send({ summary: 'Entrega tardía.' }).expect(201);
    t.clock.set('2025-03-22');
    const report = async (state: string, activityCode: string, percent: number, reportedOn: string) =>
      (await t.http().post(`/api/v1/programs/${P}/states/${state}/reports`).set((await t.as('state_officer', state)).auth).send({ activityCode, status: 'in_progress', percent, reportedOn }).expect(201)).body.id as string;
    await report('20', '1.1', 90, '2025-03-20');
    const returned = await report('20', '1.2', 5, '2025-02-15');
    await t.http().post(`/api/v1/reports/${returned}/review`).set(coord).send({ decision: 'return', reason: 'Falta la evidencia.' }).expect(200);
    await report('20', '1.2', 10, '2025-03-01');
    await report('20', '2.1', 30, '2025-03-21');
    for (const code of ['1.1', '1.2', '2.1']) await report('21', code, 80, '2025-03-22');
    coordinator = await t.users.create({ role: 'coordinator', name: 'Coordinación' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Enlace Oaxaca' });
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the coordination sees the top risks, states first, each item with the reasons for its rank', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, coordinator.email);
    const panel = page.getByTestId('risks-panel');
    await panel.scrollIntoViewIfNeeded();
    const states = panel.getByTestId('risk-states').locator('tbody tr');
    await eventually(() => states.evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { stateCode: string } }).dataset.stateCode))).toEqual(['20', '21']);
    expect(await textOf(states.first())).toContain('Oaxaca');
    expect(await textOf(states.first())).toContain('60.7');
    expect(await textOf(states.first())).toContain('1 reporte devuelto, 1 ronda sin entregar');

    const first = panel.getByTestId('risk-items').locator('li.risk-item').first();
    expect(await first.getAttribute('data-activity-code')).toBe('1.2');
    const text = await textOf(first);
    expect(text).toContain('Terminaría tarde');
    expect(text).toContain('Oaxaca · 1.2 Actividad 1.2');
    expect(text).toContain('Quedan 20 días para el 90 % por hacer, que al ritmo observado de la entidad (0.75 veces el previsto) tomaría unos 120 días: terminaría 100 días tarde. (+100.0 puntos)');
    expect(text).toContain('1 reporte devuelto de los últimos 180 días. (+7.0 puntos)');
    expect(await panel.getByTestId('risk-items').locator('li.risk-item').count()).toBe(6);
    await h.screenshot(wp, 'early-warning', { locator: panel });
  });

  it('a state officer sees its own state’s risks on its page, and no national ranking', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, officer.email);
    const panel = page.getByTestId('risks-panel');
    await eventually(() => panel.getByTestId('risk-items').locator('li.risk-item').count()).toBe(3);
    expect(await panel.getByTestId('risk-states').count()).toBe(0);
    expect(await panel.getByTestId('risk-items').locator('li.risk-item').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { activityCode: string } }).dataset.activityCode))).toEqual(['1.2', '2.1', '1.1']);
  });
});
