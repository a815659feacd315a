import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import {
  attrOf,
  browserTestsEnabled,
  DEFAULT_PROGRAM_CODE as P,
  eventually,
  figureValue,
  isFocused,
  sidewaysOverflow,
  startBrowserHarness,
  textOf,
  type BrowserHarness,
} from './browser-harness.js';

// The commission's screens in Chromium against the real app and database: indicators against their targets,
// reporting rounds, and a review round from creation to closing (frozen figures, findings, differences), plus what
// a state officer sees of them. The program is imported under the dashboard's default code so its figures can be
// worked out by hand. Oaxaca (20) and Guanajuato (11) joined on 1 Jan 2025; the API's today is 1 Mar 2025:
//   1.1  w=1  1 Jan – 31 Jan                e(28 Feb) = 100
//   1.2  w=1  1 Jan – 2 Mar  (metric)       e(28 Feb) = 58/60 = 96.7
//   2.1  w=2  31 Jan – 1 Apr                e(28 Feb) = 28/60 = 46.7      E = (100 + 96.7 + 2·46.7) / 4 = 72.5
// Reports: Oaxaca 1.1 = 100 (25 Jan, accepted), 1.2 = 50 (15 Feb, 40 personas); Guanajuato 1.1 = 50 (10 Feb).
//   Oaxaca P = 150 / 4 = 37.5 (V = 25.0); Guanajuato P = 50 / 4 = 12.5 (V = 0); national P = 25.0, V = 12.5.
// Indicators today (1 Mar, 59 days after 1 Jan; the target lines start at the baseline):
//   IND-01 states participating  2, target 4 by 31 Dec 2025 (baseline 0 on 1 Dec 2024) → on track, 50.0 %
//   IND-03 weighted progress     25.0 %, target 100 by 31 Dec 2025 → expected 16.2 → on track
//                                Oaxaca 37.5 % against its own target 100 by 30 Jun 2025; Guanajuato has none
//   IND-04 items completed       1 of 6 = 16.7 %, undated target 50 → behind
//   IND-09 personas (metric 1.2) 40, target 100 by 31 Dec 2025 → on track
// As of 31 Jan only Oaxaca's 1.1 counts: IND-03 = (25 + 0) / 2 = 12.5 %.
// The review round freezes 28 Feb. Then Guanajuato reports 1.2 = 100 dated 25 Feb and the coordinator accepts it:
// live as of 28 Feb, Guanajuato P = 150 / 4 = 37.5 (V = 25.0) and national P = 37.5 (V = 25.0); the round keeps 25.0.
// Reporting rounds: 2025-01 (due 15 Feb): Oaxaca on time, Guanajuato late; 2025-02 (due 15 Mar): Oaxaca on time,
// Guanajuato pending. National (due rounds only): completeness 100.0 %, timeliness 50.0 %.

const TODAY = '2025-03-01';
const ROUND_AS_OF = '2025-02-28';
const ROUND = 'RR-2025-001';
const AGREEMENT = 'SNT/CEATP/ACUERDO/01/03/25-02';

function programDocument() {
  return {
    code: P,
    name: 'Programa de prueba de la comisión',
    phases: [
      { number: 1, name: 'Planeación' },
      { number: 2, name: 'Implementación' },
    ],
    // The commission's figures are the subject here, not evidence: completion without evidence is allowed.
    activities: [
      { code: '1.1', phase: 1, name: 'Designar enlaces', level: 'state', startDay: 0, durationDays: 30, weight: 1, evidenceKinds: ['document'], completionNeedsEvidence: false },
      { code: '1.2', phase: 1, name: 'Sensibilizar', level: 'state', startDay: 0, durationDays: 60, weight: 1, evidenceKinds: ['document'], metrics: ['personas_sensibilizadas'], completionNeedsEvidence: false },
      { code: '2.1', phase: 2, name: 'Publicar datos', level: 'state', startDay: 30, durationDays: 60, weight: 2, evidenceKinds: ['url'], completionNeedsEvidence: false },
    ],
    indicators: [
      { code: 'IND-01', name: 'Entidades federativas participantes', unit: 'count', kind: 'states_participating', baseline: { value: 0, date: '2024-12-01' }, targets: [{ scope: 'national', value: 4, date: '2025-12-31' }] },
      {
        code: 'IND-03',
        name: 'Avance ponderado del programa',
        unit: 'percent',
        kind: 'weighted_progress',
        baseline: { value: 0, date: '2025-01-01' },
        targets: [
          { scope: 'national', value: 100, date: '2025-12-31' },
          { scope: 'state', stateCode: '20', value: 100, date: '2025-06-30' },
        ],
      },
      { code: 'IND-04', name: 'Actividades concluidas', unit: 'percent', kind: 'items_completed', baseline: { value: 0, date: '2025-01-01' }, targets: [{ scope: 'national', value: 50 }] },
      {
        code: 'IND-09',
        name: 'Personas sensibilizadas',
        unit: 'count',
        kind: 'metric_sum',
        params: { activityCode: '1.2', metric: 'personas_sensibilizadas' },
        baseline: { value: 0, date: '2025-01-01' },
        targets: [{ scope: 'national', value: 100, date: '2025-12-31' }],
      },
    ],
  };
}

interface ApiIndicator {
  code: string;
  unit: 'count' | 'percent';
  value: number | null;
  status: string | null;
  achievement: number | null;
}

/** How the dashboard writes an API figure: `25.0 %` for a percentage, `40` for a count. */
const shown = (v: number | null, unit: 'count' | 'percent') => (v === null ? '—' : unit === 'percent' ? `${v.toFixed(1)} %` : String(v));

describe.runIf(browserTestsEnabled)('The commission’s views in the browser', () => {
  let h: BrowserHarness;
  let reviewer: AuthUser;
  let officer11: AuthUser;
  let reviewerAuth: { Authorization: string };
  let coordinatorAuth: { Authorization: string };
  let officerAuth: Record<string, { Authorization: string }>;

  const api = (path: string) => `/api/v1/programs/${P}${path}`;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    await t.dataSource.query(`UPDATE program SET code = 'modelo-' || substr(md5(random()::text), 1, 6) WHERE code = $1`, [P]);
    coordinatorAuth = (await t.as('coordinator')).auth;
    reviewerAuth = (await t.as('reviewer')).auth;
    t.clock.set('2025-01-01');
    const imported = await t.http().post('/api/v1/programs/import').set(coordinatorAuth).send(programDocument());
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    for (const stateCode of ['20', '11']) await t.http().post(api('/states')).set(coordinatorAuth).send({ stateCode, joinedOn: '2025-01-01' }).expect(201);
    officerAuth = { '20': (await t.as('state_officer', '20')).auth, '11': (await t.as('state_officer', '11')).auth };
    await t.http().post(api('/reporting-rounds')).set(coordinatorAuth).send({ code: '2025-01', name: 'Enero 2025', periodStart: '2025-01-01', periodEnd: '2025-01-31', dueOn: '2025-02-15' }).expect(201);
    await t.http().post(api('/reporting-rounds')).set(coordinatorAuth).send({ code: '2025-02', name: 'Febrero 2025', periodStart: '2025-02-01', periodEnd: '2025-02-28', dueOn: '2025-03-15' }).expect(201);

    const report = async (state: string, body: Record<string, unknown>) => {
      const res = await t.http().post(api(`/states/${state}/reports`)).set(officerAuth[state]).send(body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    t.clock.set('2025-02-10');
    await t.http().post(api('/reporting-rounds/2025-01/submissions')).set(officerAuth['20']).send({ summary: 'Entrega de enero.' }).expect(201);
    t.clock.set('2025-02-20');
    await t.http().post(api('/reporting-rounds/2025-01/submissions')).set(officerAuth['11']).send({ summary: 'Entrega de enero, tardía.' }).expect(201);
    const oaxaca11 = await report('20', { activityCode: '1.1', status: 'completed', percent: 100, reportedOn: '2025-01-25' });
    await report('20', { activityCode: '1.2', status: 'in_progress', percent: 50, reportedOn: '2025-02-15', metrics: { personas_sensibilizadas: 40 } });
    await report('11', { activityCode: '1.1', status: 'in_progress', percent: 50, reportedOn: '2025-02-10' });
    await t.http().post(`/api/v1/reports/${oaxaca11}/review`).set(coordinatorAuth).send({ decision: 'accept' }).expect(200);
    t.clock.set(TODAY);
    await t.http().post(api('/reporting-rounds/2025-02/submissions')).set(officerAuth['20']).send({ summary: 'Entrega de febrero.' }).expect(201);

    reviewer = await t.users.create({ role: 'reviewer', name: 'Ana Revisora' });
    officer11 = await t.users.create({ role: 'state_officer', stateCode: '11', name: 'Enlace Guanajuato' });
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  const card = (page: import('playwright-core').Page, code: string) => page.locator(`[data-testid="indicator-card"][data-indicator="${code}"]`);
  const cardValue = (page: import('playwright-core').Page, code: string, col = 'value') => textOf(card(page, code).locator(`[data-col="${col}"]`));

  it('the reviewer’s home leads to the indicators: each card shows the API’s value, target and status in words, with its series and target line', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, reviewer.email);
    expect(new URL(page.url()).pathname).toBe(`/programas/${P}`);
    await eventually(() => figureValue(page, 'national-progress')).toBe('25.0 %');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Panorama nacional', 'Revisión de reportes', 'Indicadores', 'Rondas de reporte', 'Rondas de revisión', 'Versiones y consulta']);
    const shortcuts = page.getByTestId('commission-shortcuts');
    await shortcuts.getByRole('link', { name: /Rondas de revisión/ }).waitFor();
    await shortcuts.getByRole('link', { name: /Indicadores y metas/ }).click();
    await page.waitForURL((u) => u.pathname === `/programas/${P}/indicadores`);
    expect(await attrOf(nav.getByRole('link', { name: 'Indicadores' }), 'aria-current')).toBe('page');

    await eventually(() => card(page, 'IND-09').count()).toBe(1);
    const fromApi = (await h.t.http().get(api('/indicators')).set(reviewerAuth).expect(200)).body as { asOf: string; indicators: ApiIndicator[] };
    expect(fromApi.asOf).toBe(TODAY);
    expect(await page.getByTestId('indicator-card').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { indicator: string } }).dataset.indicator))).toEqual(['IND-01', 'IND-03', 'IND-04', 'IND-09']);
    for (const i of fromApi.indicators) {
      expect(await cardValue(page, i.code), i.code).toBe(shown(i.value, i.unit));
      expect(await attrOf(card(page, i.code).locator('[data-col="status"] [data-status]'), 'data-status'), i.code).toBe(i.status ?? 'none');
      expect(await cardValue(page, i.code, 'achievement'), i.code).toBe(shown(i.achievement, 'percent'));
    }
    // The same numbers, worked out by hand.
    expect(await cardValue(page, 'IND-01')).toBe('2');
    expect(await cardValue(page, 'IND-01', 'target')).toBe('4 al 31 dic 2025');
    expect(await cardValue(page, 'IND-01', 'baseline')).toBe('0 (1 dic 2024)');
    expect(await cardValue(page, 'IND-01', 'achievement')).toBe('50.0 %');
    expect(await cardValue(page, 'IND-03')).toBe('25.0 %');
    expect(await cardValue(page, 'IND-03', 'expected')).toBe('16.2 %');
    expect(await cardValue(page, 'IND-03', 'status')).toBe('● En trayectoria');
    expect(await cardValue(page, 'IND-04')).toBe('16.7 %');
    expect(await cardValue(page, 'IND-04', 'target')).toBe('50.0 % en cada periodo');
    expect(await cardValue(page, 'IND-04', 'status')).toBe('▼ Por debajo de lo esperado');
    expect(await cardValue(page, 'IND-09')).toBe('40');
    expect(await textOf(page.getByTestId('indicators-summary'))).toContain('4 indicadores: 0 con la meta alcanzada, 3 en trayectoria, 1 por debajo de lo esperado');

    // Each series is a line chart with the target line, described in words; its points are in a table.
    const chart = page.getByTestId('indicator-chart-IND-03');
    await chart.waitFor();
    const label = (await attrOf(chart, 'aria-label')) ?? '';
    expect(label).toContain('4 puntos del 1 ene 2025 al 1 mar 2025');
    expect(label).toContain('último valor 25.0 % (1 mar 2025)');
    expect(label).toContain('meta 100.0 % al 31 dic 2025');
    expect(label).toContain('trayectoria desde 0.0 % el 1 ene 2025');
    await card(page, 'IND-03').getByText('Ver los datos de la serie').click();
    const rows = page.getByTestId('indicator-series-IND-03').locator('tbody tr');
    expect(await rows.allInnerTexts()).toEqual(['1 ene 2025\t0.0 %\t◆ Calculado', '31 ene 2025\t12.5 %\t◆ Calculado', '28 feb 2025\t25.0 %\t◆ Calculado', '1 mar 2025\t25.0 %\t◆ Calculado']);
    await page.getByTestId('indicator-chart-IND-09').waitFor();
    await card(page, 'IND-03').getByText('Ver los datos de la serie').click(); // closed again
    // The documentation's picture: the page from its title down, with the first row of cards and their charts.
    await page.getByRole('heading', { level: 1 }).evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
    await h.screenshot(wp, 'commission-view');
    await h.screenshot(wp, 'commission-view-full', { fullPage: true, docs: false });
  });

  it('the indicators by state and as of another date (scope and date kept in the URL)', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, reviewer.email);
    await page.goto(`${h.baseUrl}/programas/${P}/indicadores`);
    await eventually(() => cardValue(page, 'IND-03')).toBe('25.0 %');
    expect(await page.getByLabel('Ámbito').locator('option').allInnerTexts()).toEqual(['Nacional', 'Guanajuato', 'Oaxaca']);

    await page.getByLabel('Ámbito').selectOption('20');
    await page.waitForURL((u) => u.searchParams.get('ambito') === '20');
    await eventually(() => textOf(page.locator('#indicators-title'))).toBe('Oaxaca · cifras al 1 mar 2025');
    await eventually(() => cardValue(page, 'IND-03')).toBe('37.5 %');
    expect(await cardValue(page, 'IND-03', 'target')).toBe('100.0 % al 30 jun 2025');
    expect(await cardValue(page, 'IND-03', 'status')).toBe('● En trayectoria');
    expect(await cardValue(page, 'IND-09')).toBe('40');
    expect(await cardValue(page, 'IND-09', 'status')).toBe('– Sin meta');
    const state = (await h.t.http().get(api('/indicators?stateCode=20')).set(reviewerAuth).expect(200)).body as { indicators: ApiIndicator[] };
    for (const i of state.indicators) expect(await cardValue(page, i.code), i.code).toBe(shown(i.value, i.unit));
    await eventually(async () => (await attrOf(page.getByTestId('indicator-chart-IND-03'), 'aria-label')) ?? '').toContain('meta 100.0 % al 30 jun 2025');

    await page.getByLabel('Ámbito').selectOption('11');
    await eventually(() => cardValue(page, 'IND-03')).toBe('12.5 %');
    expect(await cardValue(page, 'IND-03', 'target')).toBe('Sin meta en este ámbito');

    await page.getByLabel('Ámbito').selectOption('nacional');
    await page.waitForURL((u) => !u.searchParams.has('ambito'));
    await page.getByLabel('Fecha de corte').fill('2025-01-31');
    await page.waitForURL((u) => u.searchParams.get('fecha') === '2025-01-31');
    await eventually(() => textOf(page.locator('#indicators-title'))).toBe('Nacional · cifras al 31 ene 2025');
    await eventually(() => cardValue(page, 'IND-03')).toBe('12.5 %');
    expect(await cardValue(page, 'IND-09')).toBe('0');
    await eventually(async () => (await attrOf(page.getByTestId('indicator-chart-IND-03'), 'aria-label')) ?? '').toContain('2 puntos del 1 ene 2025 al 31 ene 2025');
  });

  it('the reporting rounds: completeness and timeliness per round, and each state’s delivery in words', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, reviewer.email);
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Rondas de reporte' }).click();
    await eventually(() => figureValue(page, 'rounds-completeness')).toBe('100.0 %');
    expect(await figureValue(page, 'rounds-timeliness')).toBe('50.0 %');
    expect(await textOf(page.getByTestId('rounds-completeness'))).toContain('2 de 2 entregas esperadas');
    const table = page.getByTestId('rounds-table');
    expect(await textOf(table.locator('tr[data-round="2025-01"] [data-col="completeness"]'))).toBe('100.0 %');
    expect(await textOf(table.locator('tr[data-round="2025-01"] [data-col="timeliness"]'))).toBe('50.0 %');
    expect(await textOf(table.locator('tr[data-round="2025-02"] [data-col="completeness"]'))).toBe('50.0 %');
    expect(await attrOf(page.getByTestId('rounds-chart'), 'aria-label')).toContain('2025-01: completitud 100.0 %, puntualidad 50.0 %; 2025-02: completitud 50.0 %, puntualidad 50.0 %');

    const matrix = page.getByTestId('rounds-matrix');
    await matrix.waitFor();
    expect(await matrix.locator('tbody th').allInnerTexts()).toEqual(['Guanajuato', 'Oaxaca']);
    const cell = (state: string, round: string) => matrix.locator(`tr[data-state-code="${state}"] td[data-round="${round}"]`);
    expect(await textOf(cell('20', '2025-01'))).toBe('✔ Entregada a tiempo\n10 feb 2025');
    expect(await textOf(cell('11', '2025-01'))).toBe('◐ Entregada tarde\n20 feb 2025');
    expect(await textOf(cell('20', '2025-02'))).toBe('✔ Entregada a tiempo\n1 mar 2025');
    expect(await textOf(cell('11', '2025-02'))).toBe('○ Pendiente');
    await h.screenshot(wp, 'reporting-rounds-full', { fullPage: true, docs: false });

    // As of 14 Feb: Guanajuato had not delivered January yet and the round was not due.
    await page.getByLabel('Fecha de corte').fill('2025-02-14');
    await eventually(() => attrOf(cell('11', '2025-01'), 'data-status')).toBe('pending');
    expect(await attrOf(cell('20', '2025-02'), 'data-status')).toBe('pending');
  });

  it('the reviewer creates a review round (field messages by the fields), adds findings and sees them listed', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    wp.expectHttpErrors(400);
    await h.login(wp, reviewer.email);
    await page.getByTestId('commission-shortcuts').getByRole('link', { name: /Rondas de revisión/ }).click();
    await page.getByText('Aún no hay rondas de revisión.').waitFor();
    const form = page.getByTestId('new-round-form');
    await eventually(() => page.getByLabel('Fecha de corte').inputValue()).toBe(TODAY);

    await form.getByRole('button', { name: 'Crear ronda y congelar cifras' }).click();
    await form.getByText('Escriba el título de la ronda.').waitFor();
    expect(await attrOf(page.getByLabel('Título'), 'aria-invalid')).toBe('true');

    // A date after the API's today: its field message, in Spanish, next to the field; nothing is created.
    await page.getByLabel('Título').fill('Revisión del primer bimestre 2025');
    await page.getByLabel('Fecha de corte').fill('2025-03-05');
    await form.getByRole('button', { name: 'Crear ronda y congelar cifras' }).click();
    await form.locator('[data-field-error="round-as-of"]').getByText(/^La fecha de corte \(2025-03-05\) no puede ser posterior a hoy \(\d{4}-\d{2}-\d{2}\)/).waitFor();
    expect((await h.t.http().get(api('/review-rounds')).set(reviewerAuth).expect(200)).body.rounds).toEqual([]);

    await page.getByLabel('Fecha de corte').fill(ROUND_AS_OF);
    await form.getByRole('button', { name: 'Crear ronda y congelar cifras' }).click();
    await page.waitForURL((u) => u.pathname === `/programas/${P}/revisiones/${ROUND}`);
    await page.getByText(`Se congelaron las cifras al 28 feb 2025 en la ronda ${ROUND}.`).waitFor();
    expect(await textOf(page.getByTestId('round-title'))).toBe(`Ronda de revisión ${ROUND}`);
    expect(await textOf(page.getByTestId('round-facts').locator('[data-col="status"]'))).toBe('○ Abierta');
    expect(await attrOf(page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Rondas de revisión' }), 'aria-current')).toBe('location');

    // The frozen figures: national, per state, indicators.
    expect(await figureValue(page, 'frozen-progress')).toBe('25.0 %');
    expect(await figureValue(page, 'frozen-expected')).toBe('72.5 %');
    expect(await figureValue(page, 'frozen-validated')).toBe('12.5 %');
    const states = page.getByTestId('frozen-states-table');
    expect(await textOf(states.locator('tr[data-state-code="11"] [data-col="progress"]'))).toBe('12.5 %');
    expect(await textOf(states.locator('tr[data-state-code="20"] [data-col="validated"]'))).toBe('25.0 %');
    const indicators = page.getByTestId('frozen-indicators-table');
    expect(await textOf(indicators.locator('tr[data-indicator="IND-03"] [data-col="value"]'))).toBe('25.0 %');
    await page.getByLabel('Ámbito').selectOption('20');
    await eventually(() => textOf(indicators.locator('tr[data-indicator="IND-03"] [data-col="value"]'))).toBe('37.5 %');

    // The tabs work from the keyboard.
    const tab = (name: RegExp) => page.getByRole('tab', { name });
    await tab(/Cifras congeladas/).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => u.searchParams.get('vista') === 'observaciones');
    expect(await isFocused(tab(/Observaciones/))).toBe(true);
    expect(await attrOf(tab(/Observaciones/), 'aria-selected')).toBe('true');
    await page.getByText('No hay observaciones registradas.').waitFor();

    const findingForm = page.getByTestId('finding-form');
    await findingForm.getByRole('button', { name: 'Agregar observación' }).click();
    await findingForm.getByText('Elija el tipo de observación.').waitFor();
    await findingForm.getByText('Describa la observación.').waitFor();

    await page.getByLabel('Tipo').selectOption('missing_evidence');
    await page.getByLabel('Entidad federativa').selectOption('11');
    await page.getByLabel('Actividad (opcional)').selectOption('1.1');
    await page.getByLabel('Atender a más tardar (opcional)').fill('2025-04-15');
    await page.getByLabel('Descripción').fill('El oficio de designación no está adjunto al reporte.');
    await findingForm.getByRole('button', { name: 'Agregar observación' }).click();
    await page.getByText(`Se registró la observación ${ROUND}/1.`).waitFor();
    const list = page.getByTestId('findings-list');
    const first = list.locator(`[data-finding="${ROUND}/1"]`);
    await first.waitFor();
    expect(await textOf(first)).toContain('Guanajuato');
    expect(await textOf(first.locator('[data-col="type"]'))).toBe('Falta de evidencia');
    expect(await textOf(first)).toContain('1.1 Designar enlaces');
    expect(await textOf(first.locator('[data-col="due"]'))).toBe('15 abr 2025');
    expect(await textOf(first.locator('[data-col="description"]'))).toBe('El oficio de designación no está adjunto al reporte.');
    expect(await page.getByLabel('Descripción').inputValue()).toBe('');

    await page.getByLabel('Tipo').selectOption('data_error');
    await page.getByLabel('Entidad federativa').selectOption('20');
    await page.getByLabel('Descripción').fill('El avance de 1.2 no coincide con las listas de asistencia.');
    await findingForm.getByRole('button', { name: 'Agregar observación' }).click();
    await list.locator(`[data-finding="${ROUND}/2"]`).waitFor();
    expect(await textOf(list.locator(`[data-finding="${ROUND}/2"] [data-col="due"]`))).toBe('Sin fecha');
    expect(await textOf(tab(/Observaciones/))).toBe('Observaciones (2)');
    await h.screenshot(wp, 'review-round-findings-full', { fullPage: true, docs: false });

    const round = (await h.t.http().get(api(`/review-rounds/${ROUND}`)).set(reviewerAuth).expect(200)).body;
    expect(round.findings.map((f: { citation: string; type: string; stateCode: string; activityCode: string | null; dueOn: string | null }) => [f.citation, f.type, f.stateCode, f.activityCode, f.dueOn])).toEqual([
      [`${ROUND}/1`, 'missing_evidence', '11', '1.1', '2025-04-15'],
      [`${ROUND}/2`, 'data_error', '20', null, null],
    ]);

    // Listed with its counts.
    await page.getByRole('link', { name: 'Rondas de revisión' }).first().click();
    const row = page.getByTestId('review-rounds-table').locator(`tr[data-round="${ROUND}"]`);
    await eventually(() => textOf(row.locator('[data-col="findings"]'))).toBe('2');
    expect(await textOf(row)).toContain('Revisión del primer bimestre 2025');
    expect(await textOf(row)).toContain('28 feb 2025');
  });

  it('a report accepted later changes no frozen figure but shows in “Diferencias”; the reviewer closes the round with the agreement', async () => {
    const { t } = h;
    const late = await t.http().post(api('/states/11/reports')).set(officerAuth['11']).send({ activityCode: '1.2', status: 'completed', percent: 100, reportedOn: '2025-02-25' }).expect(201);
    await t.http().post(`/api/v1/reports/${late.body.id}/review`).set(coordinatorAuth).send({ decision: 'accept' }).expect(200);

    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, reviewer.email);
    await page.goto(`${h.baseUrl}/programas/${P}/revisiones/${ROUND}`);
    await eventually(() => figureValue(page, 'frozen-progress')).toBe('25.0 %');
    expect(await figureValue(page, 'frozen-validated')).toBe('12.5 %');
    expect(await textOf(page.getByTestId('frozen-states-table').locator('tr[data-state-code="11"] [data-col="progress"]'))).toBe('12.5 %');

    await page.getByRole('tab', { name: 'Diferencias' }).click();
    const fromApi = (await t.http().get(api(`/review-rounds/${ROUND}/differences`)).set(reviewerAuth).expect(200)).body as { changed: number; differences: unknown[] };
    expect(fromApi.changed).toBeGreaterThan(0);
    const summary = page.getByTestId('differences-summary');
    await eventually(() => textOf(summary)).toBe(`${fromApi.changed} cifras cambiaron entre las cifras congeladas al 28 feb 2025 y las actuales calculadas al 28 feb 2025.`);
    const diffs = page.getByTestId('differences-table');
    expect(await diffs.locator('tbody tr').count()).toBe(fromApi.changed);
    const diff = (scope: string, kind: string, figure: string, extra = '') => diffs.locator(`tr[data-scope="${scope}"][data-kind="${kind}"][data-figure="${figure}"]${extra}`);
    const national = diff('national', 'progress', 'progress');
    expect(await textOf(national)).toBe('Nacional\tCifras nacionales\tAvance\t25.0 %\t37.5 %\t+12.5 pp');
    expect(await textOf(diff('national', 'progress', 'validatedProgress').locator('[data-col="delta"]'))).toBe('+12.5 pp');
    expect(await textOf(diff('11', 'progress', 'progress'))).toBe('Guanajuato\tCifras de la entidad\tAvance\t12.5 %\t37.5 %\t+25.0 pp');
    await eventually(() => textOf(diff('11', 'item', 'progress', '[data-activity="1.2"]'))).toBe('Guanajuato\tActividad 1.2 Sensibilizar\tAvance\t0.0 %\t100.0 %\t+100.0 pp');
    expect(await textOf(diff('national', 'indicator', 'value', '[data-indicator="IND-04"]'))).toBe('Nacional\tIndicador IND-04 Actividades concluidas\tValor\t16.7 %\t33.3 %\t+16.6 pp');
    expect(await diffs.locator('tr[data-scope="20"]').count()).toBe(0);

    // Against today, and every figure with its flag.
    await page.getByLabel('a hoy: cómo han cambiado desde entonces').check();
    await eventually(() => textOf(summary)).toContain('y las actuales calculadas al 1 mar 2025');
    await page.getByLabel('Mostrar también las cifras que no cambiaron').check();
    const all = (await t.http().get(api(`/review-rounds/${ROUND}/differences?asOf=${TODAY}&all=true`)).set(reviewerAuth).expect(200)).body as { differences: unknown[] };
    await eventually(() => diffs.locator('tbody tr').count()).toBe(all.differences.length);
    await page.getByLabel('a la misma fecha de corte (28 feb 2025): correcciones posteriores').check();
    await page.getByLabel('Mostrar también las cifras que no cambiaron').uncheck();
    await eventually(() => diffs.locator('tbody tr').count()).toBe(fromApi.changed);

    // Closing: the agreement is required; once closed, no more findings.
    await page.getByRole('tab', { name: /Observaciones/ }).click();
    const close = page.getByTestId('close-round-form');
    await close.getByRole('button', { name: 'Cerrar la ronda' }).click();
    await close.getByText('Escriba la referencia del acuerdo de la comisión que cierra la ronda.').waitFor();
    await page.getByLabel('Referencia del acuerdo de la comisión').fill(AGREEMENT);
    await close.getByRole('button', { name: 'Cerrar la ronda' }).click();
    await page.getByText(`Se cerró la ronda ${ROUND} con el acuerdo ${AGREEMENT}.`).waitFor();
    await eventually(() => textOf(page.getByTestId('round-facts').locator('[data-col="status"]'))).toBe('■ Cerrada');
    expect(await textOf(page.getByTestId('round-facts').locator('[data-col="agreement"]'))).toBe(AGREEMENT);
    expect(await page.getByTestId('close-round-form').count()).toBe(0);
    expect(await page.getByTestId('finding-form').count()).toBe(0);
    await page.getByText('La ronda está cerrada: ya no admite observaciones.').waitFor();
    expect(await page.getByTestId('findings-list').locator('li').count()).toBe(2);
    const closed = (await t.http().get(api(`/review-rounds/${ROUND}`)).set(reviewerAuth).expect(200)).body;
    expect(closed).toMatchObject({ status: 'closed', agreementReference: AGREEMENT });
    expect(closed.figures.progress.national.progress).toBe(25);

    // The documentation's picture: the closed round and its differences, from its title down.
    await page.goto(`${h.baseUrl}/programas/${P}/revisiones/${ROUND}?vista=diferencias`);
    await diffs.waitFor();
    await page.getByTestId('round-title').evaluate((el) => (el as unknown as { scrollIntoView(): void }).scrollIntoView());
    await h.screenshot(wp, 'review-round');
    await h.screenshot(wp, 'review-round-full', { fullPage: true, docs: false });

    await page.getByRole('link', { name: 'Rondas de revisión' }).first().click();
    const row = page.getByTestId('review-rounds-table').locator(`tr[data-round="${ROUND}"]`);
    await eventually(() => textOf(row.locator('[data-col="status"]'))).toBe('■ Cerrada');
    expect(await textOf(row.locator('[data-col="agreement"]'))).toBe(AGREEMENT);
  });

  it('a state officer reads the rounds and only its own state’s findings, without any form; indicators for the nation and its state', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, officer11.email);
    expect(new URL(page.url()).pathname).toBe(`/programas/${P}/estados/11`);
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Panorama nacional', 'Mi entidad', 'Indicadores', 'Rondas de reporte', 'Rondas de revisión', 'Versiones y consulta']);
    await nav.getByRole('link', { name: 'Rondas de revisión' }).click();
    const row = page.getByTestId('review-rounds-table').locator(`tr[data-round="${ROUND}"]`);
    await eventually(() => textOf(row.locator('[data-col="findings"]'))).toBe('1');
    expect(await page.getByTestId('new-round-form').count()).toBe(0);

    await row.getByRole('link', { name: ROUND }).click();
    await eventually(() => figureValue(page, 'frozen-progress')).toBe('25.0 %');
    await page.getByRole('tab', { name: /Observaciones/ }).click();
    const list = page.getByTestId('findings-list');
    await list.waitFor();
    expect(await list.locator('li').evaluateAll((els) => els.map((e) => (e as unknown as { dataset: { finding: string } }).dataset.finding))).toEqual([`${ROUND}/1`]);
    await page.getByText('Se muestran solo las observaciones sobre su entidad.').waitFor();
    expect(await page.getByTestId('finding-form').count()).toBe(0);
    expect(await page.getByTestId('close-round-form').count()).toBe(0);

    // Indicators: the nation and its own state only.
    await nav.getByRole('link', { name: 'Indicadores' }).click();
    await eventually(() => cardValue(page, 'IND-03')).toBe('37.5 %'); // with Guanajuato's later report
    expect(await page.getByLabel('Ámbito').locator('option').allInnerTexts()).toEqual(['Nacional', 'Guanajuato']);
    await page.goto(`${h.baseUrl}/programas/${P}/indicadores?ambito=20`);
    await page.getByText('Solo puede consultar aquí los indicadores nacionales y los de su entidad; se muestran los nacionales.').waitFor();
    await eventually(() => textOf(page.locator('#indicators-title'))).toBe('Nacional · cifras al 1 mar 2025');
  });

  it('the commission’s pages fit a phone', async () => {
    const wp = await h.newPage({ width: 390, height: 844 });
    const { page } = wp;
    await h.login(wp, reviewer.email);
    const pages: [string, string][] = [
      [`/programas/${P}/indicadores`, 'indicator-chart-IND-09'],
      [`/programas/${P}/rondas-de-reporte`, 'rounds-matrix'],
      [`/programas/${P}/revisiones`, 'review-rounds-table'],
      [`/programas/${P}/revisiones/${ROUND}`, 'frozen-indicators-table'],
      [`/programas/${P}/revisiones/${ROUND}?vista=diferencias`, 'differences-table'],
    ];
    for (const [path, ready] of pages) {
      await page.goto(`${h.baseUrl}${path}`);
      await page.getByTestId(ready).waitFor();
      const o = await sidewaysOverflow(page);
      expect(o.overflow, `${path}\n${o.sticking.join('\n')}`).toBeLessThanOrEqual(0);
    }
    await page.goto(`${h.baseUrl}/programas/${P}/indicadores`);
    await page.getByTestId('indicator-chart-IND-09').waitFor();
    await h.screenshot(wp, 'commission-view-phone', { fullPage: true, docs: false });
  });
});
