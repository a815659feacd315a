import { DailyJobsService } from '../../libs/core/src/progress/jobs/daily-jobs.service.js';
import { MailJobsService } from '../../libs/core/src/mail/mail-jobs.service.js';
import { MailOutbox, MAX_ATTEMPTS } from '../../libs/core/src/mail/mail-outbox.js';
import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { startSmtp } from '../../libs/testing/src/smtp-server.js';
import { browserTestsEnabled, eventually, smallDefaultProgram, startBrowserHarness, textOf, type BrowserHarness } from './browser-harness.js';

// The coordination's record of the emails in Chromium: the night's deadline notices went to a real SMTP server,
// one was refused; the panel lists them, says which did not go out and why, and opens the text that was sent.
describe.runIf(browserTestsEnabled)('The email record in the browser', () => {
  let h: BrowserHarness;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let coordinator: AuthUser;
  let officer: AuthUser;
  const DAY = '2025-03-15';

  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startBrowserHarness({ SMTP_URL: smtp.url, RUMBO_MAIL_RETRY_CRON: '0 0 1 1 *' });
    const { t } = h;
    t.clock.set(DAY);
    const { program } = await smallDefaultProgram(t, [{ code: '1.1', startDay: 0, durationDays: 10 }, { code: '1.2', startDay: 0, durationDays: 20 }], 'Programa de prueba de correos');
    await t.programs.enrol(program.id, '20', '2025-03-01');
    await t.programs.enrol(program.id, '21', '2025-03-01');
    coordinator = await t.users.create({ role: 'coordinator', name: 'Coordinación', email: 'coordinacion@sna.example.mx' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Enlace Oaxaca', email: 'enlace@oaxaca.example.mx' });
    await t.users.create({ role: 'state_officer', stateCode: '21', name: 'Enlace Puebla', email: 'enlace@puebla.example.mx' });
    smtp.refuse.add('enlace@puebla.example.mx');
    await t.app.get(DailyJobsService).runDailyJobs(DAY);
    await t.app.get(MailJobsService).queueDeadlineNotices(DAY);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await t.app.get(MailOutbox).deliverPending();
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
  });

  it('lists each email with its state, opens the text sent, and filters the ones that did not go out', async () => {
    expect(smtp.received.map((m) => m.to).sort()).toEqual([coordinator.email, officer.email]);
    const wp = await h.newPage();
    const { page } = wp;
    await h.login(wp, coordinator.email);
    const panel = page.getByTestId('email-log');
    await panel.scrollIntoViewIfNeeded();
    const table = panel.getByTestId('email-log-table');
    await eventually(() => table.locator('tbody tr').count()).toBe(3);
    expect(await textOf(panel.locator('.summary'))).toBe('3 correos');
    const puebla = table.locator('tbody tr', { hasText: 'enlace@puebla.example.mx' });
    expect(await textOf(puebla)).toContain('No se pudo enviar');
    expect(await textOf(puebla)).toContain(`${MAX_ATTEMPTS} intentos`);
    const oaxaca = table.locator('tbody tr', { hasText: officer.email });
    expect(await textOf(oaxaca)).toContain('Aviso de vencimientos');
    expect(await textOf(oaxaca)).toContain('Enviado');
    await oaxaca.locator('summary').click();
    const body = oaxaca.locator('.email-body');
    await body.waitFor();
    const sent = smtp.received.find((m) => m.to === officer.email)!;
    expect(await textOf(body)).toContain('estas actividades del programa estatal de Oaxaca requieren atención');
    expect(sent.text).toContain('estas actividades del programa estatal de Oaxaca requieren atención');
    await h.screenshot(wp, 'email-log', { locator: panel });

    await panel.getByLabel('Estado').selectOption('failed');
    await eventually(() => table.locator('tbody tr').count()).toBe(1);
    expect(await textOf(table)).toContain('enlace@puebla.example.mx');
  });

  it('a state officer does not see the record', async () => {
    const wp = await h.newPage();
    await h.login(wp, officer.email);
    await wp.page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await wp.page.getByTestId('email-log').count()).toBe(0);
  });
});
