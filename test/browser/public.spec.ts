import type { Page } from 'playwright-core';
import {
  attrOf,
  browserTestsEnabled,
  DEFAULT_PROGRAM_CODE as P,
  eventually,
  sidewaysOverflow,
  startBrowserHarness,
  textOf,
  type BrowserHarness,
} from './browser-harness.js';

// The public page's indicators and open-data downloads in Chromium, on the shipped model program (its ten
// indicators have national targets). The API's today is 2 Mar 2025; Oaxaca (20) and Michoacán (16) joined on
// 1 Dec 2024. Oaxaca reported activity 2.1 at 40 % on 20 Feb 2025 with 600 people reached.
//   IND-01 participating states: 2; target 11 by 31 Dec 2025 from 0 on 19 Nov 2024 → expected 11·103/407 = 2.8: behind
//   IND-09 people reached: 600; target 2000 by 31 Dec 2025 → expected 2000·103/407 = 506.1: on track
const TODAY = '2025-03-02';

describe.runIf(browserTestsEnabled)('The public page: indicators and open data in the browser', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    t.clock.set(TODAY);
    const [{ id }] = await t.dataSource.query('SELECT id FROM program WHERE code = $1', [P]);
    for (const code of ['20', '16']) await t.programs.enrol(id, code, '2024-12-01');
    const coordinator = (await t.as('coordinator')).auth;
    const res = await t
      .http()
      .post(`/api/v1/programs/${P}/states/20/reports`)
      .set(coordinator)
      .send({ activityCode: '2.1', status: 'in_progress', percent: 40, reportedOn: '2025-02-20', metrics: { personas_sensibilizadas: 600 } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  const row = (page: Page, code: string) => page.getByTestId('public-indicators-table').locator(`tr[data-indicator="${code}"]`);

  it('shows the national indicators with value, target and status in words, as the open data has them', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    const authenticated: string[] = [];
    page.on('request', (r) => {
      if (r.headers().authorization) authenticated.push(r.url());
    });
    await page.goto(`${h.baseUrl}/publico`);
    await row(page, 'IND-01').waitFor();
    expect(await textOf(page.getByRole('heading', { level: 2, name: /^Indicadores nacionales/ }))).toContain('Indicadores nacionales al');
    const rows = page.getByTestId('public-indicators-table').locator('tbody tr');
    expect(await rows.count()).toBe(10);
    expect(await textOf(row(page, 'IND-01').locator('th'))).toContain('Entidades federativas participantes');
    expect(await textOf(row(page, 'IND-01').locator('[data-col="value"]'))).toBe('2');
    expect(await textOf(row(page, 'IND-01').locator('[data-col="status"]'))).toContain('Por debajo de lo esperado');
    expect(await textOf(row(page, 'IND-09').locator('[data-col="value"]'))).toBe('600');
    expect(await textOf(row(page, 'IND-09').locator('[data-col="status"]'))).toContain('En trayectoria');
    expect(await textOf(row(page, 'IND-09').locator('[data-col="target"]'))).toMatch(/^2,000 al /);

    // Every row's status is the open data's (the page computes nothing).
    const open = (await (await page.request.get(`${h.baseUrl}/api/v1/public/programs/${P}/indicators`)).json()) as { asOf: string; national: { code: string; status: string | null }[] };
    expect(open.asOf).toBe(TODAY);
    for (const f of open.national) expect(await attrOf(row(page, f.code).locator('[data-status]'), 'data-status')).toBe(f.status ?? 'none');
    // IND-06 (no institution registered) and IND-10 (no reporting round due) have a target but no value yet.
    expect(await textOf(row(page, 'IND-10').locator('[data-col="status"]'))).toBe('– Sin valor a la fecha');
    expect(await textOf(page.getByTestId('public-indicators-summary'))).toBe(
      '10 indicadores: 0 con la meta alcanzada, 1 en trayectoria, 7 por debajo de lo esperado, 2 sin valor a la fecha.',
    );
    expect(authenticated).toEqual([]);
    await h.screenshot(wp, 'public-indicators', { locator: page.getByTestId('public-indicators'), docs: false });
  });

  it('offers progress, indicators and the DCAT catalogue for download, and every link answers 200', async () => {
    const wp = await h.newPage();
    const { page } = wp;
    await page.goto(`${h.baseUrl}/publico`);
    await row(page, 'IND-01').waitFor();
    await h.screenshot(wp, 'public-downloads', { locator: page.getByTestId('downloads'), docs: false });
    const links = page.getByTestId('downloads').locator('a');
    const hrefs: string[] = [];
    for (let i = 0; i < (await links.count()); i++) hrefs.push((await links.nth(i).getAttribute('href')) ?? '');
    const base = `/api/v1/public/programs/${P}`;
    expect(hrefs).toEqual([
      `${base}/progress.csv?asOf=${TODAY}`,
      `${base}/progress?asOf=${TODAY}`,
      `${base}/indicators.csv?asOf=${TODAY}`,
      `${base}/indicators?asOf=${TODAY}`,
      `${base}/catalog.json`,
    ]);
    expect(await links.allInnerTexts()).toEqual([
      'Descargar el avance en CSV',
      'Ver el avance en JSON',
      'Descargar los indicadores en CSV',
      'Ver los indicadores en JSON',
      'Ver el catálogo de datos (DCAT, JSON-LD)',
    ]);
    const types = ['text/csv', 'application/json', 'text/csv', 'application/json', 'application/ld+json'];
    for (const [i, href] of hrefs.entries()) {
      const res = await page.request.get(`${h.baseUrl}${href}`);
      expect(res.status(), href).toBe(200);
      expect(res.headers()['content-type'].split(';')[0]).toBe(types[i]);
    }

    const csv = (await (await page.request.get(`${h.baseUrl}${hrefs[2]}`)).text()).split('\r\n');
    expect(csv[0]).toMatch(/^scope,stateCode,stateName,asOf,code,name,/);
    expect(csv[1]).toMatch(new RegExp(`^national,,Nacional,${TODAY},IND-01,Entidades federativas participantes,count,up,2,0,2024-11-19,11,2025-12-31,2\\.8,18\\.2,behind$`));
    expect(csv).toContain(`state,16,Michoacán de Ocampo,${TODAY},IND-01,Entidades federativas participantes,count,up,1,0,2024-11-19,,,,,`);

    // The catalogue's own download URLs are absolute on the server the page came from, and answer too.
    const catalog = await (await page.request.get(`${h.baseUrl}${hrefs[4]}`)).json();
    expect(catalog['@type']).toBe('dcat:Catalog');
    const urls = (catalog['dcat:dataset'] as { 'dcat:distribution': { 'dcat:downloadURL': string }[] }[]).flatMap((d) => d['dcat:distribution'].map((x) => x['dcat:downloadURL']));
    expect(urls).toHaveLength(4);
    for (const url of urls) {
      expect(url.startsWith(`${h.baseUrl}/api/v1/public/programs/${P}/`), url).toBe(true);
      expect((await page.request.get(url)).status(), url).toBe(200);
    }
  });

  it('follows the chosen date: indicators as of it and download links for it', async () => {
    const { page } = await h.newPage();
    await page.goto(`${h.baseUrl}/publico?fecha=2025-01-15`);
    await eventually(() => textOf(row(page, 'IND-09').locator('[data-col="value"]'))).toBe('0'); // the report is dated 20 Feb
    expect(await textOf(row(page, 'IND-01').locator('[data-col="value"]'))).toBe('2');
    expect(await attrOf(page.getByTestId('download-indicators-json'), 'href')).toBe(`/api/v1/public/programs/${P}/indicators?asOf=2025-01-15`);
    expect(await attrOf(page.getByTestId('download-indicators-csv'), 'href')).toBe(`/api/v1/public/programs/${P}/indicators.csv?asOf=2025-01-15`);
  });

  it('fits a phone', async () => {
    const { page } = await h.newPage({ width: 390, height: 844 });
    await page.goto(`${h.baseUrl}/publico`);
    await row(page, 'IND-01').waitFor();
    const pub = await sidewaysOverflow(page);
    expect(pub.overflow, pub.sticking.join('\n')).toBeLessThanOrEqual(0);
  });
});
