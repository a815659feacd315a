import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const attempt = (t: TestApp, forwardedFor?: string) => {
  const req = t.http().post('/api/v1/auth/login');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ email: 'nadie@test.mx', password: 'whatever-123' });
};

/** The login limit counts the real client: X-Forwarded-For only counts when it comes from a trusted proxy. */
describe('login limit and trusted proxies', () => {
  describe('by default (no trusted proxy)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '3' });
    });
    afterAll(() => t.close());

    it('is not defeated by rotating X-Forwarded-For, and the 429 carries a standard Retry-After', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 5; i++) statuses.push((await attempt(t, `203.0.113.${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);

      const limited = await attempt(t, '198.51.100.77');
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ statusCode: 429, errors: [] });
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      const seconds = Number(limited.headers['retry-after']);
      expect(seconds).toBeGreaterThanOrEqual(1);
      expect(seconds).toBeLessThanOrEqual(60);
      // The library's name-suffixed headers are not sent.
      expect(Object.keys(limited.headers).filter((h) => h.endsWith('-login'))).toEqual([]);
    });
  });

  describe('with RUMBO_TRUSTED_PROXIES=loopback (the test client is the proxy)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '2', RUMBO_TRUSTED_PROXIES: 'loopback' });
    });
    afterAll(() => t.close());

    it('limits each forwarded client on its own', async () => {
      expect((await attempt(t, '203.0.113.10')).status).toBe(401);
      expect((await attempt(t, '203.0.113.10')).status).toBe(401);
      const third = await attempt(t, '203.0.113.10');
      expect(third.status).toBe(429);
      expect(third.headers['retry-after']).toMatch(/^\d+$/);
      // Another client behind the same proxy still has its attempts.
      expect((await attempt(t, '203.0.113.11')).status).toBe(401);
      // The client is the address the trusted proxy saw (the right-most untrusted one), not one the client made up.
      expect((await attempt(t, '203.0.113.99, 203.0.113.10')).status).toBe(429);
    });
  });

  describe('with a trusted proxy other than the peer', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '2', RUMBO_TRUSTED_PROXIES: '10.0.0.0/8' });
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For from a peer that is not in the list', async () => {
      const statuses: number[] = [];
      for (let i = 1; i <= 3; i++) statuses.push((await attempt(t, `203.0.113.${20 + i}`)).status);
      expect(statuses).toEqual([401, 401, 429]);
    });
  });
});
