import { AuditEvent } from '../../libs/core/src/audit/audit-event.entity.js';
import { User } from '../../libs/core/src/users/user.entity.js';
import { TEST_PASSWORD } from '../../libs/testing/src/factories/user.factory.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

describe('accounts: login, /me, users (admin), audit listing', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The tests below give some logins addresses of their own with X-Forwarded-For, so the test client (loopback)
    // is a trusted proxy here; by default the header is ignored (login-limit.spec.ts).
    t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '5', RUMBO_TRUSTED_PROXIES: 'loopback' });
  });
  afterAll(() => t.close());

  it('logs in with the right password and returns a token that works on /me', async () => {
    const u = await t.users.create({ role: 'state_officer', stateCode: '20', email: 'Enlace.Oaxaca@Test.mx' });
    const res = await t.http().post('/api/v1/auth/login').send({ email: 'enlace.oaxaca@test.mx', password: TEST_PASSWORD }).expect(200);
    expect(res.body.user).toMatchObject({ id: u.id, role: 'state_officer', stateCode: '20' });
    expect(res.body.user.passwordHash).toBeUndefined();
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body.email).toBe('enlace.oaxaca@test.mx');
  });

  it('refuses a wrong password, an unknown email and an inactive user alike (401)', async () => {
    await t.users.create({ email: 'inactive@test.mx', active: false });
    for (const body of [
      { email: 'enlace.oaxaca@test.mx', password: 'wrong-password' },
      { email: 'nobody@test.mx', password: TEST_PASSWORD },
      { email: 'inactive@test.mx', password: TEST_PASSWORD },
    ]) {
      const res = await t.http().post('/api/v1/auth/login').set('X-Forwarded-For', '10.0.0.1').send(body).expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, message: 'Wrong email or password' });
    }
  });

  it('rate-limits login attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await t.http().post('/api/v1/auth/login').send({ email: 'x@test.mx', password: 'whatever-123' })).status);
    }
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses).toContain(429);
  });

  it('rejects missing, malformed and forged tokens with 401', async () => {
    await t.http().get('/api/v1/me').expect(401);
    await t.http().get('/api/v1/me').set('Authorization', 'Bearer not.a.token').expect(401);
    await t.http().get('/api/v1/me').set('Authorization', 'Basic abc').expect(401);
  });

  it('stops accepting the token of a user deactivated after sign-in', async () => {
    const officer = await t.as('state_officer', '11');
    await t.http().get('/api/v1/me').set(officer.auth).expect(200);
    await t.dataSource.getRepository(User).update({ id: officer.user.id }, { active: false });
    await t.http().get('/api/v1/me').set(officer.auth).expect(401);
  });

  describe('users (admin only)', () => {
    it.each([
      ['coordinator', 403],
      ['reviewer', 403],
      ['state_officer', 403],
    ] as const)('%s may not list users (%i)', async (role, status) => {
      const { auth } = await t.as(role, role === 'state_officer' ? '20' : undefined);
      await t.http().get('/api/v1/users').set(auth).expect(status);
    });

    it('admin creates a state officer bound to a state, audited without the password', async () => {
      const admin = await t.as('admin');
      const res = await t.http().post('/api/v1/users').set(admin.auth).send({ email: 'nuevo@test.mx', password: 'una-clave-larga', name: 'Nuevo', role: 'state_officer', stateCode: '30' }).expect(201);
      expect(res.body).toMatchObject({ email: 'nuevo@test.mx', role: 'state_officer', stateCode: '30', active: true });
      const events = await t.dataSource.getRepository(AuditEvent).findBy({ entityType: 'user', entityId: res.body.id });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ action: 'user.create', actorId: admin.user.id });
      expect(JSON.stringify(events[0])).not.toContain('una-clave-larga');
      await t.http().post('/api/v1/auth/login').send({ email: 'nuevo@test.mx', password: 'una-clave-larga' }).set('X-Forwarded-For', '10.0.0.2').expect((r) => expect([200, 429]).toContain(r.status));
    });

    it.each([
      [{ email: 'a@test.mx', password: 'una-clave-larga', name: 'A', role: 'state_officer' }, 'stateCode'],
      [{ email: 'a@test.mx', password: 'una-clave-larga', name: 'A', role: 'coordinator', stateCode: '20' }, 'stateCode'],
      [{ email: 'a@test.mx', password: 'una-clave-larga', name: 'A', role: 'state_officer', stateCode: '99' }, 'stateCode'],
      [{ email: 'not-an-email', password: 'una-clave-larga', name: 'A', role: 'admin' }, 'email'],
      [{ email: 'a@test.mx', password: 'short', name: 'A', role: 'admin' }, 'password'],
      [{ email: 'a@test.mx', password: 'una-clave-larga', name: 'A', role: 'superuser' }, 'role'],
      [{ email: 'a@test.mx', password: 'una-clave-larga', name: 'A', role: 'admin', isRoot: true }, 'isRoot'],
    ])('rejects a bad user %j on field %s, creating nothing', async (body, field) => {
      const admin = await t.as('admin');
      const before = await t.dataSource.getRepository(User).count();
      const res = await t.http().post('/api/v1/users').set(admin.auth).send(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.dataSource.getRepository(User).count()).toBe(before);
    });

    it('409 on a duplicate email, whatever its case', async () => {
      const admin = await t.as('admin');
      await t.http().post('/api/v1/users').set(admin.auth).send({ email: 'dup@test.mx', password: 'una-clave-larga', name: 'A', role: 'reviewer' }).expect(201);
      await t.http().post('/api/v1/users').set(admin.auth).send({ email: 'DUP@test.mx', password: 'una-clave-larga', name: 'B', role: 'reviewer' }).expect(409);
    });

    it('admin changes a role and deactivates a user; 400 on a bad id; 404 on an unknown one', async () => {
      const admin = await t.as('admin');
      const target = await t.users.create({ role: 'reviewer' });
      const res = await t.http().patch(`/api/v1/users/${target.id}`).set(admin.auth).send({ role: 'state_officer', stateCode: '04', active: false }).expect(200);
      expect(res.body).toMatchObject({ role: 'state_officer', stateCode: '04', active: false });
      const bad = await t.http().patch('/api/v1/users/not-a-uuid').set(admin.auth).send({ name: 'x' }).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'userId', message: 'userId must be a UUID' }]);
      await t.http().patch('/api/v1/users/00000000-0000-4000-8000-000000000000').set(admin.auth).send({ name: 'x' }).expect(404);
      await t.http().patch(`/api/v1/users/${admin.user.id}`).set(admin.auth).send({ active: false }).expect(409);
    });
  });

  describe('audit listing', () => {
    it('coordinators and reviewers list audit events with filters; officers may not', async () => {
      const coordinator = await t.as('coordinator');
      const res = await t.http().get('/api/v1/audit-events').query({ entityType: 'user', action: 'user.create', limit: 5 }).set(coordinator.auth).expect(200);
      expect(res.body.total).toBeGreaterThan(0);
      expect(res.body.items.every((e: { action: string }) => e.action === 'user.create')).toBe(true);
      await t.http().get('/api/v1/audit-events').set((await t.as('reviewer')).auth).expect(200);
      await t.http().get('/api/v1/audit-events').set((await t.as('state_officer', '20')).auth).expect(403);
      const bad = await t.http().get('/api/v1/audit-events').query({ limit: 'many', from: '2025-13-01' }).set(coordinator.auth).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['limit', 'from']));
    });
  });

  it('lists the 32 states with their authority to any signed-in role, not to anonymous callers', async () => {
    await t.http().get('/api/v1/states').expect(401);
    const res = await t.http().get('/api/v1/states').set((await t.as('state_officer', '20')).auth).expect(200);
    expect(res.body).toHaveLength(32);
    expect(res.body.find((s: { code: string }) => s.code === '20')).toMatchObject({ name: 'Oaxaca', isoCode: 'MX-OAX', authority: { acronym: expect.any(String) } });
  });
});
