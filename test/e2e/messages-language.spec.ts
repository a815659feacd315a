import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/** Errors in the caller's language: es-MX when Accept-Language prefers Spanish, English otherwise; same shape. */
describe('error messages by Accept-Language', () => {
  let t: TestApp;
  let program: string;
  beforeAll(async () => {
    t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '2' });
    t.clock.set('2025-03-01');
    const fx = await t.programs.program();
    program = fx.program.code;
    await t.programs.enrol(fx.program.id, '20', '2025-01-01');
  });
  afterAll(() => t.close());

  const badReport = async (language?: string) => {
    const { auth } = await t.as('coordinator');
    const req = t.http().post(`/api/v1/programs/${program}/states/20/reports`).set(auth);
    if (language) req.set('Accept-Language', language);
    return req.send({ activityCode: '1.1', status: 'completed', percent: 140, reportedOn: '2025-02-30', extra: 1 }).expect(400);
  };

  it('answers the same field errors in Spanish and in English', async () => {
    const es = (await badReport('es-MX,es;q=0.9,en;q=0.5')).body;
    const en = (await badReport()).body;
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    expect(es.errors.map((e: { field: string }) => e.field)).toEqual(en.errors.map((e: { field: string }) => e.field));
    expect(en.message).toBe('Validation failed');
    expect(es.message).toBe('La solicitud tiene datos no válidos');
    expect(es.errors).toEqual(expect.arrayContaining([
      { field: 'extra', message: 'la propiedad extra no está permitida' },
      { field: 'percent', message: 'percent no debe ser mayor que 100' },
      { field: 'reportedOn', message: 'Escriba una fecha válida (AAAA-MM-DD) en reportedOn.' },
    ]));
    expect(en.errors).toEqual(expect.arrayContaining([{ field: 'percent', message: 'percent must not be greater than 100' }]));
  });

  it('translates 401, 403, 404, 409 and malformed bodies', async () => {
    const es = { 'Accept-Language': 'es-MX' };
    expect((await t.http().get('/api/v1/me').set(es).expect(401)).body.message).toBe('Inicie sesión primero: falta el token de acceso');
    const officer = (await t.as('state_officer', '07')).auth;
    expect((await t.http().get(`/api/v1/programs/${program}/states/20/reports`).set({ ...officer, ...es }).expect(403)).body.message).toBe('No puede consultar registros de esta entidad');
    const coord = (await t.as('coordinator')).auth;
    expect((await t.http().get('/api/v1/programs/no-existe').set({ ...coord, ...es }).expect(404)).body.message).toBe('No se encontró el programa no-existe');
    expect((await t.http().post(`/api/v1/programs/${program}/states`).set({ ...coord, ...es }).send({ stateCode: '20', joinedOn: '2025-01-01' }).expect(409)).body.message).toBe(`La entidad 20 ya participa en el programa ${program}.`);
    const malformed = await t.http().post('/api/v1/auth/login').set({ ...es, 'Content-Type': 'application/json' }).send('{"email":').expect(400);
    expect(malformed.body).toMatchObject({ message: 'El cuerpo de la solicitud no es JSON válido', errors: [{ field: 'body', message: 'el cuerpo no es JSON válido' }] });
  });

  it('translates the login limit', async () => {
    const es = { 'Accept-Language': 'es' };
    for (let i = 0; i < 2; i++) await t.http().post('/api/v1/auth/login').set(es).send({ email: 'nadie@example.org', password: 'una-clave-cualquiera' }).expect(401);
    const limited = await t.http().post('/api/v1/auth/login').set(es).send({ email: 'nadie@example.org', password: 'una-clave-cualquiera' }).expect(429);
    expect(limited.body.message).toBe('Demasiados intentos; espere un momento antes de volver a intentar');
  });
});
