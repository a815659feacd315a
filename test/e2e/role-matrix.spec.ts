import { CALLERS, callerHeaders, type Caller } from '../../libs/testing/src/callers.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

/**
 * Each role × each route of the platform (issue 2), in one table: who is let through, who gets 403, and that an
 * anonymous caller gets 401. "own officer" is Oaxaca's officer acting on Oaxaca; "other officer" is Veracruz's
 * officer acting on Oaxaca. A call that is let through may still fail its own validation (4xx): the matrix is about access,
 * so "allowed" means neither 401 nor 403.
 */

interface RouteCase {
  name: string;
  method: 'get' | 'post' | 'patch';
  path: (ctx: Ctx) => string;
  body?: (ctx: Ctx) => object;
  allowed: Caller[];
}

interface Ctx {
  institutionId: string;
  userId: string;
}

const P = '/api/v1/programs/condatos-2024';
const everyone: Caller[] = ['admin', 'coordinator', 'reviewer', 'own officer', 'other officer'];
const ROUTES: RouteCase[] = [
  { name: 'GET /health', method: 'get', path: () => '/api/v1/health', allowed: [...everyone, 'anonymous'] },
  { name: 'GET /me', method: 'get', path: () => '/api/v1/me', allowed: everyone },
  { name: 'GET /states', method: 'get', path: () => '/api/v1/states', allowed: everyone },
  { name: 'GET /programs', method: 'get', path: () => '/api/v1/programs', allowed: everyone },
  { name: 'GET /programs/:id', method: 'get', path: () => P, allowed: everyone },
  { name: 'GET /programs/:id/export', method: 'get', path: () => `${P}/export`, allowed: ['coordinator'] },
  { name: 'POST /programs/import', method: 'post', path: () => '/api/v1/programs/import', body: () => ({}), allowed: ['coordinator'] },
  { name: 'POST /programs/:id/templates', method: 'post', path: () => `${P}/templates`, body: () => ({}), allowed: ['coordinator'] },
  { name: 'GET /programs/:id/states', method: 'get', path: () => `${P}/states`, allowed: everyone },
  { name: 'POST /programs/:id/states', method: 'post', path: () => `${P}/states`, body: () => ({ stateCode: '11', joinedOn: '2025-03-01' }), allowed: ['coordinator'] },
  { name: 'PATCH /programs/:id/states/:state (withdrawal)', method: 'patch', path: () => `${P}/states/20`, body: () => ({}), allowed: ['coordinator'] },
  { name: 'GET …/plan', method: 'get', path: () => `${P}/states/20/plan`, allowed: ['admin', 'coordinator', 'reviewer', 'own officer'] },
  { name: 'PATCH …/plan/:activity', method: 'patch', path: () => `${P}/states/20/plan/1.3`, body: () => ({ justification: 'Ajuste de calendario acordado' }), allowed: ['coordinator', 'own officer'] },
  { name: 'GET /programs/:id/replan-requests', method: 'get', path: () => `${P}/replan-requests`, allowed: everyone },
  { name: 'GET …/replan-requests (one state)', method: 'get', path: () => `${P}/states/20/replan-requests`, allowed: ['admin', 'coordinator', 'reviewer', 'own officer'] },
  { name: 'POST /programs/:id/replan-requests/:id/decision', method: 'post', path: () => `${P}/replan-requests/00000000-0000-4000-8000-000000000000/decision`, body: () => ({}), allowed: ['coordinator'] },
  { name: 'GET …/institutions', method: 'get', path: () => `${P}/states/20/institutions`, allowed: ['admin', 'coordinator', 'reviewer', 'own officer'] },
  { name: 'POST …/institutions', method: 'post', path: () => `${P}/states/20/institutions`, body: () => ({}), allowed: ['coordinator', 'own officer'] },
  { name: 'PATCH …/institutions/:id', method: 'patch', path: (c) => `${P}/states/20/institutions/${c.institutionId}`, body: () => ({}), allowed: ['coordinator', 'own officer'] },
  { name: 'GET /users', method: 'get', path: () => '/api/v1/users', allowed: ['admin'] },
  { name: 'POST /users', method: 'post', path: () => '/api/v1/users', body: () => ({}), allowed: ['admin'] },
  { name: 'PATCH /users/:id', method: 'patch', path: (c) => `/api/v1/users/${c.userId}`, body: () => ({}), allowed: ['admin'] },
  { name: 'GET /programs/:id/email-messages', method: 'get', path: () => `${P}/email-messages`, allowed: ['admin', 'coordinator'] },
  { name: 'GET /me/mentions', method: 'get', path: () => '/api/v1/me/mentions', allowed: everyone },
  { name: 'POST /programs/:id/comments', method: 'post', path: () => `${P}/comments`, body: () => ({}), allowed: ['coordinator', 'reviewer', 'own officer', 'other officer'] },
  { name: 'GET /programs/:id/pipeline', method: 'get', path: () => `${P}/pipeline`, allowed: everyone },
  { name: 'GET /programs/:id/pipeline/funnel', method: 'get', path: () => `${P}/pipeline/funnel`, allowed: everyone },
  { name: 'POST …/pipeline/:state/transitions (interested)', method: 'post', path: () => `${P}/pipeline/20/transitions`, body: () => ({ to: 'interested' }), allowed: ['coordinator', 'own officer'] },
  { name: 'POST …/pipeline/:state/transitions (convened)', method: 'post', path: () => `${P}/pipeline/20/transitions`, body: () => ({ to: 'convened', on: '2025-03-01' }), allowed: ['coordinator'] },
  { name: 'GET …/pipeline/:state/sessions', method: 'get', path: () => `${P}/pipeline/20/sessions`, allowed: ['admin', 'coordinator', 'reviewer', 'own officer'] },
  { name: 'POST …/pipeline/:state/sessions', method: 'post', path: () => `${P}/pipeline/20/sessions`, body: () => ({}), allowed: ['coordinator'] },
  { name: 'GET /programs/:id/versions', method: 'get', path: () => `${P}/versions`, allowed: everyone },
  { name: 'POST /programs/:id/versions', method: 'post', path: () => `${P}/versions`, body: () => ({}), allowed: ['coordinator'] },
  { name: 'GET /programs/:id/consultation-rounds', method: 'get', path: () => `${P}/consultation-rounds`, allowed: everyone },
  { name: 'POST …/versions/:id/consultation-rounds', method: 'post', path: () => `${P}/versions/00000000-0000-4000-8000-000000000000/consultation-rounds`, body: () => ({}), allowed: ['coordinator'] },
  { name: 'POST …/consultation-rounds/:id/comments', method: 'post', path: () => `${P}/consultation-rounds/00000000-0000-4000-8000-000000000000/comments`, body: () => ({}), allowed: ['coordinator'] },
  { name: 'POST …/consultation-rounds/:id/comments/import', method: 'post', path: () => `${P}/consultation-rounds/00000000-0000-4000-8000-000000000000/comments/import`, body: () => ({}), allowed: ['coordinator'] },
  { name: 'GET …/consultation-rounds/:id/comments/export', method: 'get', path: () => `${P}/consultation-rounds/00000000-0000-4000-8000-000000000000/comments/export?format=csv`, allowed: everyone },
  { name: 'GET /audit-events', method: 'get', path: () => '/api/v1/audit-events', allowed: ['admin', 'coordinator', 'reviewer'] },
];

describe('role matrix of the platform routes', () => {
  let t: TestApp;
  let ctx: Ctx;
  const headers = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    t = await createTestApp();
    const program = await t.dataSource.query(`SELECT id FROM program WHERE code = 'condatos-2024'`);
    const { participation } = await t.programs.enrol(program[0].id, '20', '2025-01-15');
    await t.programs.enrol(program[0].id, '30', '2025-01-15');
    const institution = await t.programs.institution(participation.id, { joinedOn: '2025-06-01' });
    const someone = await t.users.create({ role: 'reviewer' });
    ctx = { institutionId: institution.id, userId: someone.id };
    for (const caller of CALLERS) headers.set(caller, await callerHeaders(t, caller, { own: '20', other: '30' }));
  });
  afterAll(() => t.close());

  const cases = ROUTES.flatMap((route) => CALLERS.map((caller) => ({ route, caller })));
  it.each(cases.map((c) => [c.route.name, c.caller, c] as const))('%s as %s', async (_name, caller, { route }) => {
    let req = t.http()[route.method](route.path(ctx)).set(headers.get(caller)!);
    if (route.body) req = req.send(route.body(ctx));
    const res = await req;
    expect(res.status).toBeLessThan(500);
    if (route.allowed.includes(caller)) {
      expect([401, 403]).not.toContain(res.status);
    } else if (caller === 'anonymous') {
      expect(res.status).toBe(401);
    } else {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, errors: [] });
    }
  });
});
