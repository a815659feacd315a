import type { ActivitySpec } from '../../libs/testing/src/factories/program.factory.js';
import { CALLERS, callerHeaders, type Caller } from '../../libs/testing/src/callers.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Issue 9.4: a state officer's re-plan that moves a due date later waits for the coordination (202, a pending
// re-plan request) and changes neither the plan nor any figure until approved; approval applies it in the same
// transaction (audited), rejection needs a reason and leaves the plan. Every figure also has its baseline twin.
//
// The program, joined on 01-01, as of 01-11 with no reports:
//   1.1  01-01 → 01-21: e = 50        1.2  01-01 → 02-10: e = 25        1.3 (optional) 01-21 → 02-10: e = 0
//   E = (50 + 25 + 0) / 3 = 25, and E₀ = E while nothing is re-planned.
const ACTIVITIES: ActivitySpec[] = [
  { code: '1.1', startDay: 0, durationDays: 20 },
  { code: '1.2', startDay: 0, durationDays: 40 },
  { code: '1.3', startDay: 20, durationDays: 20, optional: true },
];
const JOINED = '2025-01-01';
const TODAY = '2025-01-11';
const J = 'La entidad pide ampliar el plazo por el cambio de administración.';

describe('Re-plan approval: a later due date waits for the coordination', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(TODAY);
  });
  afterAll(() => t.close());

  const base = (programCode: string, stateCode = '20') => `/api/v1/programs/${programCode}/states/${stateCode}`;
  const requestsOf = (programCode: string) => `/api/v1/programs/${programCode}/replan-requests`;
  const decision = (programCode: string, id: string) => `${requestsOf(programCode)}/${id}/decision`;

  async function enrolled(...states: string[]) {
    const fixture = await t.programs.program(ACTIVITIES);
    for (const code of states.length ? states : ['20']) await t.programs.enrol(fixture.program.id, code, JOINED);
    return fixture.program;
  }

  // Each request a second after the previous one, so lists ordered by request time are deterministic.
  let seconds = 0;
  const tick = (): string => {
    const at = new Date(Date.parse(`${TODAY}T18:00:00Z`) + ++seconds * 1000).toISOString();
    t.clock.set(at);
    return at;
  };

  const officer = async (stateCode = '20') => (await t.as('state_officer', stateCode)).auth;
  const coordinator = async () => (await t.as('coordinator')).auth;

  async function item(programId: string, activityCode: string, stateCode = '20') {
    const [row] = await t.dataSource.query(
      `SELECT i.included, i.planned_start::text AS "plannedStart", i.planned_due::text AS "plannedDue", i.version
         FROM plan_item i JOIN activity a ON a.id = i.activity_id JOIN participation p ON p.id = i.participation_id
        WHERE p.program_id = $1 AND p.state_code = $2 AND a.code = $3`,
      [programId, stateCode, activityCode],
    );
    return row as { included: boolean; plannedStart: string; plannedDue: string; version: number };
  }

  async function requestRows(programId: string) {
    return t.dataSource.query(
      `SELECT rr.status, rr.requested_due::text AS "requestedDue", rr.decision_reason AS "decisionReason", rr.decided_by AS "decidedBy"
         FROM replan_request rr JOIN plan_item i ON i.id = rr.plan_item_id JOIN participation p ON p.id = i.participation_id
        WHERE p.program_id = $1 ORDER BY rr.requested_at, rr.id`,
      [programId],
    ) as Promise<Array<{ status: string; requestedDue: string; decisionReason: string | null; decidedBy: string | null }>>;
  }

  async function auditActions(programId: string) {
    return t.dataSource.query(`SELECT action, actor_id AS "actorId", justification, after FROM audit_event WHERE program_id = $1 ORDER BY id`, [programId]) as Promise<
      Array<{ action: string; actorId: string; justification: string | null; after: Record<string, unknown> }>
    >;
  }

  async function stateFigures(programCode: string, stateCode = '20') {
    return (await t.http().get(`${base(programCode, stateCode)}/progress`).set(await coordinator()).expect(200)).body;
  }

  async function requestLater(programCode: string, activityCode = '1.1', plannedDue = '2025-01-31', auth?: Record<string, string>) {
    tick();
    const res = await t.http().patch(`${base(programCode)}/plan/${activityCode}`).set(auth ?? (await officer())).send({ plannedDue, justification: J });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body as { id: string; status: string };
  }

  describe('the officer asks', () => {
    it('a later due date answers 202 with a pending request; the plan and every figure stay as they were', async () => {
      const program = await enrolled();
      const before = await stateFigures(program.code);
      expect(before).toMatchObject({ expected: 25, expectedBaseline: 25, variance: -25, varianceBaseline: -25 });

      const { auth, user } = await t.as('state_officer', '20');
      const at = tick();
      const res = await t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ plannedDue: '2025-01-31', justification: `  ${J} `, version: 1 }).expect(202);
      // No version ETag: the item did not change (express's own weak ETag of the body may be there).
      expect(res.headers.etag ?? '').not.toMatch(/^"\d+"$/);
      expect(res.body).toEqual({
        id: expect.any(String),
        status: 'pending',
        programCode: program.code,
        stateCode: '20',
        stateName: 'Oaxaca',
        planItemId: expect.any(String),
        activityCode: '1.1',
        activityName: 'Actividad 1.1',
        requestedStart: null,
        requestedDue: '2025-01-31',
        requestedIncluded: null,
        previousStart: '2025-01-01',
        previousDue: '2025-01-21',
        currentStart: '2025-01-01',
        currentDue: '2025-01-21',
        originalStart: '2025-01-01',
        originalDue: '2025-01-21',
        justification: J,
        requestedBy: { id: user.id, name: user.name },
        requestedAt: at,
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
      });
      expect(await item(program.id, '1.1')).toEqual({ included: true, plannedStart: '2025-01-01', plannedDue: '2025-01-21', version: 1 });
      expect(await stateFigures(program.code)).toEqual(before);
      const national = (await t.http().get(`/api/v1/programs/${program.code}/progress`).set(auth).expect(200)).body.national;
      expect(national).toMatchObject({ expected: 25, expectedBaseline: 25 });
      const audit = await auditActions(program.id);
      expect(audit.map((a) => a.action)).toEqual(['replan_request.create']);
      expect(audit[0]).toMatchObject({ actorId: user.id, justification: J, after: { activityCode: '1.1', requestedDue: '2025-01-31', status: 'pending' } });
    });

    it('one pending request per item: a second answers 409 with the es-MX message and writes nothing', async () => {
      const program = await enrolled();
      await requestLater(program.code);
      const second = await t.http().patch(`${base(program.code)}/plan/1.1`).set(await officer()).set('Accept-Language', 'es-MX').send({ plannedDue: '2025-02-05', justification: J }).expect(409);
      const es = 'La actividad 1.1 ya tiene una solicitud de re-planificación pendiente de aprobación de la coordinación; espere su decisión antes de pedir otra.';
      expect(second.body).toMatchObject({ statusCode: 409, message: es, errors: [{ field: 'plannedDue', message: es }] });
      expect(await requestRows(program.id)).toHaveLength(1);
      expect((await auditActions(program.id)).map((a) => a.action)).toEqual(['replan_request.create']);
      // Another item can have its own request at the same time.
      await requestLater(program.code, '1.2', '2025-02-20');
      expect(await requestRows(program.id)).toHaveLength(2);
    });

    it('two simultaneous later due dates on one item: exactly one request is created', async () => {
      const program = await enrolled();
      const auth = await officer();
      const results = await Promise.all(['2025-01-25', '2025-01-26', '2025-01-27'].map((plannedDue) => t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ plannedDue, justification: J })));
      expect(results.map((r) => r.status).sort()).toEqual([202, 409, 409]);
      expect(await requestRows(program.id)).toHaveLength(1);
    });

    it('moving dates earlier, the start alone or the scope applies at once (200), even with a request pending', async () => {
      const program = await enrolled();
      const auth = await officer();
      await requestLater(program.code, '1.1');
      const earlier = await t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ plannedDue: '2025-01-18', justification: J }).expect(200);
      expect(earlier.body).toMatchObject({ plannedDue: '2025-01-18', version: 2 });
      await t.http().patch(`${base(program.code)}/plan/1.2`).set(auth).send({ plannedStart: '2025-01-05', justification: J }).expect(200);
      await t.http().patch(`${base(program.code)}/plan/1.3`).set(auth).send({ included: false, justification: J }).expect(200);
      expect(await requestRows(program.id)).toHaveLength(1);
    });

    it('a coordinator’s later due date applies directly, as before', async () => {
      const program = await enrolled();
      const res = await t.http().patch(`${base(program.code)}/plan/1.1`).set(await coordinator()).send({ plannedDue: '2025-01-31', justification: J, version: 1 }).expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(await item(program.id, '1.1')).toMatchObject({ plannedDue: '2025-01-31', version: 2 });
      expect(await requestRows(program.id)).toEqual([]);
      // E moves with the plan (1.1: 10 / 30 of its window), E₀ stays on the original dates.
      const s = await stateFigures(program.code);
      expect(s).toMatchObject({ expected: 19.4, expectedBaseline: 25 });
      expect(s.items.find((i: { activityCode: string }) => i.activityCode === '1.1')).toMatchObject({ plannedDue: '2025-01-31', originalDue: '2025-01-21', expected: 33.3, expectedBaseline: 50, replanned: true });
    });

    it('a stale version is still a 409 before anything is asked, and the rules still hold (400)', async () => {
      const program = await enrolled();
      const auth = await officer();
      await t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ plannedDue: '2025-01-31', justification: J, version: 7 }).expect(409);
      const bad = await t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ plannedStart: '2025-02-10', plannedDue: '2025-02-01', justification: J }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['plannedDue']);
      const excluded = await t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ included: false, plannedDue: '2025-02-01', justification: J }).expect(400);
      expect(excluded.body.errors.map((e: { field: string }) => e.field)).toEqual(['included']);
      expect(await requestRows(program.id)).toEqual([]);
      expect(await auditActions(program.id)).toEqual([]);
    });
  });

  describe('the coordination decides', () => {
    it('approval applies the dates in the same transaction: version, audit, and expected progress change only now', async () => {
      const program = await enrolled('20', '30');
      const { id } = await requestLater(program.code);
      const pending = await stateFigures(program.code);
      const nationalBefore = (await t.http().get(`/api/v1/programs/${program.code}/progress`).set(await coordinator()).expect(200)).body.national;
      expect(pending).toMatchObject({ expected: 25, expectedBaseline: 25 });

      const { auth, user } = await t.as('coordinator');
      const res = await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'approve' }).expect(200);
      expect(res.body).toMatchObject({ id, status: 'approved', decidedBy: { id: user.id }, decidedAt: expect.any(String), decisionReason: null, currentDue: '2025-01-31', previousDue: '2025-01-21' });
      expect(await item(program.id, '1.1')).toEqual({ included: true, plannedStart: '2025-01-01', plannedDue: '2025-01-31', version: 2 });

      // After: 1.1 expects 10/30 of its new window; the baseline stays on the original dates.
      // E = (33.33 + 25 + 0) / 3 = 19.4; E₀ = 25; SV = −19.4, SV₀ = −25.
      const after = await stateFigures(program.code);
      expect(after).toMatchObject({ progress: 0, expected: 19.4, variance: -19.4, expectedBaseline: 25, varianceBaseline: -25 });
      expect(after.items.find((i: { activityCode: string }) => i.activityCode === '1.1')).toMatchObject({ plannedDue: '2025-01-31', originalDue: '2025-01-21', expected: 33.3, expectedBaseline: 50, variance: -33.3, varianceBaseline: -50 });
      expect(after.phases[0]).toMatchObject({ expected: 19.4, expectedBaseline: 25 });
      // Nationally (20 and 30, each weighing the same): E = (19.44 + 25) / 2, E₀ unchanged.
      const nationalAfter = (await t.http().get(`/api/v1/programs/${program.code}/progress`).set(auth).expect(200)).body.national;
      expect(nationalBefore).toMatchObject({ expected: 25, expectedBaseline: 25 });
      expect(nationalAfter).toMatchObject({ expected: 22.2, expectedBaseline: 25, varianceBaseline: -25 });

      const audit = await auditActions(program.id);
      expect(audit.map((a) => a.action)).toEqual(['replan_request.create', 'plan_item.replan', 'replan_request.approve']);
      // The re-plan is the coordination's act, with the officer's justification and the request it came from.
      expect(audit[1]).toMatchObject({ actorId: user.id, justification: J, after: { activityCode: '1.1', plannedDue: '2025-01-31', version: 2, replanRequestId: id } });
      expect(audit[2]).toMatchObject({ actorId: user.id, justification: null, after: { status: 'approved' } });

      // A decision is final.
      const again = await t.http().post(decision(program.code, id)).set(auth).set('Accept-Language', 'es-MX').send({ decision: 'reject', reason: 'Tarde' }).expect(409);
      expect(again.body.message).toBe('La solicitud de re-planificación ya fue aprobada; la decisión es definitiva.');
      expect((await auditActions(program.id)).length).toBe(3);
    });

    it('rejection needs a reason (400 on reason), then leaves the plan unchanged; a new request may follow', async () => {
      const program = await enrolled();
      const { id } = await requestLater(program.code);
      const auth = await coordinator();
      const before = await stateFigures(program.code);
      for (const body of [{ decision: 'reject' }, { decision: 'reject', reason: null }, { decision: 'reject', reason: '' }, { decision: 'reject', reason: '  \n ' }]) {
        const res = await t.http().post(decision(program.code, id)).set(auth).set('Accept-Language', 'es-MX').send(body).expect(400);
        expect(res.body.errors, JSON.stringify(body)).toEqual([{ field: 'reason', message: expect.any(String) }]);
      }
      const missing = await t.http().post(decision(program.code, id)).set(auth).set('Accept-Language', 'es-MX').send({ decision: 'reject' }).expect(400);
      expect(missing.body.errors).toEqual([{ field: 'reason', message: 'Escriba el motivo del rechazo: la entidad lo verá junto a su solicitud.' }]);
      expect(await requestRows(program.id)).toMatchObject([{ status: 'pending' }]);

      const res = await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'reject', reason: '  El plazo original es suficiente.  ' }).expect(200);
      expect(res.body).toMatchObject({ status: 'rejected', decisionReason: 'El plazo original es suficiente.', currentDue: '2025-01-21' });
      expect(await item(program.id, '1.1')).toMatchObject({ plannedDue: '2025-01-21', version: 1 });
      expect(await stateFigures(program.code)).toEqual(before);
      expect((await auditActions(program.id)).map((a) => [a.action, a.justification])).toEqual([
        ['replan_request.create', J],
        ['replan_request.reject', 'El plazo original es suficiente.'],
      ]);
      // Once decided, the item may be asked for again.
      await requestLater(program.code, '1.1', '2025-01-28');
      expect((await requestRows(program.id)).map((r) => r.status)).toEqual(['rejected', 'pending']);
    });

    it('an approval that no longer fits the item (start moved past the requested due) is a 409 and changes nothing', async () => {
      const program = await enrolled();
      const { id } = await requestLater(program.code, '1.1', '2025-01-31');
      const auth = await coordinator();
      await t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ plannedStart: '2025-02-05', plannedDue: '2025-02-20', justification: J }).expect(200);
      const res = await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'approve' }).expect(409);
      expect(res.body.errors).toEqual([{ field: 'plannedDue', message: 'plannedDue (2025-01-31) must not be before plannedStart (2025-02-05)' }]);
      expect(await item(program.id, '1.1')).toMatchObject({ plannedStart: '2025-02-05', plannedDue: '2025-02-20', version: 2 });
      expect(await requestRows(program.id)).toMatchObject([{ status: 'pending' }]);
      // It can still be rejected.
      await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'reject', reason: 'Ya se re-planificó de otro modo.' }).expect(200);
    });

    it('approving a request whose dates the item already has records the decision and leaves the plan as it is', async () => {
      const program = await enrolled();
      const { id } = await requestLater(program.code, '1.1', '2025-01-31');
      const auth = await coordinator();
      await t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ plannedDue: '2025-01-31', justification: J }).expect(200);
      await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'approve', reason: 'Ya aplicado.' }).expect(200);
      expect(await item(program.id, '1.1')).toMatchObject({ plannedDue: '2025-01-31', version: 2 });
      expect((await auditActions(program.id)).map((a) => a.action)).toEqual(['replan_request.create', 'plan_item.replan', 'replan_request.approve']);
    });

    it('two simultaneous decisions: one wins, the other is a 409; the plan changes once', async () => {
      const program = await enrolled();
      const { id } = await requestLater(program.code);
      const auth = await coordinator();
      const results = await Promise.all([
        t.http().post(decision(program.code, id)).set(auth).send({ decision: 'approve' }),
        t.http().post(decision(program.code, id)).set(auth).send({ decision: 'reject', reason: 'No procede.' }),
        t.http().post(decision(program.code, id)).set(auth).send({ decision: 'approve' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const version = (await item(program.id, '1.1')).version;
      expect(version).toBe(results.find((r) => r.status === 200)!.body.status === 'approved' ? 2 : 1);
      expect((await auditActions(program.id)).filter((a) => a.action.startsWith('replan_request.') && a.action !== 'replan_request.create')).toHaveLength(1);
    });

    it('after the state withdrew, approval is a 409 (its plan no longer changes); rejection is still possible', async () => {
      const program = await enrolled();
      const { id } = await requestLater(program.code);
      const auth = await coordinator();
      await t.http().patch(base(program.code)).set(auth).send({ exitedOn: '2025-01-11', justification: 'Retiro' }).expect(200);
      const res = await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'approve' }).expect(409);
      expect(res.body.message).toContain('withdrew');
      expect(await item(program.id, '1.1')).toMatchObject({ plannedDue: '2025-01-21', version: 1 });
      await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'reject', reason: 'La entidad se dio de baja.' }).expect(200);
    });
  });

  describe('lists', () => {
    it('the program’s requests (pending first, filtered by status and state) and one state’s', async () => {
      const program = await enrolled('20', '30');
      const first = await requestLater(program.code, '1.1');
      const second = await requestLater(program.code, '1.2', '2025-02-20');
      tick();
      const veracruz = await t.http().patch(`${base(program.code, '30')}/plan/1.1`).set(await officer('30')).send({ plannedDue: '2025-02-01', justification: J }).expect(202);
      const auth = await coordinator();
      await t.http().post(decision(program.code, second.id)).set(auth).send({ decision: 'reject', reason: 'No procede.' }).expect(200);

      const all = (await t.http().get(requestsOf(program.code)).set(auth).expect(200)).body;
      expect(all.total).toBe(3);
      expect(all.items.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
        [first.id, 'pending'],
        [veracruz.body.id, 'pending'],
        [second.id, 'rejected'],
      ]);
      const pending = (await t.http().get(`${requestsOf(program.code)}?status=pending&stateCode=20`).set(auth).expect(200)).body;
      expect(pending.items.map((r: { id: string }) => r.id)).toEqual([first.id]);
      const page = (await t.http().get(`${requestsOf(program.code)}?limit=1&offset=1`).set(auth).expect(200)).body;
      expect(page).toMatchObject({ total: 3, items: [{ id: veracruz.body.id }] });
      const state = (await t.http().get(`${base(program.code, '30')}/replan-requests`).set(auth).expect(200)).body;
      expect(state.items.map((r: { stateCode: string }) => r.stateCode)).toEqual(['30']);

      // An officer listing the program gets its own state's only.
      const mine = (await t.http().get(requestsOf(program.code)).set(await officer('30')).expect(200)).body;
      expect(mine).toMatchObject({ total: 1, items: [{ id: veracruz.body.id }] });
      for (const role of ['reviewer', 'admin'] as const) {
        expect((await t.http().get(`${requestsOf(program.code)}?status=pending`).set((await t.as(role)).auth).expect(200)).body.total).toBe(2);
      }
    });

    it('bad queries are 400 on their field', async () => {
      const program = await enrolled();
      const auth = await coordinator();
      const cases: [string, string][] = [
        ['status=maybe', 'status'],
        ['limit=0', 'limit'],
        ['limit=500', 'limit'],
        ['offset=-1', 'offset'],
        ['stateCode=2', 'stateCode'],
        ['unknown=1', 'unknown'],
      ];
      for (const [query, field] of cases) {
        const res = await t.http().get(`${requestsOf(program.code)}?${query}`).set(auth);
        expect(res.status, query).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field), query).toContain(field);
      }
      await t.http().get(`/api/v1/programs/no-such-program/replan-requests`).set(auth).expect(404);
      await t.http().get(`${base(program.code, '21')}/replan-requests`).set(auth).expect(404);
    });
  });

  describe('who may do what', () => {
    const headers = (caller: Caller) => callerHeaders(t, caller, { own: '20', other: '30' });
    const expected: Record<Caller, { list: number; listState: number; decide: number }> = {
      admin: { list: 200, listState: 200, decide: 403 },
      coordinator: { list: 200, listState: 200, decide: 200 },
      reviewer: { list: 200, listState: 200, decide: 403 },
      'own officer': { list: 200, listState: 200, decide: 403 },
      'other officer': { list: 200, listState: 403, decide: 403 },
      anonymous: { list: 401, listState: 401, decide: 401 },
    };

    it.each(CALLERS)('%s', async (caller) => {
      const program = await enrolled('20', '30');
      const { id } = await requestLater(program.code);
      const h = await headers(caller);
      const list = await t.http().get(requestsOf(program.code)).set(h);
      expect(list.status).toBe(expected[caller].list);
      // Another state's officer never sees Oaxaca's request.
      if (caller === 'other officer') expect(list.body).toEqual({ total: 0, items: [] });
      expect((await t.http().get(`${base(program.code)}/replan-requests`).set(h)).status).toBe(expected[caller].listState);
      const decided = await t.http().post(decision(program.code, id)).set(h).send({ decision: 'approve' });
      expect(decided.status).toBe(expected[caller].decide);
      expect(await item(program.id, '1.1')).toMatchObject({ plannedDue: expected[caller].decide === 200 ? '2025-01-31' : '2025-01-21' });
    });

    it('another state’s officer gets the same 403 whatever exists, and cannot ask for that state', async () => {
      const program = await enrolled('20', '30');
      const { id } = await requestLater(program.code);
      const auth = await officer('30');
      const bodies = [];
      for (const url of [`${base(program.code)}/replan-requests`, `${base(program.code, '21')}/replan-requests`, `${base('no-such-program')}/replan-requests`, `${requestsOf(program.code)}?stateCode=20`]) {
        const res = await t.http().get(url).set(auth).expect(403);
        bodies.push({ statusCode: res.body.statusCode, message: res.body.message, errors: res.body.errors });
      }
      expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
      expect(bodies[0]).toEqual({ statusCode: 403, message: 'You may not read records of this state', errors: [] });
      await t.http().patch(`${base(program.code)}/plan/1.1`).set(auth).send({ plannedDue: '2025-02-15', justification: J }).expect(403);
      await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'approve' }).expect(403);
      expect(await requestRows(program.id)).toMatchObject([{ status: 'pending' }]);
    });
  });

  describe('bad input on the decision: 4xx with field messages, nothing written, never a 500', () => {
    let program: { id: string; code: string };
    let id: string;
    beforeAll(async () => {
      program = await enrolled();
      ({ id } = await requestLater(program.code));
    });

    async function unchanged() {
      expect(await requestRows(program.id)).toMatchObject([{ status: 'pending', decidedBy: null, decisionReason: null }]);
      expect(await item(program.id, '1.1')).toMatchObject({ plannedDue: '2025-01-21', version: 1 });
      expect((await auditActions(program.id)).map((a) => a.action)).toEqual(['replan_request.create']);
    }

    const cases: [string, unknown, string][] = [
      ['no body', {}, 'decision'],
      ['unknown decision', { decision: 'maybe' }, 'decision'],
      ['decision as number', { decision: 1 }, 'decision'],
      ['decision null', { decision: null }, 'decision'],
      ['unknown field', { decision: 'approve', plannedDue: '2025-03-01' }, 'plannedDue'],
      ['reason as number', { decision: 'reject', reason: 42 }, 'reason'],
      ['reason as object', { decision: 'reject', reason: { text: 'x' } }, 'reason'],
      ['reason too long', { decision: 'reject', reason: 'x'.repeat(2001) }, 'reason'],
      ['blank reason on approval', { decision: 'approve', reason: '   ' }, 'reason'],
      ['reject without reason', { decision: 'reject' }, 'reason'],
    ];
    it.each(cases)('%s', async (_, body, field) => {
      const res = await t.http().post(decision(program.code, id)).set(await coordinator()).send(body as object);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
      expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.any(String) }]));
      await unchanged();
    });

    it('NUL bytes and unpaired surrogates in the reason are a 400 on reason (sent raw); other odd unicode is kept as sent', async () => {
      const auth = await coordinator();
      const raw = (json: string) => t.http().post(decision(program.code, id)).set(auth).set('Content-Type', 'application/json').send(json);
      for (const reason of ['abc\\u0000def', '\\u0000', 'lone \\ud800 high', 'lone \\udc00 low']) {
        const res = await raw(`{"decision":"reject","reason":"${reason}"}`);
        expect(res.status, reason).toBe(400);
        expect(res.body.errors).toContainEqual({ field: 'reason', message: expect.stringMatching(/contains characters that cannot be stored/) });
      }
      const malformed = await raw('{"decision": "reject", "reason": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors).toEqual([{ field: 'body', message: 'body is not valid JSON' }]);
      await unchanged();

      // Emoji, combining accents, right-to-left text and zero-width joiners are ordinary text.
      const odd = 'Plazo 👩🏽‍💻 Oaxaca\u0301 — مهلة ‮ok‬ ٪ 🇲🇽';
      const res = await t.http().post(decision(program.code, id)).set(auth).send({ decision: 'reject', reason: odd }).expect(200);
      expect(res.body.decisionReason).toBe(odd);
      expect(await requestRows(program.id)).toMatchObject([{ status: 'rejected', decisionReason: odd }]);
    });

    it('a bad or unknown request id, or another program’s request: 400 on requestId or 404', async () => {
      const auth = await coordinator();
      const bad = await t.http().post(decision(program.code, 'not-a-uuid')).set(auth).send({ decision: 'approve' }).expect(400);
      expect(bad.body.errors).toEqual([{ field: 'requestId', message: 'requestId must be a UUID' }]);
      await t.http().post(decision(program.code, '00000000-0000-4000-8000-000000000000')).set(auth).send({ decision: 'approve' }).expect(404);
      const other = await enrolled();
      const { id: foreign } = await requestLater(other.code);
      await t.http().post(decision(program.code, foreign)).set(auth).send({ decision: 'approve' }).expect(404);
      await t.http().post(decision('no-such-program', foreign)).set(auth).send({ decision: 'approve' }).expect(404);
      expect(await requestRows(other.id)).toMatchObject([{ status: 'pending' }]);
    });
  });
});
