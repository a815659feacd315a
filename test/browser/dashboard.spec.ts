import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { Program } from '../../libs/core/src/programs/program.entity.js';
import type { ActivitySpec } from '../../libs/testing/src/factories/program.factory.js';
import { attrOf, browserTestsEnabled, eventually, isFocused, isoDaysFromToday, startBrowserHarness, textOf, type BrowserGlobals, type BrowserHarness } from './browser-harness.js';

// The dashboard in Chromium against the real app and database: login and role homes, the national overview,
// a state's plan (timeline, table, re-planning) and institutions, access refusal, and phone width.
// The tests share one app and run in file order (the overview counts three states before one is enrolled);
// each opens a fresh browser context, so no session carries over.

const PROGRAM_CODE = 'condatos-2024';
const PROGRAM_NAME = 'Programa de Implementación Modelo de la Política Nacional de Datos Abiertos';
// Used only when the reference data does not carry the model program: the same codes, phases and windows.
const MODEL_ACTIVITIES: ActivitySpec[] = [
  { code: '1.1', phase: 1, startDay: 0, durationDays: 30 },
  { code: '1.2', phase: 1, startDay: 15, durationDays: 45, weight: 2 },
  { code: '1.3', phase: 1, startDay: 60, durationDays: 30, optional: true },
  { code: '2.1', phase: 2, startDay: 60, durationDays: 90 },
  { code: '2.2', phase: 2, startDay: 75, durationDays: 60 },
  { code: '3.1', phase: 3, startDay: 135, durationDays: 30 },
  { code: '3.2', phase: 3, startDay: 150, durationDays: 45 },
  { code: '4.1', phase: 4, level: 'institution', startDay: 195, durationDays: 30 },
  { code: '4.2', phase: 4, level: 'institution', startDay: 210, durationDays: 70, weight: 2 },
  { code: '4.3', phase: 4, level: 'institution', startDay: 240, durationDays: 90, weight: 2 },
  { code: '4.4', phase: 4, level: 'institution', startDay: 280, durationDays: 90, weight: 3 },
  { code: '4.5', phase: 4, level: 'institution', startDay: 330, durationDays: 90, optional: true },
  { code: '4.6', phase: 4, level: 'institution', startDay: 330, durationDays: 120, optional: true },
  { code: '5.1', phase: 5, startDay: 90, durationDays: 360 },
  { code: '5.2', phase: 5, startDay: 420, durationDays: 45 },
];

const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
/** How the dashboard writes a date: `2025-03-31` → `31 mar 2025`. */
function shown(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface PlanItemBody {
  activityCode: string;
  plannedStart: string;
  plannedDue: string;
  version: number;
}

describe.runIf(browserTestsEnabled)('Dashboard in the browser', () => {
  let h: BrowserHarness;
  let coordinator: AuthUser;
  let officer: AuthUser;
  let officerAuth: { Authorization: string };
  let coordinatorAuth: { Authorization: string };
  const OAXACA_JOINED = isoDaysFromToday(-150);
  const statePath = (code: string) => `/programas/${PROGRAM_CODE}/estados/${code}`;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    const existing = await t.dataSource.getRepository(Program).findOneBy({ code: PROGRAM_CODE });
    const programId = existing?.id ?? (await t.programs.program(MODEL_ACTIVITIES, { code: PROGRAM_CODE, name: PROGRAM_NAME })).program.id;
    await t.programs.enrol(programId, '20', OAXACA_JOINED);
    await t.programs.enrol(programId, '30', isoDaysFromToday(-90));
    await t.programs.enrol(programId, '11', isoDaysFromToday(-30));
    coordinator = await t.users.create({ role: 'coordinator', name: 'Lucía Coordinadora', email: 'coordinacion@test.mx' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Mario Enlace Oaxaca', email: 'enlace.oaxaca@test.mx' });
    const signedIn = await t.http().post('/api/v1/auth/login').send({ email: officer.email, password: 'test-password-123' }).expect(200);
    officerAuth = { Authorization: `Bearer ${signedIn.body.accessToken}` };
    const coordinatorIn = await t.http().post('/api/v1/auth/login').send({ email: coordinator.email, password: 'test-password-123' }).expect(200);
    coordinatorAuth = { Authorization: `Bearer ${coordinatorIn.body.accessToken}` };
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function planItem(code: string): Promise<PlanItemBody> {
    const res = await h.t.http().get(`/api/v1/programs/${PROGRAM_CODE}/states/20/plan`).set(officerAuth).expect(200);
    return (res.body.items as PlanItemBody[]).find((i) => i.activityCode === code)!;
  }

  describe('login', () => {
    it('sends a visitor to the login form and shows the error for a wrong password', async () => {
      const wp = await h.newPage();
      wp.expectHttpErrors(401);
      const { page } = wp;
      await page.goto(`${h.baseUrl}${statePath('20')}`);
      await page.waitForURL((u) => u.pathname === '/entrar');
      expect(new URL(page.url()).searchParams.get('volver')).toBe(statePath('20'));
      expect(await page.locator('html').getAttribute('lang')).toBe('es-MX');

      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.getByText('Escriba su correo electrónico.').waitFor();

      await page.getByLabel('Correo electrónico').fill(coordinator.email);
      await page.getByLabel('Contraseña').fill('not-the-password');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await eventually(() => textOf(page.getByRole('alert'))).toContain('Correo o contraseña incorrectos.');
      expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).sessionStorage.getItem('rumbo.session'))).toBeNull();
    });

    it('returns to the page asked for after login, and logout forgets the session', async () => {
      const wp = await h.newPage();
      const { page } = wp;
      await page.goto(`${h.baseUrl}${statePath('30')}`);
      await page.waitForURL((u) => u.pathname === '/entrar');
      await page.getByLabel('Correo electrónico').fill(coordinator.email);
      await page.getByLabel('Contraseña').fill('test-password-123');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL((u) => u.pathname === statePath('30'));
      await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('Veracruz de Ignacio de la Llave');

      await page.getByRole('button', { name: 'Cerrar sesión' }).click();
      await page.waitForURL((u) => u.pathname === '/entrar');
      await page.getByText('Cerró su sesión.').waitFor();
      expect(await page.evaluate(() => (globalThis as unknown as BrowserGlobals).sessionStorage.getItem('rumbo.session'))).toBeNull();
      await page.goto(`${h.baseUrl}/`);
      await page.waitForURL((u) => u.pathname === '/entrar');
    });

    it('an expired or invalid token leads back to login with a message', async () => {
      const wp = await h.newPage();
      wp.expectHttpErrors(401);
      const { page } = wp;
      await h.login(wp, coordinator.email);
      await page.evaluate(() => {
        const { sessionStorage } = globalThis as unknown as BrowserGlobals;
        const s = JSON.parse(sessionStorage.getItem('rumbo.session')!);
        sessionStorage.setItem('rumbo.session', JSON.stringify({ ...s, token: 'not-a-valid-token' }));
      });
      await page.reload();
      await page.waitForURL((u) => u.pathname === '/entrar');
      await page.getByText('Su sesión expiró').waitFor();
    });
  });

  describe('coordinator', () => {
    it('lands on the national overview listing the participating states with their join dates', async () => {
      const wp = await h.newPage();
      const { page } = wp;
      await h.login(wp, coordinator.email);
      expect(new URL(page.url()).pathname).toBe(`/programas/${PROGRAM_CODE}`);
      await eventually(() => textOf(page.getByTestId('user-name'))).toBe('Lucía Coordinadora');
      expect(await textOf(page.getByTestId('user-role'))).toBe('Coordinación nacional');
      await eventually(() => textOf(page.getByTestId('program-name'))).not.toBe('');
      expect(await attrOf(page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Panorama nacional' }), 'aria-current')).toBe('page');

      const table = page.getByTestId('participations-table');
      await eventually(() => table.locator('tbody th').allInnerTexts()).toEqual(['Guanajuato', 'Oaxaca', 'Veracruz de Ignacio de la Llave']);
      expect(await textOf(table.locator('tr[data-state-code="20"]'))).toContain(shown(OAXACA_JOINED));
      expect(await textOf(page.getByTestId('participation-summary'))).toContain('3 entidades participan');
      await h.screenshot(wp, 'national-overview');

      await table.getByRole('link', { name: 'Oaxaca' }).click();
      await page.waitForURL((u) => u.pathname === statePath('20'));
      await eventually(() => textOf(page.getByTestId('state-title'))).toBe('Oaxaca');
    });

    it('enrols a state; the form shows its field errors inline', async () => {
      const wp = await h.newPage();
      const { page } = wp;
      await h.login(wp, coordinator.email);
      // The enrolment form (the convocatoria's form on the same page also asks for a state).
      const form = page.locator('form[aria-labelledby="enrol-title"]');
      await form.getByRole('button', { name: 'Adherir entidad' }).click();
      await form.getByText('Elija la entidad federativa.').waitFor();
      expect(await attrOf(form.getByLabel('Entidad federativa'), 'aria-invalid')).toBe('true');

      const joined = isoDaysFromToday(-10);
      await form.getByLabel('Entidad federativa').selectOption({ label: 'Sinaloa' });
      await form.getByLabel('Fecha de adhesión').fill(joined);
      await form.getByRole('button', { name: 'Adherir entidad' }).click();
      await page.getByRole('status').filter({ hasText: 'Sinaloa se adhirió al programa' }).waitFor();
      await eventually(() => textOf(page.getByTestId('participations-table').locator('tr[data-state-code="25"]'))).toContain(shown(joined));
      // A state already taking part is no longer offered.
      expect(await form.getByLabel('Entidad federativa').locator('option', { hasText: 'Sinaloa' }).count()).toBe(0);
      const plan = await h.t.http().get(`/api/v1/programs/${PROGRAM_CODE}/states/25/plan`).set((await h.t.as('coordinator')).auth).expect(200);
      expect(plan.body.items.length).toBeGreaterThan(0);
    });
  });

  describe('reviewer', () => {
    it('lands on the national overview and reads a state without any editing controls', async () => {
      const reviewer = await h.t.users.create({ role: 'reviewer', name: 'Ana Revisora' });
      const wp = await h.newPage();
      const { page } = wp;
      await h.login(wp, reviewer.email);
      expect(new URL(page.url()).pathname).toBe(`/programas/${PROGRAM_CODE}`);
      expect(await textOf(page.getByTestId('user-role'))).toBe('Comisión revisora');
      await page.getByTestId('participations-table').getByRole('link', { name: 'Oaxaca' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Adherir una entidad al programa' }).count()).toBe(0);

      await page.getByTestId('participations-table').getByRole('link', { name: 'Oaxaca' }).click();
      await page.getByTestId('plan-table').waitFor();
      await eventually(() => isFocused(page.getByRole('main'))).toBe(true);
      expect(await page.getByRole('button', { name: /^Re-planificar/ }).count()).toBe(0);
      expect(await page.getByTestId('institution-form').count()).toBe(0);
    });
  });

  describe('state officer', () => {
    it('lands on its own state and sees its plan as a timeline and a table', async () => {
      const wp = await h.newPage();
      const { page } = wp;
      await h.login(wp, officer.email);
      expect(new URL(page.url()).pathname).toBe(statePath('20'));
      await eventually(() => textOf(page.getByTestId('state-title'))).toBe('Oaxaca');
      expect(await textOf(page.getByTestId('user-role'))).toBe('Autoridad estatal');
      expect(await attrOf(page.getByRole('link', { name: 'Mi entidad' }), 'aria-current')).toBe('page');

      const items = (await h.t.http().get(`/api/v1/programs/${PROGRAM_CODE}/states/20/plan`).set(officerAuth).expect(200)).body.items as PlanItemBody[];
      const rows = page.getByTestId('plan-table').locator('tbody tr');
      await eventually(() => rows.count()).toBe(items.length);
      const first = items[0];
      expect(await textOf(rows.first().locator('[data-col="plannedStart"]'))).toBe(shown(first.plannedStart));
      expect(await textOf(rows.first().locator('[data-col="plannedDue"]'))).toBe(shown(first.plannedDue));

      const timeline = page.getByTestId('plan-timeline');
      expect(await timeline.locator('g[data-activity]').count()).toBe(items.length);
      expect(await page.getByTestId('today-line').count()).toBe(1);
      await page.getByRole('img', { name: 'Cronograma del programa estatal' }).waitFor();
      await page.getByRole('heading', { name: 'Instituciones implementadoras' }).waitFor();
    });

    it('cannot open another state: the no-access screen and none of its data', async () => {
      const wp = await h.newPage();
      wp.expectHttpErrors(403);
      const { page } = wp;
      await h.login(wp, officer.email);
      const refused = page.waitForResponse((r) => r.url().endsWith('/states/30/plan'));
      await page.goto(`${h.baseUrl}${statePath('30')}`);
      expect((await refused).status()).toBe(403);
      await eventually(() => textOf(page.getByRole('heading', { level: 1 }))).toBe('No tiene acceso');
      expect(await textOf(page.getByRole('alert'))).toContain('Solo puede consultar el programa de su propia entidad');
      expect(await page.getByTestId('plan-table').count()).toBe(0);
      expect(await page.getByTestId('institutions-table').count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toContain('Veracruz');

      // In the national list, only its own state is a link.
      await page.goto(`${h.baseUrl}/programas/${PROGRAM_CODE}`);
      const table = page.getByTestId('participations-table');
      await table.locator('tr[data-state-code="30"]').waitFor();
      expect(await table.locator('tr[data-state-code="30"] a').count()).toBe(0);
      expect(await table.locator('tr[data-state-code="20"] a').count()).toBe(1);
    });

    it('re-plans an item with a justification and sees the new dates; API field messages show by the field', async () => {
      const wp = await h.newPage();
      wp.expectHttpErrors(400);
      const { page } = wp;
      await h.login(wp, officer.email);
      const before = await planItem('1.2');
      await page.getByRole('button', { name: /^Re-planificar 1\.2 / }).click();
      const form = page.getByTestId('replan-form');
      await eventually(() => isFocused(form.getByRole('heading'))).toBe(true);

      // Due before start: the API refuses it and its message appears next to the due date.
      await page.getByLabel('Término planificado').fill(addDays(before.plannedStart, -1));
      await page.getByLabel('Justificación').fill('La entidad cambió de administración.');
      await form.getByRole('button', { name: 'Guardar cambio' }).click();
      await eventually(() => textOf(form.locator('[data-field-error="replan-due"]'))).toMatch(/^La fecha de término \(\d{4}-\d{2}-\d{2}\) no puede ser anterior a la fecha de inicio \(\d{4}-\d{2}-\d{2}\)\.$/);
      expect(await attrOf(page.getByLabel('Término planificado'), 'aria-invalid')).toBe('true');
      expect((await planItem('1.2')).version).toBe(before.version);

      // The justification is required. (The officer brings the due date earlier: that applies at once; a later
      // one waits for the coordination, test/browser/replan.spec.ts.)
      const newDue = addDays(before.plannedDue, -7);
      await page.getByLabel('Término planificado').fill(newDue);
      await page.getByLabel('Justificación').fill('');
      await form.getByRole('button', { name: 'Guardar cambio' }).click();
      await form.getByText('la justificación es obligatoria').waitFor();

      await page.getByLabel('Justificación').fill('La entidad cambió de administración.');
      await form.getByRole('button', { name: 'Guardar cambio' }).click();
      await eventually(() => textOf(page.getByRole('status').filter({ hasText: 'Se guardó 1.2' }))).toContain(shown(newDue));
      const row = page.getByTestId('plan-table').locator('tr[data-activity="1.2"]');
      await eventually(() => textOf(row.locator('[data-col="plannedDue"]'))).toBe(shown(newDue));
      expect(await textOf(row)).toContain('Re-planificada');
      expect(await textOf(row.locator('[data-col="original-vs-current"]'))).toBe(
        `Plan original: ${shown(before.plannedStart)} – ${shown(before.plannedDue)} → Actual: ${shown(before.plannedStart)} – ${shown(newDue)}`,
      );
      expect(await page.getByTestId('plan-timeline').locator('g[data-activity="1.2"] .bar-original').count()).toBe(1);
      expect(await page.getByTestId('plan-timeline').locator('g[data-activity="1.2"] .bar-note').textContent()).toContain('re-planificada');
      expect(await planItem('1.2')).toMatchObject({ plannedDue: newDue, version: before.version + 1 });
    });

    it('excludes an optional activity; it is shown greyed and labelled', async () => {
      const wp = await h.newPage();
      const { page } = wp;
      await h.login(wp, officer.email);
      await page.getByRole('button', { name: /^Re-planificar 1\.1 / }).click();
      await page.getByTestId('replan-form').getByText('Actividad obligatoria: no puede excluirse').waitFor();
      await page.getByRole('button', { name: 'Cancelar' }).click();

      await page.getByRole('button', { name: /^Re-planificar 1\.3 / }).click();
      await page.getByLabel('Incluir esta actividad en el programa estatal').uncheck();
      await page.getByLabel('Justificación').fill('El pleno no sesiona este año; se aprueba por acuerdo administrativo.');
      await page.getByTestId('replan-form').getByRole('button', { name: 'Guardar cambio' }).click();
      const row = page.getByTestId('plan-table').locator('tr[data-activity="1.3"]');
      await eventually(() => attrOf(row, 'class')).toMatch(/row-excluded/);
      expect(await textOf(row)).toContain('Excluida');
      expect(await page.getByTestId('plan-timeline').locator('g[data-activity="1.3"] .bar-note').textContent()).toContain('excluida');
      expect(await page.getByTestId('plan-timeline').locator('g[data-activity="1.3"] .bar-excluded').count()).toBe(1);
    });

    it('a stale edit gets the 409 message; after reloading it saves', async () => {
      const wp = await h.newPage();
      wp.expectHttpErrors(409);
      const { page } = wp;
      await h.login(wp, officer.email);
      const before = await planItem('2.1');
      await page.getByRole('button', { name: /^Re-planificar 2\.1 / }).click();

      // Someone else (the coordination: its later due date applies at once) changes the same item meanwhile.
      const theirDue = addDays(before.plannedDue, 10);
      await h.t.http().patch(`/api/v1/programs/${PROGRAM_CODE}/states/20/plan/2.1`).set(coordinatorAuth).send({ plannedDue: theirDue, justification: 'Cambio desde otra sesión', version: before.version }).expect(200);

      await page.getByLabel('Término planificado').fill(addDays(before.plannedDue, -5));
      await page.getByLabel('Justificación').fill('Ajuste acordado con la coordinación.');
      const form = page.getByTestId('replan-form');
      await form.getByRole('button', { name: 'Guardar cambio' }).click();
      await eventually(() => textOf(form.getByRole('alert'))).toContain('Alguien más modificó esta actividad; recargue');
      expect((await planItem('2.1')).plannedDue).toBe(theirDue);

      await form.getByRole('button', { name: 'Recargar' }).click();
      await eventually(() => page.getByLabel('Término planificado').inputValue()).toBe(theirDue);
      const finalDue = addDays(before.plannedDue, -5);
      await page.getByLabel('Término planificado').fill(finalDue);
      await form.getByRole('button', { name: 'Guardar cambio' }).click();
      await eventually(() => textOf(page.getByTestId('plan-table').locator('tr[data-activity="2.1"] [data-col="plannedDue"]'))).toBe(shown(finalDue));
      expect(await planItem('2.1')).toMatchObject({ plannedDue: finalDue, version: before.version + 2 });
    });

    it('registers an institution; a duplicate name is refused next to the field', async () => {
      const wp = await h.newPage();
      wp.expectHttpErrors(409);
      const { page } = wp;
      await h.login(wp, officer.email);
      await page.getByText('Aún no hay instituciones registradas en esta entidad.').waitFor();
      const form = page.getByTestId('institution-form');
      await form.getByRole('button', { name: 'Registrar institución' }).click();
      await form.getByText('Escriba el nombre de la institución.').waitFor();
      await form.getByText('Elija el orden de gobierno.').waitFor();

      await page.getByLabel('Nombre').fill('Secretaría de Finanzas');
      await page.getByLabel('Siglas').fill('SEFIN');
      await page.getByLabel('Orden de gobierno').selectOption({ label: 'Estatal' });
      await form.getByRole('button', { name: 'Registrar institución' }).click();
      await page.getByRole('status').filter({ hasText: 'Se registró Secretaría de Finanzas.' }).waitFor();
      const table = page.getByTestId('institutions-table');
      await eventually(() => table.locator('tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/Secretaría de Finanzas\s+SEFIN\s+Estatal/)]);
      expect(await page.getByLabel('Nombre').inputValue()).toBe('');

      await page.getByLabel('Nombre').fill('secretaría de finanzas');
      await page.getByLabel('Orden de gobierno').selectOption({ label: 'Federal' });
      await form.getByRole('button', { name: 'Registrar institución' }).click();
      await eventually(() => textOf(form.locator('[data-field-error="institution-name"]'))).toContain('Ya hay una institución registrada con ese nombre en esta entidad: «Secretaría de Finanzas».');
      expect(await table.locator('tbody tr').count()).toBe(1);
      await h.screenshot(wp, 'state-page-full', { fullPage: true });
      await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
      await h.screenshot(wp, 'state-page');
    });
  });

  describe('layout', () => {
    it('is usable at phone width: no sideways page scroll, the timeline scrolls in its own box', async () => {
      const wp = await h.newPage({ width: 390, height: 844 });
      const { page } = wp;
      await h.login(wp, officer.email);
      await page.getByTestId('plan-table').waitFor();
      // The page itself must not scroll sideways; on failure, name the elements sticking out.
      const { overflow, sticking } = await page.evaluate(() => {
        const doc = (globalThis as unknown as BrowserGlobals).document;
        const width = doc.documentElement.clientWidth;
        const sticking = Array.from(doc.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('svg'))
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`);
        return { overflow: doc.documentElement.scrollWidth - width, sticking };
      });
      expect(overflow, `page wider than the phone; elements past the edge (some inside scroll boxes):\n${sticking.slice(0, 15).join('\n')}`).toBeLessThanOrEqual(0);
      await h.screenshot(wp, 'state-page-phone');
      await page.getByTestId('plan-table').locator('tr[data-activity="1.3"]').scrollIntoViewIfNeeded();
      await h.screenshot(wp, 'state-page-phone-table');
    });

    it('offers a skip link first and shows keyboard focus', async () => {
      const wp = await h.newPage();
      const { page } = wp;
      await h.login(wp, coordinator.email);
      await page.getByTestId('participations-table').waitFor();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Saltar al contenido' });
      expect(await isFocused(skip)).toBe(true);
      expect(await skip.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).outlineStyle)).not.toBe('none');
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('banner').count()).toBe(1);
    });
  });
});
