import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

describe('HTTP edge: health, errors, security headers, docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RUMBO_BODY_LIMIT: '2kb' });
  });
  afterAll(() => t.close());

  it('reports health with the database up', async () => {
    const res = await t.http().get('/api/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('sets security headers and echoes a request id', async () => {
    const res = await t.http().get('/api/v1/health').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('answers malformed JSON with a 400 naming the body', async () => {
    const res = await t.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'Malformed JSON body', errors: [{ field: 'body' }] });
  });

  it('answers an oversized body with 413 in the error shape', async () => {
    const res = await t.http().post('/api/v1/auth/login').send({ email: 'a@b.mx', password: 'x'.repeat(5000) }).expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, errors: [{ field: 'body' }] });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/auth/login', '/api/v1/users']));
  });

  it('answers an unknown API route with a 404 in the error shape', async () => {
    const { auth } = await t.as('admin');
    const res = await t.http().get('/api/v1/nowhere').set(auth).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, errors: [] });
  });
});
