import type { Test } from 'supertest';
import { DemoDataService } from '../../libs/core/src/demo/demo-data.service.js';
import type { Role } from '../../libs/platform/src/auth/roles.js';
import { operationsOf, resolve, type OpenApiDocument, type OperationRef } from '../../libs/testing/src/openapi/openapi-types.js';
import { generateRequests, validValue, type GeneratedRequest } from '../../libs/testing/src/openapi/request-generator.js';
import { ResponseValidator } from '../../libs/testing/src/openapi/response-validator.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/**
 * The OpenAPI document is the contract. For every operation it describes, requests generated from the
 * document alone (a valid one, and one per documented rule broken) are sent to the real app on the demo
 * data; the run fails on any 5xx, any status the operation does not document, any body that does not
 * match the documented schema (strictly: no undocumented fields), and any invalid request accepted.
 */
const PROGRAM = 'condatos-2024';
const ROLE_PREFERENCE: Role[] = ['coordinator', 'admin', 'state_officer', 'reviewer'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

// Writes whose valid request is refused by a business rule on purpose, with the reason. Everything else
// generated as valid must succeed: the document's examples are meant to be true.
const REFUSED_BY_DESIGN: Record<string, string> = {};

describe('OpenAPI contract', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let validator: ResponseValidator;
  const context: Record<string, string> = { programId: PROGRAM };
  // Values a real client would take from earlier answers (the document cannot know which records exist).
  let bodyOverrides: Record<string, Record<string, unknown>> = {};
  let queryOverrides: Record<string, Record<string, unknown>> = {};
  let pathOverrides: Record<string, Record<string, string>> = {};
  const failures: string[] = [];
  let sent = 0;

  beforeAll(async () => {
    t = await createTestApp({ RUMBO_LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    t.clock.set('2026-11-26');
    await t.app.get(DemoDataService).seedIfEmpty();
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
    validator = new ResponseValidator(doc);
    await collectFixtureIds();
  }, 180_000);
  afterAll(() => t?.close());

  async function collectFixtureIds(): Promise<void> {
    const coord = (await t.as('coordinator')).auth;
    const get = async (url: string, auth = coord) => (await t.http().get(`/api/v1${url}`).set(auth).expect(200)).body;
    const participations: Array<{ stateCode: string; exitedOn: string | null }> = await get(`/programs/${PROGRAM}/states`);
    const STATE = participations.find((p) => p.exitedOn === null)!.stateCode;
    context.stateCode = STATE;
    const participating = new Set(participations.map((p) => p.stateCode));
    // States in neither the program nor its convocatoria: one joins directly, one is added as candidate.
    const [freeState, newCandidate] = ['01', '02', '03', '04', '05', '06'].filter((c) => !participating.has(c));
    const plan: { items: Array<{ included: boolean; activityCode: string; level: string }> } = await get(`/programs/${PROGRAM}/states/${STATE}/plan`);
    context.activityCode = plan.items.find((i) => i.included)!.activityCode;
    // The report example's metric (conjuntos_publicados) belongs to 4.4 of the model program.
    const institutionActivity = plan.items.find((i) => i.included && i.activityCode === '4.4')?.activityCode ?? plan.items.find((i) => i.included && i.level === 'institution')!.activityCode;
    // Two institutions active today: one the PATCH example may end, one the report example names.
    const institutions: Array<{ id: string; exitedOn: string | null }> = await get(`/programs/${PROGRAM}/states/${STATE}/institutions`);
    const [patched, reported] = institutions.filter((i) => i.exitedOn === null);
    context.institutionId = patched.id;
    context.reportId = (await get(`/programs/${PROGRAM}/states/${STATE}/reports?reviewState=submitted`)).items[0].id;
    const rounds: Array<{ code: string; status: string }> = (await get(`/programs/${PROGRAM}/states/${STATE}/reporting-rounds`)).rounds;
    context.roundCode = rounds.find((r) => r.status === 'pending' || r.status === 'overdue')?.code ?? rounds[0].code;
    context.indicatorCode = (await get(`/programs/${PROGRAM}/indicators`)).indicators[0].code;
    const upload = await t.http().post(`/api/v1/programs/${PROGRAM}/states/${STATE}/files`).set(coord).attach('file', PDF, 'acta.pdf').expect(201);
    context.fileId = upload.body.id;
    context.userId = (await t.users.create({ role: 'reviewer' })).id;
    const reviewer = (await t.as('reviewer')).auth;
    const round = await t.http().post(`/api/v1/programs/${PROGRAM}/review-rounds`).set(reviewer).send({ title: 'Ronda abierta de la prueba de contrato', asOf: '2026-10-31' }).expect(201);
    context.code = round.body.code;
    // The demo leaves one re-plan request waiting for the coordination: the decision's example approves it.
    context.requestId = (await get(`/programs/${PROGRAM}/replan-requests?status=pending`)).items[0].id;
    const programDocument = await get(`/programs/${PROGRAM}/export`);
    bodyOverrides = {
      'POST /api/v1/programs/import': { ...programDocument, code: 'programa-del-contrato', status: 'draft' },
      'POST /api/v1/programs/{programId}/states': { stateCode: freeState },
      'POST /api/v1/programs/{programId}/reporting-rounds': { code: 'CONTRATO-1' },
      'POST /api/v1/programs/{programId}/review-rounds': { code: 'CONTRATO-RR-1' },
      'POST /api/v1/users': { email: 'persona.del.contrato@example.org', role: 'state_officer' },
      'POST /api/v1/programs/{programId}/states/{stateCode}/institutions': { name: 'Instituto Registrado por la Prueba de Contrato', joinedOn: '2026-11-02' },
      'POST /api/v1/programs/{programId}/states/{stateCode}/reports': { activityCode: institutionActivity, institutionId: reported.id, reportedOn: '2026-11-20' },
      'POST /api/v1/programs/{programId}/comments': { subjectType: 'report', subjectId: context.reportId, body: 'Comentario de la prueba de contrato' },
    };
    queryOverrides = { 'GET /api/v1/programs/{programId}/comments': { subjectType: 'report', subjectId: context.reportId } };
    // The demo keeps the program's draft and approved versions, and the consultation on the draft.
    const versions: Array<{ id: string }> = await get(`/programs/${PROGRAM}/versions`);
    context.versionId = versions[0].id;
    context.roundId = (await get(`/programs/${PROGRAM}/consultation-rounds`))[0].id;
    queryOverrides['GET /api/v1/programs/{programId}/versions/diff'] = { from: versions[0].id, to: versions[1].id };
    bodyOverrides['POST /api/v1/programs/{programId}/versions'] = { label: 'Versión de la prueba de contrato', document: undefined };
    // The convocatoria's steps need a state still on its way in (the demo's participating states have joined).
    const pipeline: Array<{ stateCode: string; stage: string }> = await get(`/programs/${PROGRAM}/pipeline`);
    const prospect = pipeline.find((e) => e.stage === 'candidate')!.stateCode;
    const manifiesto = await t.http().post(`/api/v1/programs/${PROGRAM}/pipeline/${prospect}/files`).set(coord).attach('file', PDF, 'manifiesto.pdf').expect(201);
    for (const op of ['transitions', 'sessions', 'files']) {
      for (const method of ['GET', 'POST']) pathOverrides[`${method} /api/v1/programs/{programId}/pipeline/{stateCode}/${op}`] = { stateCode: prospect };
    }
    bodyOverrides['POST /api/v1/programs/{programId}/pipeline/{stateCode}/transitions'] = { to: 'interested', on: '2026-11-20', fileId: manifiesto.body.id, joinedOn: undefined, reason: undefined };
    bodyOverrides['PUT /api/v1/programs/{programId}/pipeline'] = { stateCode: newCandidate };
  }

  async function callerFor(ref: OperationRef): Promise<Record<string, string>> {
    if (!ref.op.security?.length) return {};
    const allowed = ref.op['x-roles'] ?? [];
    const role = ROLE_PREFERENCE.find((r) => allowed.includes(r));
    if (!role) throw new Error(`${label(ref)} documents no x-roles`);
    return (await t.as(role, role === 'state_officer' ? context.stateCode : undefined)).auth;
  }

  function send(ref: OperationRef, req: GeneratedRequest, auth: Record<string, string>): Test {
    const url = '/api/v1' + ref.path.replace('/api/v1', '').replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(req.path[name]));
    let r = (t.http() as unknown as Record<string, (u: string) => Test>)[ref.method](url).set(auth).query(req.query as Record<string, string>);
    const content = ref.op.requestBody?.content ?? {};
    if (content['multipart/form-data']) {
      const body = (req.body ?? {}) as Record<string, unknown>;
      return typeof body.file === 'string' ? r.attach('file', PDF, 'acta.pdf') : r.field('otro', 'x');
    }
    if (req.body !== undefined) r = r.send(req.body as object);
    return r;
  }

  /** Status documented, body true to its schema; returns the status. */
  function checkResponse(ref: OperationRef, what: string, res: { status: number; body: unknown; headers: Record<string, string> }): number {
    sent++;
    const documented = ref.op.responses[String(res.status)];
    const where = `${label(ref)} [${what}] → ${res.status}`;
    if (res.status >= 500) failures.push(`${where}: server error ${JSON.stringify(res.body).slice(0, 200)}`);
    if (!documented) {
      failures.push(`${where}: status not documented (documents ${Object.keys(ref.op.responses).join(', ')}) ${JSON.stringify(res.body).slice(0, 200)}`);
      return res.status;
    }
    const type = (res.headers['content-type'] ?? '').split(';')[0];
    const content = documented.content ?? {};
    if (!Object.keys(content).length) {
      // A status documented without content must answer without a body: a body needs its schema.
      const hasBody = res.body !== undefined && res.body !== '' && !(typeof res.body === 'object' && res.body !== null && !Array.isArray(res.body) && Object.keys(res.body).length === 0 && !type);
      if (hasBody) failures.push(`${where}: answers a ${type || 'body'} but documents no content`);
      return res.status;
    }
    if (!content[type] && !content['*/*']) {
      failures.push(`${where}: content type ${type || '(none)'} not documented (${Object.keys(content).join(', ')})`);
      return res.status;
    }
    const schema = (content[type] ?? content['*/*']).schema;
    if (type === 'application/json' && schema) {
      const error = validator.check(schema, res.body);
      if (error) failures.push(`${where}: body does not match the schema: ${error.slice(0, 600)}`);
    }
    return res.status;
  }

  /** What a real client would put in the body from earlier answers: existing ids, codes not yet taken. */
  function bodyValuesFor(ref: OperationRef): Record<string, unknown> {
    const schema = ref.op.requestBody?.content['application/json']?.schema;
    const props = schema ? resolve(doc, schema).properties ?? {} : {};
    const values: Record<string, unknown> = {};
    for (const key of ['institutionId', 'activityCode', 'fileId', 'stateCode']) if (key in props) values[key] = context[key];
    const example = schema ? (validValue(doc, schema) as Record<string, unknown>) : {};
    if (Array.isArray(example.evidence)) values.evidence = example.evidence.map((e: Record<string, unknown>) => ('fileId' in e ? { ...e, fileId: context.fileId } : e));
    return { ...values, ...bodyOverrides[label(ref)] };
  }

  async function exercise(ref: OperationRef): Promise<void> {
    const auth = await callerFor(ref);
    const { valid, invalid } = generateRequests(doc, ref.op, { ...context, ...pathOverrides[label(ref)] }, bodyValuesFor(ref), queryOverrides[label(ref)]);
    if (ref.op.security?.length) {
      const status = checkResponse(ref, 'no token', await send(ref, valid, {}));
      if (status !== 401) failures.push(`${label(ref)} [no token] → ${status}: expected 401`);
    }
    for (const req of invalid) {
      const status = checkResponse(ref, req.breaks, await send(ref, req, auth));
      if (status < 400) failures.push(`${label(ref)} [${req.breaks}] → ${status}: an invalid request was accepted`);
    }
    const res = await send(ref, valid, auth);
    const status = checkResponse(ref, 'valid', res);
    const refusal = REFUSED_BY_DESIGN[label(ref)];
    if (status >= 400 && !refusal) failures.push(`${label(ref)} [valid] → ${status}: a request valid by the document was refused: ${JSON.stringify(res.body).slice(0, 300)} for ${JSON.stringify(valid.body)?.slice(0, 300)}`);
  }

  it('answers every operation of the document as documented', async () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(50);
    // Reads first, then writes; last the two that end things other writes need: closing the review round
    // (findings go to an open one) and changing the participation (its example withdraws the state).
    const last = ['POST /api/v1/programs/{programId}/review-rounds/{code}/close', 'PATCH /api/v1/programs/{programId}/states/{stateCode}'];
    const rank = (r: OperationRef) => (r.method === 'get' ? 0 : last.includes(label(r)) ? 2 : 1);
    for (const ref of [...ops].sort((a, b) => rank(a) - rank(b))) await exercise(ref);
    expect(sent).toBeGreaterThan(ops.length * 3);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);
});

const label = (r: OperationRef) => `${r.method.toUpperCase()} ${r.path}`;
