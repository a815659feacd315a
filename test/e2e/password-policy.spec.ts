import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

describe('Password policy on POST /users and PATCH /users/:userId', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const userCount = async () => ((await t.dataSource.query('SELECT count(*)::int AS n FROM app_user'))[0] as { n: number }).n;
  const base = { email: 'nueva.enlace@test.mx', name: 'Nueva', role: 'reviewer' };

  it.each([
    ['ten spaces', ' '.repeat(10), 'password must not be blank'],
    ['the email', 'nueva.enlace@test.mx', 'password must not be the email address or contain its user name'],
    ['the user name inside', 'nueva.enlace-2025', 'password must not be the email address or contain its user name'],
    ['a common password', 'password123', 'password is too common; choose another one'],
    ['one character repeated', 'zzzzzzzzzzzz', 'password must not be one character repeated'],
    ['too short', 'corta', 'password must be at least 10 characters long'],
  ])('POST refuses %s with a field message and creates nobody', async (_, password, message) => {
    const admin = await t.as('admin');
    const before = await userCount();
    const res = await t.http().post('/api/v1/users').set(admin.auth).send({ ...base, password });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ field: 'password', message });
    expect(await userCount()).toBe(before);
  });

  it('POST refuses a blank name', async () => {
    const admin = await t.as('admin');
    const res = await t.http().post('/api/v1/users').set(admin.auth).send({ ...base, name: '   ', password: 'una clave larga' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'name', message: 'name must not be blank' }]);
  });

  it('PATCH checks the new password against the account email and keeps the old one on refusal', async () => {
    const admin = await t.as('admin');
    const created = await t.http().post('/api/v1/users').set(admin.auth).send({ ...base, email: 'mario.lopez@test.mx', password: 'una clave larga' }).expect(201);
    const patch = (password: string) => t.http().patch(`/api/v1/users/${created.body.id}`).set(admin.auth).send({ password });
    const refused = await patch('mario.lopez-nueva');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'password', message: 'password must not be the email address or contain its user name' }]);
    expect((await patch(' '.repeat(12))).status).toBe(400);
    await t.http().post('/api/v1/auth/login').send({ email: 'mario.lopez@test.mx', password: 'una clave larga' }).expect(200);
    await patch('otra clave más larga').expect(200);
    await t.http().post('/api/v1/auth/login').send({ email: 'mario.lopez@test.mx', password: 'otra clave más larga' }).expect(200);
  });
});
