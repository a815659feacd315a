import type { AuthUser } from '../../libs/platform/src/auth/roles.js';
import { browserTestsEnabled, DEFAULT_PROGRAM_CODE as P, eventually, smallDefaultProgram, startBrowserHarness, textOf, type BrowserHarness } from './browser-harness.js';

// A finding's conversation in Chromium: the commission asks and names the state's officer, who sees the mention
// on the state's page, marks it read, and answers the finding on the round's page (marked as the state's answer).
describe.runIf(browserTestsEnabled)('Comments and mentions in the browser', () => {
  let h: BrowserHarness;
  let reviewer: AuthUser;
  let officer: AuthUser;
  const ROUND = 'RR-2025-001';

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    t.clock.set('2025-03-10');
    const { program } = await smallDefaultProgram(t, [{ code: '1.1', startDay: 0, durationDays: 30 }], 'Programa de prueba de conversaciones');
    await t.programs.enrol(program.id, '20', '2025-03-01');
    reviewer = await t.users.create({ role: 'reviewer', name: 'Comisión revisora', email: 'comision@sna.example.mx' });
    officer = await t.users.create({ role: 'state_officer', stateCode: '20', name: 'Enlace Oaxaca', email: 'enlace@oaxaca.example.mx' });
    const auth = (await t.as('reviewer')).auth;
    await t.http().post(`/api/v1/programs/${P}/review-rounds`).set(auth).send({ title: 'Primera revisión', asOf: '2025-03-09' }).expect(201);
    await t.http().post(`/api/v1/programs/${P}/review-rounds/${ROUND}/findings`).set(auth).send({ type: 'missing_evidence', stateCode: '20', activityCode: '1.1', description: 'El reporte no trae el acta de instalación.', dueOn: '2025-03-20' }).expect(201);
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the commission asks on a finding naming the officer; the officer sees the mention, then answers for the state', async () => {
    const wp = await h.newPage();
    wp.expectHttpErrors(400); // the refused mention below
    await h.login(wp, reviewer.email);
    await wp.page.goto(`${h.baseUrl}/programas/${P}/revisiones/${ROUND}?vista=observaciones`);
    const finding = wp.page.getByTestId('findings-list').locator('li').first();
    await finding.locator('.comment-thread > summary').click();
    await finding.getByText('Aún no hay mensajes.').waitFor();
    // Someone who cannot read the thread is refused next to the field, in Spanish.
    await finding.getByLabel('Mensaje').fill('Vea @nadie@example.mx');
    await finding.getByRole('button', { name: 'Enviar mensaje' }).click();
    await eventually(() => textOf(finding)).toContain('@nadie@example.mx no participa en esta conversación');
    await finding.getByLabel('Mensaje').fill('¿Puede adjuntar el acta antes del plazo? @enlace@oaxaca.example.mx');
    await finding.getByRole('button', { name: 'Enviar mensaje' }).click();
    await eventually(() => textOf(finding.locator('.comments'))).toContain('¿Puede adjuntar el acta antes del plazo?');
    expect(await textOf(finding.locator('.comments'))).toContain('Menciona a: Enlace Oaxaca');
    expect(await finding.getByLabel(/Es la respuesta de la entidad/).count()).toBe(0); // the commission does not answer for the state

    h.t.clock.set('2025-03-11T16:30:00Z'); // the officer answers the next day
    const op = await h.newPage();
    await h.login(op, officer.email);
    const mentions = op.page.getByTestId('mentions');
    await eventually(() => textOf(mentions.locator('h2'))).toBe('Lo mencionaron en 1 mensaje');
    expect(await textOf(mentions)).toMatch(/Comisión revisora\s+en una observación de Oaxaca/);
    await mentions.getByRole('button', { name: 'Marcar como leídas' }).click();
    await eventually(() => mentions.count()).toBe(0);

    await op.page.goto(`${h.baseUrl}/programas/${P}/revisiones/${ROUND}?vista=observaciones`);
    const mine = op.page.getByTestId('findings-list').locator('li').first();
    await mine.locator('.comment-thread > summary').click();
    await mine.getByLabel('Mensaje').fill('Se subió el acta de instalación firmada con el reporte del 12 de marzo.');
    await mine.getByLabel(/Es la respuesta de la entidad a esta observación \(plazo: /).check();
    await mine.getByRole('button', { name: 'Enviar mensaje' }).click();
    const answer = mine.locator('.comment-answer');
    await eventually(() => textOf(answer)).toContain('Respuesta de la entidad');
    expect(await textOf(answer)).not.toContain('fuera de plazo');
    await h.screenshot(op, 'finding-conversation', { locator: mine });
  });
});
