import { DailyJobsService } from '../../libs/core/src/progress/jobs/daily-jobs.service.js';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import type { Page } from 'playwright-core';
import {
  attrOf,
  browserTestsEnabled,
  DEFAULT_PROGRAM_CODE as P,
  eventually,
  figureValue,
  sidewaysOverflow,
  smallDefaultProgram,
  startBrowserHarness,
  textOf,
  type BrowserHarness,
} from './browser-harness.js';

// The national view, a state's figures and the public page in Chromium, on a small program whose figures can
// be worked out by hand. Four states joined on 1 Jan 2025; the API's today is 2 Mar 2025:
//   1.1  w=1  1 Jan – 31 Jan   e = 100
//   1.2  w=1  1 Jan – 2 Mar    e = 100
//   2.1  w=2  31 Jan – 1 Apr   e = 30/60 = 50        E = (100 + 100 + 2·50) / 4 = 75.0 %
// Reports dated 20 Feb:
//   Oaxaca (20)      100, 100, 100   P = 100.0  completed   (accepted: V = 100)
//   Veracruz (30)    100, 100, 60    P =  80.0  on track    (SV +5)
//   Sinaloa (25)     100, 100, 30    P =  65.0  at risk     (SV −10)
//   Guanajuato (11)   50,  50, —     P =  25.0  off track   (SV −50; 1.1 overdue)
// National: P = 270 / 4 = 67.5, E = 75.0, V = 100 / 4 = 25.0. As of 10 Feb (before any report): P = 0 and
// E = (100 + 40/60·100 + 2·10/60·100) / 4 = 50.0 everywhere.

const TODAY = '2025-03-02';
const PROGRESS = {
  '20': ['completed', 'completed', 'completed', 100, 100, 100],
  '30': ['completed', 'completed', 'in_progress', 100, 100, 60],
  '25': ['completed', 'completed', 'in_progress', 100, 100, 30],
  '11': ['in_progress', 'in_progress', null, 50, 50, null],
} as const;

describe.runIf(browserTestsEnabled)('Progress views in the browser', () => {
  let h: BrowserHarness;
  let reviewer: AuthUser;
  let officer: AuthUser;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    const { program } = await smallDefaultProgram(
      t,
      [
        { code: '1.1', phase: 1, startDay: 0, durationDays: 30 },
        { code: '1.2', phase: 1, startDay: 0, durationDays: 60 },
        { code: '2.1', phase: 2, startDay: 30, durationDays: 60, weight: 2 },
      ],
      'Programa de prueba de avance',
    );
    for (const code of Object.keys(PROGRESS)) await t.programs.enrol(program.id, code, '2025-01-01');
    const coordinator = (await t.as('coordinator')).auth;
    const officers = Object.fromEntries(await Promise.all(Object.keys(PROGRESS).map(async (c) => [c, (await t.as('state_officer', c)).auth] as const)));

    // A monthly reporting round: Oaxaca and Veracruz deliver on time, Sinaloa late, Guanajuato not at all.
    await t.http().post(`/api/v1/programs/${P}/reporting-rounds`).set(coordinator).send({ code: '2025-01', name: 'Enero 2025', periodStart: '2025-01-01', periodEnd: '2025-01-31', dueOn: '2025-02-15' }).expect(201);
    t.clock.set('2025-02-10');
    for (const c of ['20', '30']) await t.http().post(`/api/v1/programs/${P}/reporting-rounds/2025-01/submissions`).set(officers[c]).send({ summary: 'Entrega de enero.' }).expect(201);
    t.clock.set('2025-02-20');
    await t.http().post(`/api/v1/programs/${P}/reporting-rounds/2025-01/submissions`).set(officers['25']).send({ summary: 'Entrega de enero, tardía.' }).expect(201);

    for (const [state, [s11, s12, s21, p11, p12, p21]] of Object.entries(PROGRESS)) {
      const send = async (activityCode: string, status: string | null, percent: number | null) => {
        if (status === null) return null;
        const res = await t.http().post(`/api/v1/programs/${P}/states/${state}/reports`).set(officers[state]).send({ activityCode, status, percent, reportedOn: '2025-02-20' }).expect(201);
        return res.body.id as string;
      };
      const ids = [await send('1.1', s11, p11), await send('1.2', s12, p12), await send('2.1', s21, p21)];
      if (state === '20') for (const id of ids) await t.http().post(`/api/v1/reports/${id}/review`).set(coordinator).send({ decision: 'accept' }).expect(200);
    }
    t.clock.set(TODAY);
    reviewer = await t.users.create({ role: 'reviewer', name: 'Ana Revisora' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '11', name: 'Enlace Guanajuato' });
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  const order = (page: Page, testId: string) => attrOf(page.getByTestId(testId), 'data-order');

  it('a reviewer sees the national figures, the sorted bar chart, the map, the rounds and the weekly trend from the report history (no nightly job has run)', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, reviewer.email);
    expect(new URL(page.url()).pathname).toBe(`/programas/${P}`);

    await eventually(() => figureValue(page, 'national-progress')).toBe('67.5 %');
    expect(await textOf(page.getByTestId('national-progress'))).toContain('En riesgo');
    expect(await figureValue(page, 'national-expected')).toBe('75.0 %');
    expect(await textOf(page.getByTestId('national-expected'))).toContain('Desviación −7.5 pp');
    // Nobody re-planned: against the original plan the figures are the same.
    expect(await figureValue(page, 'national-variance-baseline')).toBe('−7.5 pp');
    expect(await textOf(page.getByTestId('national-variance-baseline'))).toContain('Esperado según las fechas originales: 75.0 %');
    expect(await figureValue(page, 'national-validated')).toBe('25.0 %');
    expect(await figureValue(page, 'national-states')).toBe('4');
    expect(await textOf(page.getByTestId('national-states'))).toContain('1 concluida · 1 en tiempo · 1 en riesgo · 1 rezagada');
    expect(await figureValue(page, 'national-institutions')).toBe('0');
    expect(await figureValue(page, 'national-overdue')).toBe('1');
    expect(await textOf(page.getByRole('heading', { name: /^Cifras nacionales/ }))).toBe('Cifras nacionales al 2 mar 2025');

    // Bars sorted from most to least progress; the table beside it says each status in words.
    await eventually(() => order(page, 'states-chart')).toBe('20,30,25,11');
    const label = (await attrOf(page.getByTestId('states-chart'), 'aria-label')) ?? '';
    expect(label).toContain('Oaxaca: 100.0 %, esperado 75.0 %, Concluida');
    expect(label).toContain('Guanajuato: 25.0 %, esperado 75.0 %, Rezagada');
    const rows = page.getByTestId('states-progress-table').locator('tbody tr');
    expect(await rows.evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { stateCode: string } }).dataset.stateCode))).toEqual(['20', '30', '25', '11']);
    expect(await rows.locator('[data-col="status"]').allInnerTexts()).toEqual(['✔ Concluida', '● En tiempo', '▲ En riesgo', '✖ Rezagada']);
    expect(await textOf(rows.nth(1).locator('[data-col="progress"]'))).toBe('80.0 %');

    // The map: participating states filled by status (with a pattern each), the others grey.
    const map = page.getByTestId('mexico-map');
    expect(await map.locator('path').count()).toBe(32);
    for (const [code, status] of [['20', 'completed'], ['30', 'on_track'], ['25', 'at_risk'], ['11', 'off_track'], ['01', 'none']]) {
      expect(await attrOf(map.locator(`path[data-state-code="${code}"]`), 'data-status')).toBe(status);
    }
    expect(await attrOf(map.locator('path[data-state-code="25"]'), 'fill')).toBe('url(#pat-at_risk)');
    expect(await map.locator('path[data-state-code="25"] title').textContent()).toBe('Sinaloa: En riesgo, avance 65.0 %');

    // Computed from the history: a point a week from the first join, the last one today's figures.
    await page.getByTestId('trend-chart').waitFor();
    expect(await attrOf(page.getByTestId('trend-chart'), 'aria-label')).toContain('10 cortes, del 1 ene 2025 al 2 mar 2025. Último corte: avance 67.5 %, validado 25.0 %, esperado 75.0 %');

    const rounds = page.getByTestId('national-rounds');
    await eventually(() => textOf(rounds)).toContain('completitud 75.0 % (3 de 4 entregas), puntualidad 50.0 % (2 a tiempo)');

    // The explanation shows the national arithmetic.
    await page.getByTestId('national-explain').locator('summary').click();
    await eventually(() => textOf(page.getByTestId('explain-formulas'))).toContain('Avance nacional = Σ P ÷ n = 270 ÷ 4 = 67.5 %');
  });

  it('the daily jobs give the late and soon-due lists; the asOf date (kept in the URL) moves every figure', async () => {
    const jobs = h.t.app.get(DailyJobsService);
    await jobs.runDailyJobs('2025-02-20');
    await jobs.runDailyJobs(TODAY);
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, reviewer.email);
    await page.getByTestId('trend-chart').waitFor();
    const overdue = page.getByTestId('overdue-list');
    await eventually(() => textOf(overdue)).toContain('Guanajuato · 1.1 Actividad 1.1');
    expect(await overdue.locator('li').count()).toBe(1);
    expect(await textOf(overdue)).toContain('venció el 31 ene 2025 con 50.0 % de avance');
    expect(await textOf(page.getByTestId('due-soon-list'))).toContain('Guanajuato · 1.2 Actividad 1.2');
    await page.getByTestId('national-figures').evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
    await h.screenshot(wp, 'national-view');
    await h.screenshot(wp, 'national-view-full', { fullPage: true, docs: false });

    await page.getByLabel('Fecha de corte').fill('2025-02-10');
    await page.waitForURL((u) => u.searchParams.get('fecha') === '2025-02-10');
    await eventually(() => textOf(page.getByRole('heading', { name: /^Cifras nacionales/ }))).toBe('Cifras nacionales al 10 feb 2025');
    await eventually(() => figureValue(page, 'national-progress')).toBe('0.0 %');
    expect(await figureValue(page, 'national-expected')).toBe('50.0 %');
    expect(await figureValue(page, 'national-validated')).toBe('0.0 %');
    expect(await figureValue(page, 'national-overdue')).toBe('4');
    await eventually(() => order(page, 'states-chart')).toBe('11,20,25,30');
    await eventually(() => attrOf(page.getByTestId('mexico-map').locator('path[data-state-code="20"]'), 'data-status')).toBe('off_track');
    // The trend ends on the date shown: six weekly points and 10 feb itself.
    await eventually(() => attrOf(page.getByTestId('trend-chart'), 'aria-label')).toContain('7 cortes, del 1 ene 2025 al 10 feb 2025. Último corte: avance 0.0 %, validado 0.0 %, esperado 50.0 %');
    await page.getByText('Sin avisos de vencimiento a esta fecha.').waitFor();
    await eventually(() => textOf(page.getByTestId('national-rounds'))).toContain('Rondas vencidas al 10 feb 2025');
    expect(await textOf(page.getByTestId('national-rounds').locator('tr[data-round="2025-01"]'))).toContain('2 de 4');

    // A reload keeps the date; "today" brings the current figures back.
    await page.reload();
    await eventually(() => figureValue(page, 'national-progress')).toBe('0.0 %');
    expect(await page.getByLabel('Fecha de corte').inputValue()).toBe('2025-02-10');
    await page.getByRole('button', { name: 'Ver cifras de hoy' }).click();
    await page.waitForURL((u) => !u.searchParams.has('fecha'));
    await eventually(() => figureValue(page, 'national-progress')).toBe('67.5 %');
    expect(await page.getByLabel('Fecha de corte').inputValue()).toBe(TODAY);
  });

  it('a state’s page shows its figures, phases, and each item’s progress, expected value, status and lateness', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, officer.email);
    expect(new URL(page.url()).pathname).toBe(`/programas/${P}/estados/11`);
    await eventually(() => figureValue(page, 'state-progress')).toBe('25.0 %');
    expect(await figureValue(page, 'state-expected')).toBe('75.0 %');
    expect(await figureValue(page, 'state-variance')).toBe('−50.0 pp');
    expect(await textOf(page.getByTestId('state-progress'))).toContain('Rezagada');
    // The state's own weekly trend, from its join to today.
    await eventually(() => attrOf(page.getByTestId('trend-chart'), 'aria-label')).toContain('10 cortes, del 1 ene 2025 al 2 mar 2025. Último corte: avance 25.0 %');
    expect(await figureValue(page, 'state-overdue')).toBe('1');
    const phases = page.getByTestId('phases-table');
    expect(await textOf(phases.locator('tr[data-phase="1"]'))).toMatch(/50\.0 %\s+100\.0 %/);
    const item = (code: string, col: string) => textOf(page.getByTestId('plan-table').locator(`tr[data-activity="${code}"] [data-col="${col}"]`));
    expect(await item('1.1', 'progress')).toBe('50.0 %');
    expect(await item('1.1', 'expected')).toBe('100.0 %');
    expect(await item('1.1', 'late')).toBe('Vencida 30 días');
    expect(await item('1.2', 'late')).toBe('En plazo');
    expect(await item('2.1', 'progress')).toBe('0.0 %');
    expect(await item('2.1', 'expected')).toBe('50.0 %');
    expect(await item('2.1', 'status')).toBe('✖ Rezagada');

    // The date picker moves the state's figures too (kept in the URL), and they are the API's for that date.
    await page.getByLabel('Fecha de corte').fill('2025-02-10');
    await page.waitForURL((u) => u.searchParams.get('fecha') === '2025-02-10');
    await eventually(() => textOf(page.getByRole('heading', { name: /^Avance de la entidad/ }))).toBe('Avance de la entidad al 10 feb 2025');
    const past = await h.t.http().get(`/api/v1/programs/${P}/states/11/progress?asOf=2025-02-10`).set((await h.t.as('coordinator')).auth).expect(200);
    await eventually(() => figureValue(page, 'state-progress')).toBe(`${past.body.progress.toFixed(1)} %`);
    expect(await figureValue(page, 'state-expected')).toBe(`${past.body.expected.toFixed(1)} %`);
    expect(past.body.expected).not.toBe(75);
    await page.getByRole('button', { name: 'Ver cifras de hoy' }).click();
    await eventually(() => figureValue(page, 'state-progress')).toBe('25.0 %');

    // Its own national view: other states are figures, not links.
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Panorama nacional' }).click();
    const table = page.getByTestId('states-progress-table');
    await table.locator('tr[data-state-code="20"]').waitFor();
    expect(await table.locator('a').allInnerTexts()).toEqual(['Guanajuato']);
  });

  it('the public page needs no login: national and per-state figures, chart, map and the open-data downloads', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    const authenticated: string[] = [];
    page.on('request', (r) => {
      if (r.headers().authorization) authenticated.push(r.url());
    });
    await page.goto(`${h.baseUrl}/publico`);
    await eventually(() => figureValue(page, 'public-progress')).toBe('67.5 %');
    expect(new URL(page.url()).pathname).toBe('/publico');
    expect(await figureValue(page, 'public-validated')).toBe('25.0 %');
    expect(await figureValue(page, 'public-states')).toBe('4');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Avance del programa');
    const rows = page.getByTestId('public-table').locator('tbody tr');
    expect(await rows.locator('th').allInnerTexts()).toEqual(['Oaxaca', 'Veracruz de Ignacio de la Llave', 'Sinaloa', 'Guanajuato']);
    expect(await textOf(rows.nth(0).locator('[data-col="validated"]'))).toBe('100.0 %');
    expect(await order(page, 'public-chart')).toBe('20,30,25,11');
    expect(await attrOf(page.getByTestId('mexico-map').locator('path[data-state-code="30"]'), 'data-status')).toBe('on_track');
    expect(await page.getByTestId('mexico-map').locator('a').count()).toBe(0);

    const csvHref = (await attrOf(page.getByTestId('download-csv'), 'href'))!;
    expect(csvHref).toBe(`/api/v1/public/programs/${P}/progress.csv?asOf=${TODAY}`);
    const csv = await page.request.get(`${h.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^scope,stateCode,stateName,asOf,progress,validatedProgress,expected/);
    expect(lines[1]).toMatch(/^national,,Nacional,2025-03-02,67\.5,25,75,/);
    const jsonHref = (await attrOf(page.getByTestId('download-json'), 'href'))!;
    const json = await (await page.request.get(`${h.baseUrl}${jsonHref}`)).json();
    expect(json.national).toMatchObject({ progress: 67.5, validatedProgress: 25, expected: 75 });
    expect(authenticated).toEqual([]);
    await h.screenshot(wp, 'public');
  });

  it('the national view and the public page fit a phone', async () => {
    const wp = await h.newPage({ width: 390, height: 844 });
    const { page } = wp;
    await h.login(wp, reviewer.email);
    await page.getByTestId('states-chart').waitFor();
    await page.getByTestId('mexico-map').waitFor();
    const national = await sidewaysOverflow(page);
    expect(national.overflow, national.sticking.join('\n')).toBeLessThanOrEqual(0);
    await h.screenshot(wp, 'national-view-phone', { fullPage: true, docs: false });

    await page.goto(`${h.baseUrl}/publico`);
    await page.getByTestId('public-chart').waitFor();
    const pub = await sidewaysOverflow(page);
    expect(pub.overflow, pub.sticking.join('\n')).toBeLessThanOrEqual(0);
  });
});
