import type { Program } from '../../libs/core/src/programs/program.entity.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Text PostgreSQL cannot store (NUL, unpaired surrogates) is a 400 naming the field on every kind of input,
// and nothing is written. JSON bodies are sent raw so the escapes reach the server exactly as a client sent them.
describe('Text PostgreSQL cannot store', () => {
  let t: TestApp;
  let program: Program;
  const UNSTORABLE = /contains characters that cannot be stored/;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2025-12-01');
    ({ program } = await t.programs.program([{ code: '1.1', startDay: 0, durationDays: 30 }]));
    await t.programs.enrol(program.id, '20', '2025-01-15');
  });
  afterAll(() => t.close());

  async function writes() {
    const [row] = await t.dataSource.query(`SELECT (SELECT count(*) FROM report)::int AS reports, (SELECT count(*) FROM institution)::int AS institutions, (SELECT count(*) FROM audit_event)::int AS audits, (SELECT count(*) FROM stored_file)::int AS files`);
    return row as Record<string, number>;
  }

  function expectFieldError(res: { status: number; body: { errors?: { field: string; message: string }[] } }, field: string) {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors).toContainEqual({ field, message: expect.stringMatching(UNSTORABLE) });
  }

  const rawJson = (path: string, json: string, auth: Record<string, string>) => t.http().post(path).set(auth).set('Content-Type', 'application/json').send(json);
  const reportJson = (narrative: string) => `{"activityCode":"1.1","status":"in_progress","percent":10,"reportedOn":"2025-11-30","narrative":"${narrative}"}`;

  it('refuses a NUL byte or a lone surrogate in a path parameter, naming it', async () => {
    const { auth } = await t.as('coordinator');
    expectFieldError(await t.http().get('/api/v1/states/%00/authorities').set(auth), 'stateCode');
    expectFieldError(await t.http().get(`/api/v1/programs/${program.code}%00/states`).set(auth), 'programId');
    expectFieldError(await t.http().get('/api/v1/programs/x%00y').set(auth), 'programId');
    // A UUID parameter is refused by the same check before its format is.
    expectFieldError(await t.http().post('/api/v1/reports/%00/review').set(auth).send({ decision: 'accept' }), 'reportId');
  });

  it('refuses them in query strings, also in arrays and nested keys', async () => {
    const { auth } = await t.as('coordinator');
    expectFieldError(await t.http().get(`/api/v1/programs/${program.code}/progress?asOf=2025-01-01%00`).set(auth), 'asOf');
    expectFieldError(await t.http().get(`/api/v1/audit-events?action=a%00b`).set(auth), 'action');
    expectFieldError(await t.http().get(`/api/v1/audit-events?action=a&action=%00`).set(auth), 'action.1');
  });

  it('refuses them anywhere in a JSON body (strings, nested arrays, property names) and writes nothing', async () => {
    const before = await writes();
    const officer = await t.as('state_officer', '20');
    const url = `/api/v1/programs/${program.code}/states/20/reports`;
    expectFieldError(await rawJson(url, reportJson('abc\\u0000def'), officer.auth), 'narrative');
    expectFieldError(await rawJson(url, reportJson('lone \\ud800 high'), officer.auth), 'narrative');
    expectFieldError(await rawJson(url, reportJson('lone \\udc00 low'), officer.auth), 'narrative');
    const evidence = `{"activityCode":"1.1","status":"in_progress","percent":10,"reportedOn":"2025-11-30","evidence":[{"kind":"url","title":"ok","url":"https://a.mx"},{"kind":"url","title":"t\\u0000","url":"https://a.mx"}]}`;
    expectFieldError(await rawJson(url, evidence, officer.auth), 'evidence.1.title');
    const metricKey = `{"activityCode":"1.1","status":"in_progress","percent":10,"reportedOn":"2025-11-30","metrics":{"a\\u0000b":1}}`;
    const res = await rawJson(url, metricKey, officer.auth);
    expectFieldError(res, 'metrics.a\\u0000b');
    const institution = `{"name":"Secretar\\u0000ía","order":"state"}`;
    expectFieldError(await rawJson(`/api/v1/programs/${program.code}/states/20/institutions`, institution, officer.auth), 'name');
    expectFieldError(await rawJson('/api/v1/auth/login', '{"email":"a\\u0000@b.mx","password":"x"}', {}), 'email');
    expect(await writes()).toEqual(before);
  });

  it('names every offending field at once', async () => {
    const officer = await t.as('state_officer', '20');
    const json = `{"activityCode":"1.1\\u0000","status":"in_progress","percent":10,"reportedOn":"2025-11-30","narrative":"\\ud800"}`;
    const res = await rawJson(`/api/v1/programs/${program.code}/states/20/reports`, json, officer.auth);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['activityCode', 'narrative']);
  });

  it('keeps paired surrogates (emoji) and other Unicode as sent', async () => {
    const officer = await t.as('state_officer', '20');
    const narrative = 'Sesión con 20 personas 👩🏽‍💻 — “datos abiertos” ñ';
    const res = await t.http().post(`/api/v1/programs/${program.code}/states/20/reports`).set(officer.auth)
      .send({ activityCode: '1.1', status: 'in_progress', percent: 10, reportedOn: '2025-11-30', narrative });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.narrative).toBe(narrative);
  });

  it('refuses an uploaded file whose name cannot be stored', async () => {
    const before = await writes();
    const officer = await t.as('state_officer', '20');
    // RFC 5987 lets a client percent-encode any byte of the file name, NUL included; busboy decodes it.
    const boundary = 'rumbo-boundary';
    const pdf = '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''acta%00.pdf\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`;
    const res = await t.http().post(`/api/v1/programs/${program.code}/states/20/files`).set(officer.auth)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body);
    expectFieldError(res, 'file.originalname');
    expect(await writes()).toEqual(before);
  });

  it('answers malformed percent-encoding in the path with a 400 in the one error shape', async () => {
    const { auth } = await t.as('coordinator');
    for (const path of ['/api/v1/states/%ED%A0%80/authorities', '/api/v1/states/%FF/authorities', '/api/v1/programs/%E0%A4%A']) {
      const res = await t.http().get(path).set(auth);
      expect(res.status, path).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String), errors: expect.any(Array) });
    }
  });
});
