import type { Institution } from '../../libs/core/src/institutions/institution.entity.js';
import type { Program } from '../../libs/core/src/programs/program.entity.js';
import type { ActivitySpec } from '../../libs/testing/src/factories/program.factory.js';
import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

const ACTIVITIES: ActivitySpec[] = [
  { code: '1.1', startDay: 0, durationDays: 30 },
  { code: '4.3', phase: 4, level: 'institution', startDay: 240, durationDays: 90 },
];
const JOINED = '2025-01-15';
const TODAY = '2025-12-01';

interface ReportBody {
  id: string;
  activityCode: string;
  institutionId: string | null;
  percent: number;
  reportedOn: string;
  reviewState: string;
  reviewReason: string | null;
  current?: boolean;
}

describe('Review, supersession, returns and the review queue', () => {
  let t: TestApp;
  let program: Program;
  let instA: Institution;
  let instB: Institution;

  beforeAll(async () => {
    t = await createTestApp();
  });
  beforeEach(async () => {
    t.clock.set(TODAY);
    ({ program } = await t.programs.program(ACTIVITIES));
    const { participation } = await t.programs.enrol(program.id, '20', JOINED);
    await t.programs.enrol(program.id, '21', JOINED);
    instA = await t.programs.institution(participation.id, { name: 'Secretaría de Finanzas', joinedOn: '2025-02-01' });
    instB = await t.programs.institution(participation.id, { name: 'Secretaría de Salud', joinedOn: '2025-02-01' });
  });
  afterAll(() => t.close());

  async function submit(body: Partial<ReportBody> & { status?: string }, state = '20'): Promise<ReportBody> {
    const { auth } = await t.as('state_officer', state);
    const res = await t.http().post(`/api/v1/programs/${program.code}/states/${state}/reports`).set(auth)
      .send({ activityCode: '1.1', status: 'in_progress', percent: 50, reportedOn: '2025-11-01', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  async function review(reportId: string, body: object, role: 'coordinator' | 'reviewer' | 'state_officer' | 'admin' = 'coordinator') {
    const { auth } = await t.as(role, role === 'state_officer' ? '20' : undefined);
    return t.http().post(`/api/v1/reports/${reportId}/review`).set(auth).send(body);
  }

  async function reviewRow(id: string) {
    const [row] = await t.dataSource.query(`SELECT review_state AS "reviewState", review_reason AS "reviewReason", reviewed_by_id AS "reviewedById", reviewed_at IS NOT NULL AS "reviewed" FROM report WHERE id = $1`, [id]);
    return row;
  }

  async function audits(id: string) {
    return t.dataSource.query(`SELECT action, actor_id AS "actorId", state_code AS "stateCode", justification FROM audit_event WHERE entity_id = $1 ORDER BY id`, [id]);
  }

  async function history(activityCode = '1.1'): Promise<ReportBody[]> {
    const { auth } = await t.as('state_officer', '20');
    const res = await t.http().get(`/api/v1/programs/${program.code}/states/20/plan/${activityCode}/reports`).set(auth).expect(200);
    return res.body.reports;
  }

  const currentIds = (reports: ReportBody[]) => reports.filter((r) => r.current).map((r) => r.id);

  describe('POST /reports/:id/review', () => {
    it('accept: records the reviewer and time, and writes report.accept', async () => {
      const r = await submit({});
      const coordinator = await t.as('coordinator');
      const res = await review(r.id, { decision: 'accept' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: r.id, reviewState: 'accepted', reviewReason: null, reviewedBy: { id: coordinator.user.id, name: coordinator.user.name }, reviewedAt: expect.any(String) });
      expect(await reviewRow(r.id)).toEqual({ reviewState: 'accepted', reviewReason: null, reviewedById: coordinator.user.id, reviewed: true });
      expect(await audits(r.id)).toEqual([
        expect.objectContaining({ action: 'report.submit' }),
        { action: 'report.accept', actorId: coordinator.user.id, stateCode: '20', justification: null },
      ]);
    });

    it('return: needs a reason (400 on `reason`, nothing changes), then records it as the justification', async () => {
      const r = await submit({});
      for (const body of [{ decision: 'return' }, { decision: 'return', reason: '   ' }, { decision: 'return', reason: null }]) {
        const res = await review(r.id, body);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
      }
      expect(await reviewRow(r.id)).toMatchObject({ reviewState: 'submitted', reviewed: false });
      expect((await audits(r.id)).map((a: { action: string }) => a.action)).toEqual(['report.submit']);

      const reason = 'La liga de la evidencia no abre; corrijan la URL.';
      const res = await review(r.id, { decision: 'return', reason: `  ${reason} ` });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ reviewState: 'returned', reviewReason: reason });
      expect((await audits(r.id))[1]).toMatchObject({ action: 'report.return', justification: reason });
    });

    it('bad input: unknown decision or field → 400, unknown report → 404, bad id → 400', async () => {
      const r = await submit({});
      expect((await review(r.id, { decision: 'approve' })).body.errors).toEqual([expect.objectContaining({ field: 'decision' })]);
      expect((await review(r.id, { decision: 'accept', note: 'x' })).status).toBe(400);
      expect((await review('00000000-0000-4000-8000-000000000000', { decision: 'accept' })).status).toBe(404);
      const bad = await review('not-a-uuid', { decision: 'accept' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'reportId' })]);
      expect(await reviewRow(r.id)).toMatchObject({ reviewState: 'submitted' });
    });

    it('only the coordinator reviews: reviewer, officer and admin get 403, anonymous 401', async () => {
      const r = await submit({});
      expect((await review(r.id, { decision: 'accept' }, 'reviewer')).status).toBe(403);
      expect((await review(r.id, { decision: 'accept' }, 'state_officer')).status).toBe(403);
      expect((await review(r.id, { decision: 'accept' }, 'admin')).status).toBe(403);
      await t.http().post(`/api/v1/reports/${r.id}/review`).send({ decision: 'accept' }).expect(401);
      expect(await reviewRow(r.id)).toMatchObject({ reviewState: 'submitted', reviewed: false });
      expect((await audits(r.id)).map((a: { action: string }) => a.action)).toEqual(['report.submit']);
    });

    it('a second review of the same report gets 409 and changes nothing', async () => {
      const r = await submit({});
      expect((await review(r.id, { decision: 'accept' })).status).toBe(200);
      const again = await review(r.id, { decision: 'return', reason: 'Tarde' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, errors: [expect.objectContaining({ field: 'decision' })] });
      expect(await reviewRow(r.id)).toMatchObject({ reviewState: 'accepted', reviewReason: null });
      expect((await audits(r.id)).map((a: { action: string }) => a.action)).toEqual(['report.submit', 'report.accept']);
    });

    it('concurrent reviews of one report: exactly one wins, the others get 409', async () => {
      const r = await submit({});
      const { auth } = await t.as('coordinator');
      const bodies = Array.from({ length: 8 }, (_, i) => (i % 2 ? { decision: 'accept' } : { decision: 'return', reason: `Motivo ${i}` }));
      const responses = await Promise.all(bodies.map((b) => t.http().post(`/api/v1/reports/${r.id}/review`).set(auth).send(b)));
      expect(responses.map((x) => x.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
      const winner = responses.find((x) => x.status === 200)!.body;
      expect(await reviewRow(r.id)).toMatchObject({ reviewState: winner.reviewState, reviewReason: winner.reviewReason });
      const reviewAudits = (await audits(r.id)).filter((a: { action: string }) => a.action !== 'report.submit');
      expect(reviewAudits).toHaveLength(1);
    });
  });

  describe('supersession: the current report of a unit (SPEC §4)', () => {
    it('the latest report by date is current, whatever the order of entry', async () => {
      const late = await submit({ percent: 60, reportedOn: '2025-10-01' });
      const early = await submit({ percent: 90, reportedOn: '2025-09-01' });
      const reports = await history();
      expect(reports.map((r) => r.id)).toEqual([early.id, late.id]);
      expect(currentIds(reports)).toEqual([late.id]);
    });

    it('ties on the date are broken by creation order', async () => {
      const first = await submit({ percent: 40, reportedOn: '2025-10-01' });
      const second = await submit({ percent: 30, reportedOn: '2025-10-01' });
      const reports = await history();
      expect(reports.map((r) => r.id)).toEqual([first.id, second.id]);
      expect(currentIds(reports)).toEqual([second.id]);
      // A returned report stops counting: the earlier one of the same day becomes current again.
      expect((await review(second.id, { decision: 'return', reason: 'Porcentaje sin sustento' })).status).toBe(200);
      expect(currentIds(await history())).toEqual([first.id]);
    });

    it('a returned latest report hands "current" back to the previous one; accepted or pending ones count', async () => {
      const a = await submit({ percent: 20, reportedOn: '2025-08-01' });
      const b = await submit({ percent: 50, reportedOn: '2025-09-01' });
      await review(a.id, { decision: 'accept' });
      expect(currentIds(await history())).toEqual([b.id]);
      await review(b.id, { decision: 'return', reason: 'Falta evidencia' });
      expect(currentIds(await history())).toEqual([a.id]);
      const c = await submit({ percent: 55, reportedOn: '2025-09-02' });
      expect(currentIds(await history())).toEqual([c.id]);
    });

    it('reports dated after today do not count yet (as of today)', async () => {
      const a = await submit({ percent: 20, reportedOn: '2025-11-01' });
      const b = await submit({ percent: 40, reportedOn: '2025-11-20' });
      t.clock.set('2025-11-10');
      const reports = await history();
      expect(reports.map((r) => r.id)).toEqual([a.id, b.id]);
      expect(currentIds(reports)).toEqual([a.id]);
    });

    it('each institution is its own unit with its own current report', async () => {
      const a1 = await submit({ activityCode: '4.3', institutionId: instA.id, percent: 20, reportedOn: '2025-10-01' });
      const b1 = await submit({ activityCode: '4.3', institutionId: instB.id, percent: 70, reportedOn: '2025-10-15' });
      const a2 = await submit({ activityCode: '4.3', institutionId: instA.id, percent: 35, reportedOn: '2025-11-01' });
      const reports = await history('4.3');
      expect(reports.map((r) => r.id)).toEqual([a1.id, b1.id, a2.id]);
      expect(currentIds(reports).sort()).toEqual([a2.id, b1.id].sort());
    });

    it('history is readable by national roles and the own officer, 404 for an activity not in the plan', async () => {
      await submit({});
      const { auth: reviewer } = await t.as('reviewer');
      const res = await t.http().get(`/api/v1/programs/${program.id}/states/20/plan/1.1/reports`).set(reviewer).expect(200);
      expect(res.body).toMatchObject({ activityCode: '1.1', level: 'state', included: true, asOf: TODAY });
      await t.http().get(`/api/v1/programs/${program.id}/states/20/plan/9.9/reports`).set(reviewer).expect(404);
    });
  });

  describe('returned reports the state still has to answer', () => {
    it('lists returns with reasons, newest first, until a newer report on the same unit answers them', async () => {
      const a = await submit({ percent: 30, reportedOn: '2025-10-01' });
      const i1 = await submit({ activityCode: '4.3', institutionId: instA.id, percent: 10, reportedOn: '2025-10-02' });
      const i2 = await submit({ activityCode: '4.3', institutionId: instB.id, percent: 10, reportedOn: '2025-10-03' });
      await review(a.id, { decision: 'return', reason: 'Falta el oficio firmado' });
      await review(i1.id, { decision: 'return', reason: 'La URL no corresponde al plan' });
      await review(i2.id, { decision: 'accept' });
      const { auth } = await t.as('state_officer', '20');
      const list = async () => (await t.http().get(`/api/v1/programs/${program.code}/states/20/returned`).set(auth).expect(200)).body;

      let body = await list();
      expect(body.total).toBe(2);
      expect(body.items.map((r: ReportBody) => [r.id, r.reviewReason])).toEqual([[i1.id, 'La URL no corresponde al plan'], [a.id, 'Falta el oficio firmado']]);

      // The officer answers the state-level return (an earlier date still answers it: it is newer by creation).
      await submit({ percent: 30, reportedOn: '2025-09-30' });
      body = await list();
      expect(body.items.map((r: ReportBody) => r.id)).toEqual([i1.id]);
      // A report on another unit (institution B) does not answer institution A's return.
      await submit({ activityCode: '4.3', institutionId: instB.id, percent: 20, reportedOn: '2025-11-01' });
      expect((await list()).items.map((r: ReportBody) => r.id)).toEqual([i1.id]);
      await submit({ activityCode: '4.3', institutionId: instA.id, percent: 15, reportedOn: '2025-11-01' });
      expect((await list()).total).toBe(0);
    });
  });

  describe('GET /programs/:programId/review-queue', () => {
    it('lists pending reports of every state, oldest first, with state, activity and institution', async () => {
      const first = await submit({ percent: 10 });
      const second = await submit({ percent: 20 }, '21');
      const third = await submit({ activityCode: '4.3', institutionId: instA.id, percent: 5 });
      const done = await submit({ percent: 30 });
      await review(done.id, { decision: 'accept' });
      const { auth } = await t.as('reviewer');
      const res = await t.http().get(`/api/v1/programs/${program.code}/review-queue`).set(auth).expect(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((r: ReportBody) => r.id)).toEqual([first.id, second.id, third.id]);
      expect(res.body.items[1]).toMatchObject({ stateCode: '21', stateName: 'Puebla', activityCode: '1.1', reviewState: 'submitted' });
      expect(res.body.items[2]).toMatchObject({ stateCode: '20', stateName: 'Oaxaca', activityCode: '4.3', activityName: 'Actividad 4.3', institutionId: instA.id, institutionName: 'Secretaría de Finanzas' });

      const { auth: coordinator } = await t.as('coordinator');
      const one = await t.http().get(`/api/v1/programs/${program.id}/review-queue?stateCode=21&limit=5`).set(coordinator).expect(200);
      expect(one.body.items.map((r: ReportBody) => r.id)).toEqual([second.id]);
      const { auth: officer } = await t.as('state_officer', '20');
      await t.http().get(`/api/v1/programs/${program.code}/review-queue`).set(officer).expect(403);
      await t.http().get(`/api/v1/programs/no-such-program/review-queue`).set(coordinator).expect(404);
    });
  });

  describe('OpenAPI', () => {
    it('documents the report and review routes with an example report body with evidence', async () => {
      const doc = (await t.http().get('/api/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
        '/api/v1/programs/{programId}/states/{stateCode}/reports',
        '/api/v1/programs/{programId}/states/{stateCode}/plan/{activityCode}/reports',
        '/api/v1/programs/{programId}/states/{stateCode}/returned',
        '/api/v1/programs/{programId}/review-queue',
        '/api/v1/reports/{reportId}/review',
        '/api/v1/programs/{programId}/states/{stateCode}/files',
        '/api/v1/files/{fileId}',
      ]));
      const schema = doc.components.schemas.CreateReportDto;
      expect(schema.properties.evidence.example).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'dataset', highValue: true })]));
      expect(schema.properties.activityCode.example).toBe('4.4');
      const examples = doc.paths['/api/v1/programs/{programId}/states/{stateCode}/reports'].post.requestBody.content['application/json'].examples;
      expect(examples.datasets.value).toMatchObject({ activityCode: '4.4', evidence: expect.arrayContaining([expect.objectContaining({ kind: 'dataset', url: expect.stringMatching(/^https:/) })]) });
      expect(doc.paths['/api/v1/programs/{programId}/states/{stateCode}/reports'].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
    });
  });
});
