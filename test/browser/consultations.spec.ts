import { browserTestsEnabled, DEFAULT_PROGRAM_CODE as P, eventually, smallDefaultProgram, startBrowserHarness, textOf, type BrowserHarness } from './browser-harness.js';

// Versions and consultation in Chromium: the commission reads what changed from the draft to the approved text
// and the consultation's figures; the coordination records a comment, with the API's message when it is incomplete.
describe.runIf(browserTestsEnabled)('Program versions and consultation in the browser', () => {
  let h: BrowserHarness;
  let roundTitle: string;

  beforeAll(async () => {
    h = await startBrowserHarness();
    const { t } = h;
    t.clock.set('2024-11-25');
    await smallDefaultProgram(t, [{ code: '1.1', durationDays: 30 }, { code: '1.2', durationDays: 30 }, { code: '2.1', phase: 2, durationDays: 60 }], 'Programa de prueba de versiones');
    const auth = (await t.as('coordinator')).auth;
    const current = (await t.http().get(`/api/v1/programs/${P}/export`).set(auth).expect(200)).body;
    const draft = { ...current, activities: current.activities.filter((a: { code: string }) => a.code !== '1.2').map((a: { code: string }) => (a.code === '2.1' ? { ...a, durationDays: 45 } : a)) };
    const v = await t.http().post(`/api/v1/programs/${P}/versions`).set(auth).send({ label: 'Borrador para consulta', issuedOn: '2024-08-06', document: draft }).expect(201);
    await t.http().post(`/api/v1/programs/${P}/versions`).set(auth).send({ label: 'Aprobado', issuedOn: '2024-11-19' }).expect(201);
    roundTitle = 'Consulta pública del borrador';
    const round = await t.http().post(`/api/v1/programs/${P}/versions/${v.body.id}/consultation-rounds`).set(auth).send({ title: roundTitle, opensOn: '2024-08-12', closesOn: '2024-09-13' }).expect(201);
    for (const c of [
      { originBody: 'Organismo garante de Oaxaca', type: 'form', text: 'Homologar «datos abiertos» en todo el texto.', attended: true },
      { originBody: 'Colectivo de datos abiertos', type: 'substance', text: 'Ampliar el plazo de la actividad 2.1.', activityCode: '2.1', attended: true, response: 'Se amplía a 60 días.' },
    ]) {
      await t.http().post(`/api/v1/programs/${P}/consultation-rounds/${round.body.id}/comments`).set(auth).send(c).expect(201);
    }
  });
  afterEach(async (ctx) => {
    await h.checkPages(ctx.task.result?.state === 'fail' ? ctx.task.name : undefined);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the commission reads the changes from the draft and the consultation’s figures; the coordination records a comment', async () => {
    const reviewer = await h.t.users.create({ role: 'reviewer', name: 'Comisión revisora' });
    const rp = await h.newPage();
    await h.login(rp, reviewer.email);
    await rp.page.getByRole('link', { name: 'Versiones y consulta' }).click();
    await eventually(() => rp.page.getByTestId('versions-table').locator('tbody tr').count()).toBe(2);
    const diff = rp.page.getByTestId('version-diff');
    await eventually(() => textOf(diff.getByTestId('diff-added'))).toContain('1.2 Actividad 1.2 (fase 1)');
    expect(await textOf(diff.getByTestId('diff-changed'))).toContain('Duración (días): 45 → 60');
    const round = rp.page.getByTestId('consultation-round');
    expect(await textOf(round.locator('h2'))).toBe(roundTitle);
    expect(await textOf(round.getByTestId('consultation-comments'))).toContain('2');
    expect(await textOf(round.getByTestId('consultation-attended'))).toContain('100 %');
    expect(await round.getByRole('button', { name: 'Registrar comentario' }).count()).toBe(0);

    const coordinator = await h.t.users.create({ role: 'coordinator', name: 'Coordinación nacional' });
    const cp = await h.newPage();
    cp.expectHttpErrors(400); // the comment not attended without its answer
    await h.login(cp, coordinator.email);
    await cp.page.goto(`${h.baseUrl}/programas/${P}/versiones`);
    const panel = cp.page.getByTestId('consultation-round');
    await panel.locator('summary', { hasText: /^Comentarios$/ }).click();
    await eventually(() => panel.getByTestId('consultation-comments-table').locator('tbody tr').count()).toBe(2);
    const form = panel.getByRole('form', { name: 'Registrar un comentario' });
    await form.getByLabel(/^Origen/).fill('Universidad Veracruzana');
    await form.getByLabel(/^Tipo/).selectOption('substance');
    await form.getByLabel(/^Comentario/).fill('Incluir a los municipios desde la primera fase.');
    await form.getByLabel(/^¿Se atendió\?/).selectOption('false');
    await form.getByRole('button', { name: 'Registrar comentario' }).click();
    await eventually(() => textOf(form)).toContain('Un comentario no atendido necesita su respuesta');
    await form.getByLabel(/^Respuesta/).fill('Ya considerado: los municipios se suman en la fase 2.');
    await form.getByRole('button', { name: 'Registrar comentario' }).click();
    await eventually(() => textOf(panel.getByTestId('consultation-comments'))).toContain('3');
    expect(await textOf(panel.getByTestId('consultation-substance'))).toContain('2');
    expect(await textOf(panel.getByTestId('consultation-attended'))).toContain('66.7 %');
    await panel.getByLabel('Atención').selectOption('false');
    await eventually(() => panel.getByTestId('consultation-comments-table').locator('tbody tr').count()).toBe(1);
    expect(await textOf(panel.getByTestId('consultation-comments-table'))).toContain('Ya considerado: los municipios se suman en la fase 2.');
    await h.screenshot(cp, 'consultation', { locator: cp.page.locator('main') });

    // Many comments come in a sheet: the dry run first, then the import; the figures follow.
    await panel.getByLabel('Atención').selectOption('');
    const [csv] = await Promise.all([cp.page.waitForEvent('download'), panel.getByRole('button', { name: /CSV/ }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^comentarios-.*\.csv$/);
    const box = panel.getByTestId('consultation-comments-import');
    await box.locator('summary').click();
    await panel.getByLabel('Archivo de comentarios').setInputFiles({ name: 'comentarios.csv', mimeType: 'text/csv', buffer: Buffer.from('Origen,Tipo,Comentario,Actividad,Atendido,Respuesta\nCámara empresarial,Fondo,Publicar los datos de compras.,2.1,Sí,Se incluye en 2.1\nUniversidad pública,Forma,Corregir la numeración.,,No,Ya considerado\n') });
    await box.getByRole('button', { name: 'Revisar archivo' }).click();
    await eventually(() => textOf(box.getByTestId('import-preview').locator('.summary'))).toBe('2 filas: 2 comentarios nuevos, 0 ya registrados.');
    expect(await textOf(panel.getByTestId('consultation-comments'))).toContain('3'); // the dry run wrote nothing
    await box.getByRole('button', { name: 'Importar 2 comentarios nuevos' }).click();
    await eventually(() => textOf(box)).toContain('Se importó el archivo: 2 comentarios nuevos.');
    await eventually(() => textOf(cp.page.getByTestId('consultation-round').getByTestId('consultation-comments'))).toContain('5');
  });
});
