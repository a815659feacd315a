import { createTestApp, type TestApp } from '../../libs/testing/src/test-app.js';

// Plan of a state joining on 2025-01-01:
//   A1 state level,       weight 1, 2025-01-01 → 2025-01-11 (re-planned in 20 to 2025-01-20 after the round)
//   A2 state level, opt., weight 1, 2025-01-01 → 2025-01-21
//   I1 institution level, weight 2, 2025-01-01 → 2025-01-31
// Before the round (as of 2025-01-15): 20: A1 50 %, I1 (X) 40 % pending with dataset d1 → P = (50 + 0 + 80) / 4 = 32.5,
// E = (100 + 70 + 2·46.67) / 4 = 65.83; 11: A1 100 % pending → P = 25. National P = 28.75.
// After it, corrections as of 2025-01-15: X's report accepted, A2 100 % dated 01-14 (late entry), A1 re-planned;
// and a report dated after the round's date (01-22), which does not change the round's figures as of 01-15.
const AS_OF = '2025-01-15';
const J = 'Ajuste acordado con la coordinación estatal.';

function programDocument(code: string) {
  return {
    code,
    name: 'Programa de prueba de revisiones',
    phases: [
      { number: 1, name: 'Planeación' },
      { number: 2, name: 'Implementación' },
    ],
    // These figures are about indicators: the url activities are reported done without links (rule off).
    activities: [
      { code: 'A1', phase: 1, name: 'Sensibilizar', level: 'state', startDay: 0, durationDays: 10, weight: 1, metrics: ['personas'], evidenceKinds: ['url'], completionNeedsEvidence: false },
      { code: 'A2', phase: 1, name: 'Aprobar', level: 'state', startDay: 0, durationDays: 20, weight: 1, optional: true, evidenceKinds: ['url'], completionNeedsEvidence: false },
      { code: 'I1', phase: 2, name: 'Publicar datos', level: 'institution', startDay: 0, durationDays: 30, weight: 2, evidenceKinds: ['dataset'] },
    ],
    indicators: [
      { code: 'K-PROG', name: 'Avance', unit: 'percent', kind: 'weighted_progress', baseline: { value: 0, date: '2025-01-01' }, targets: [{ scope: 'national', value: 100, date: '2025-12-31' }] },
      { code: 'K-DONE', name: 'Concluidas', unit: 'percent', kind: 'items_completed' },
      { code: 'K-DS', name: 'Conjuntos', unit: 'count', kind: 'datasets_published', params: { activityCode: 'I1' } },
      { code: 'K-MET', name: 'Personas', unit: 'count', kind: 'metric_sum', params: { activityCode: 'A1', metric: 'personas' } },
    ],
  };
}

interface Difference {
  scope: string;
  kind: string;
  activityCode: string | null;
  indicatorCode: string | null;
  figure: string;
  frozen: unknown;
  live: unknown;
  delta: number | null;
  changed: boolean;
}

describe('Review rounds: frozen, citable figures with findings', () => {
  let t: TestApp;
  let coord: { Authorization: string };
  let reviewer: { Authorization: string; user: { id: string } };
  let programCode: string;
  let programId: string;
  let pendingI1: string;
  let created: { body: Record<string, unknown> & { figures: unknown; code: string } };

  const api = (path: string) => `/api/v1${path}`;
  const rounds = (suffix = '') => api(`/programs/${programCode}/review-rounds${suffix}`);
  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const audits = (action: string) =>
    t.dataSource.query(`SELECT actor_id AS "actorId", entity_type AS "entityType", state_code AS "stateCode", after, before FROM audit_event WHERE program_id = $1 AND action = $2 ORDER BY id`, [programId, action]);

  async function report(state: string, body: Record<string, unknown>): Promise<string> {
    const percent = body.percent as number;
    const status = percent === 100 ? 'completed' : percent === 0 ? 'not_started' : 'in_progress';
    const res = await t.http().post(api(`/programs/${programCode}/states/${state}/reports`)).set(coord).send({ status, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    coord = (await t.as('coordinator')).auth;
    const r = await t.as('reviewer');
    reviewer = { ...r.auth, user: r.user };
    programCode = `rev-${Date.now().toString(36)}`;
    t.clock.set('2025-01-01');
    const imported = await t.http().post(api('/programs/import')).set(coord).send(programDocument(programCode));
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    programId = imported.body.id;
    for (const stateCode of ['20', '11']) await t.http().post(api(`/programs/${programCode}/states`)).set(coord).send({ stateCode, joinedOn: '2025-01-01' }).expect(201);
    const x = await t.http().post(api(`/programs/${programCode}/states/20/institutions`)).set(coord).send({ name: 'Secretaría de Finanzas', order: 'state', joinedOn: '2025-01-01' }).expect(201);

    t.clock.set('2025-01-15');
    await report('20', { activityCode: 'A1', percent: 50, reportedOn: '2025-01-05', metrics: { personas: 30 } });
    pendingI1 = await report('20', { activityCode: 'I1', institutionId: x.body.id, percent: 40, reportedOn: '2025-01-10', evidence: [{ kind: 'dataset', title: 'Obra pública', url: 'https://datos.example.mx/obra' }] });
    await report('11', { activityCode: 'A1', percent: 100, reportedOn: '2025-01-05' });
  });
  afterAll(() => t.close());

  const auth = (h: { Authorization: string }) => ({ Authorization: h.Authorization });

  it('a reviewer freezes every progress and indicator figure under a citable code, audited', async () => {
    t.clock.set('2025-01-16');
    const before = await count('review_round');
    const res = await t.http().post(rounds()).set(auth(reviewer)).send({ title: '  Revisión de enero  ', asOf: AS_OF });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    created = res;
    expect(await count('review_round')).toBe(before + 1);
    expect(res.body).toMatchObject({
      code: 'RR-2025-001',
      title: 'Revisión de enero',
      asOf: AS_OF,
      status: 'open',
      createdBy: { id: reviewer.user.id },
      createdAt: '2025-01-16T18:00:00.000Z', // the clock's time (the test clock), like closedAt
      closedAt: null,
      closedBy: null,
      agreementReference: null,
      findingCount: 0,
      findings: [],
    });
    const figures = res.body.figures;
    expect(figures.asOf).toBe(AS_OF);
    expect(figures.progress.national).toMatchObject({ progress: 28.8, validatedProgress: 0, expected: 65.8, states: 2, institutions: 1, overdueItems: 1, status: 'off_track' });
    const s20 = figures.progress.states.find((s: { stateCode: string }) => s.stateCode === '20');
    expect(s20).toMatchObject({ stateName: 'Oaxaca', progress: 32.5, validatedProgress: 0, expected: 65.8, includedItems: 3, completedItems: 0, overdueItems: 1, dueItems: 1, onTimeRate: 0 });
    expect(s20.items.map((i: { activityCode: string; progress: number; plannedDue: string }) => [i.activityCode, i.progress, i.plannedDue])).toEqual([
      ['A1', 50, '2025-01-11'],
      ['A2', 0, '2025-01-21'],
      ['I1', 40, '2025-01-31'],
    ]);
    expect(figures.progress.states.map((s: { stateCode: string }) => s.stateCode)).toEqual(['11', '20']);
    expect(figures.indicators.map((i: { code: string }) => i.code)).toEqual(['K-PROG', 'K-DONE', 'K-DS', 'K-MET']);
    const kprog = figures.indicators[0];
    expect(kprog.national).toMatchObject({ value: 28.8, target: { value: 100, date: '2025-12-31' }, status: 'on_track' });
    expect(kprog.states).toMatchObject({ '20': { value: 32.5, target: null }, '11': { value: 25 } });
    expect(figures.indicators[1].national.value).toBe(16.7); // 11's A1 of 6 items
    expect(figures.indicators[2].national.value).toBe(0); // d1 is on a report not accepted yet
    expect(figures.indicators[3].national.value).toBe(30);

    expect(await audits('review_round.create')).toEqual([
      { actorId: reviewer.user.id, entityType: 'review_round', stateCode: null, after: { code: 'RR-2025-001', title: 'Revisión de enero', asOf: AS_OF }, before: null },
    ]);
  });

  it('numbers rounds per program; a given code is used as it is; reserved, duplicate and bad input refused, nothing written', async () => {
    const second = await t.http().post(rounds()).set(coord).send({ title: 'Segunda', asOf: '2025-01-10' }).expect(201);
    expect(second.body.code).toBe('RR-2025-002');
    const custom = await t.http().post(rounds()).set(coord).send({ code: 'CEATP-2025-1', title: 'Con código', asOf: '2025-01-10' }).expect(201);
    expect(custom.body.code).toBe('CEATP-2025-1');
    const n = await count('review_round');
    const dup = await t.http().post(rounds()).set(coord).send({ code: 'CEATP-2025-1', title: 'Otra', asOf: '2025-01-10' }).expect(409);
    expect(dup.body.errors).toEqual([{ field: 'code', message: expect.any(String) }]);
    const bad: [Record<string, unknown>, string][] = [
      [{ title: 'x', asOf: '2025-01-17' }, 'asOf'], // after today
      [{ title: 'x', asOf: '2025-02-30' }, 'asOf'],
      [{ asOf: AS_OF }, 'title'],
      [{ title: '   ', asOf: AS_OF }, 'title'],
      [{ title: 'x', asOf: AS_OF, code: 'RR-2025-009' }, 'code'],
      [{ title: 'x', asOf: AS_OF, code: 'con espacio' }, 'code'],
      [{ title: 'x', asOf: AS_OF, figures: {} }, 'figures'],
    ];
    for (const [body, field] of bad) {
      const res = await t.http().post(rounds()).set(coord).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect(await count('review_round')).toBe(n);
    await t.http().post(api('/programs/no-such-program/review-rounds')).set(coord).send({ title: 'x', asOf: AS_OF }).expect(404);
  });

  it('findings: reviewers and coordinators add them while open; officers see their own state only', async () => {
    const f1 = await t.http().post(rounds('/RR-2025-001/findings')).set(auth(reviewer)).send({ type: 'missing_evidence', stateCode: '20', activityCode: 'I1', description: ' El conjunto no tiene metadatos DCAT. ', dueOn: '2025-02-28' });
    expect(f1.status, JSON.stringify(f1.body)).toBe(201);
    expect(f1.body).toMatchObject({ number: 1, citation: 'RR-2025-001/1', type: 'missing_evidence', stateCode: '20', activityCode: 'I1', description: 'El conjunto no tiene metadatos DCAT.', dueOn: '2025-02-28', createdBy: { id: reviewer.user.id } });
    expect(f1.body.createdAt).toBe('2025-01-16T18:00:00.000Z'); // the test clock's time
    const f2 = await t.http().post(rounds('/RR-2025-001/findings')).set(coord).send({ type: 'delay', stateCode: '11', description: 'Reporte sin revisar.' }).expect(201);
    expect(f2.body).toMatchObject({ number: 2, citation: 'RR-2025-001/2', activityCode: null, dueOn: null });

    const officer20 = (await t.as('state_officer', '20')).auth;
    const own = await t.http().get(rounds('/RR-2025-001')).set(officer20).expect(200);
    expect(own.body.findings.map((f: { stateCode: string }) => f.stateCode)).toEqual(['20']);
    expect(own.body.findingCount).toBe(1);
    expect(own.body.figures).toEqual(created.body.figures); // the figures are public
    const list = await t.http().get(rounds()).set(officer20).expect(200);
    expect(list.body.rounds.map((r: { code: string; findingCount: number }) => [r.code, r.findingCount])).toEqual([
      ['RR-2025-001', 1],
      ['RR-2025-002', 0],
      ['CEATP-2025-1', 0],
    ]);
    const officer11 = (await t.as('state_officer', '11')).auth;
    expect((await t.http().get(rounds('/RR-2025-001')).set(officer11).expect(200)).body.findings.map((f: { citation: string }) => f.citation)).toEqual(['RR-2025-001/2']);
    for (const who of [auth(reviewer), (await t.as('admin')).auth]) {
      const all = await t.http().get(rounds('/RR-2025-001')).set(who).expect(200);
      expect(all.body.findings.map((f: { citation: string }) => f.citation)).toEqual(['RR-2025-001/1', 'RR-2025-001/2']);
      expect((await t.http().get(rounds()).set(who).expect(200)).body.rounds[0].findingCount).toBe(2);
    }

    expect(await audits('review_round.add_finding')).toEqual([
      { actorId: reviewer.user.id, entityType: 'review_finding', stateCode: '20', before: null, after: { roundCode: 'RR-2025-001', number: 1, type: 'missing_evidence', activityCode: 'I1', description: 'El conjunto no tiene metadatos DCAT.', dueOn: '2025-02-28' } },
      { actorId: expect.any(String), entityType: 'review_finding', stateCode: '11', before: null, after: { roundCode: 'RR-2025-001', number: 2, type: 'delay', activityCode: null, description: 'Reporte sin revisar.', dueOn: null } },
    ]);
  });

  it('role rules: officers and admins cannot create rounds, add findings or close (403); no token 401', async () => {
    const rounds0 = await count('review_round');
    const findings0 = await count('review_finding');
    for (const who of [(await t.as('state_officer', '20')).auth, (await t.as('admin')).auth]) {
      await t.http().post(rounds()).set(who).send({ title: 'x', asOf: AS_OF }).expect(403);
      await t.http().post(rounds('/RR-2025-001/findings')).set(who).send({ type: 'other', stateCode: '20', description: 'x' }).expect(403);
      await t.http().post(rounds('/RR-2025-001/close')).set(who).send({ agreementReference: 'X' }).expect(403);
    }
    await t.http().get(rounds()).expect(401);
    await t.http().post(rounds()).send({ title: 'x', asOf: AS_OF }).expect(401);
    expect(await count('review_round')).toBe(rounds0);
    expect(await count('review_finding')).toBe(findings0);
  });

  it('bad findings: 400 naming the field, nothing written; unknown round 404', async () => {
    const n = await count('review_finding');
    const bad: [Record<string, unknown>, string][] = [
      [{ type: 'opinion', stateCode: '20', description: 'x' }, 'type'],
      [{ type: 'other', stateCode: '5', description: 'x' }, 'stateCode'],
      [{ type: 'other', stateCode: '05', description: 'x' }, 'stateCode'], // no participation
      [{ type: 'other', stateCode: '20', activityCode: 'Z9', description: 'x' }, 'activityCode'],
      [{ type: 'other', stateCode: '20', description: '  ' }, 'description'],
      [{ type: 'other', stateCode: '20' }, 'description'],
      [{ type: 'other', stateCode: '20', description: 'x', dueOn: '31/12/2025' }, 'dueOn'],
      [{ type: 'other', stateCode: '20', description: 'x', severity: 'high' }, 'severity'],
    ];
    for (const [body, field] of bad) {
      const res = await t.http().post(rounds('/RR-2025-001/findings')).set(auth(reviewer)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    await t.http().post(rounds('/RR-2099-001/findings')).set(auth(reviewer)).send({ type: 'other', stateCode: '20', description: 'x' }).expect(404);
    await t.http().get(rounds('/RR-2099-001')).set(auth(reviewer)).expect(404);
    await t.http().get(rounds('/RR-2099-001/differences')).set(auth(reviewer)).expect(404);
    expect(await count('review_finding')).toBe(n);
  });

  it('a frozen round returns identical figures after later reports, reviews and re-plans; differences show the corrections', async () => {
    t.clock.set('2025-01-25');
    await t.http().post(api(`/reports/${pendingI1}/review`)).set(coord).send({ decision: 'accept' }).expect(200);
    await report('20', { activityCode: 'A2', percent: 100, reportedOn: '2025-01-14' }); // entered late, dated before the round
    await t.http().patch(api(`/programs/${programCode}/states/20/plan/A1`)).set(coord).send({ plannedDue: '2025-01-20', justification: J }).expect(200);
    await report('20', { activityCode: 'A1', percent: 100, reportedOn: '2025-01-22', metrics: { personas: 90 } }); // after the round's date

    const again = await t.http().get(rounds('/RR-2025-001')).set(auth(reviewer)).expect(200);
    expect(again.body.figures).toEqual(created.body.figures);
    expect(again.body).toMatchObject({ code: 'RR-2025-001', asOf: AS_OF, createdAt: created.body.createdAt });

    const diff = await t.http().get(rounds('/RR-2025-001/differences')).set((await t.as('state_officer', '11')).auth).expect(200);
    expect(diff.body).toMatchObject({ code: 'RR-2025-001', frozenAsOf: AS_OF, liveAsOf: AS_OF });
    const changed: Difference[] = diff.body.differences;
    expect(diff.body.changed).toBe(changed.length);
    expect(changed.every((d) => d.changed)).toBe(true);
    const key = (d: Difference) => [d.scope, d.kind, d.activityCode ?? d.indicatorCode ?? '-', d.figure].join(' ');
    expect(changed.map(key)).toEqual([
      'national progress - progress',
      'national progress - validatedProgress',
      'national progress - expected',
      'national progress - variance',
      'national progress - overdueItems',
      '20 progress - progress',
      '20 progress - validatedProgress',
      '20 progress - expected',
      '20 progress - variance',
      '20 progress - status',
      '20 progress - completedItems',
      '20 progress - overdueItems',
      '20 progress - dueItems',
      '20 progress - onTimeRate',
      '20 item A1 plannedDue',
      '20 item A1 expected',
      '20 item A1 overdue',
      '20 item A2 progress',
      '20 item A2 status',
      '20 item A2 completedOn',
      '20 item I1 validatedProgress',
      'national indicator K-PROG value',
      '20 indicator K-PROG value',
      'national indicator K-DONE value',
      '20 indicator K-DONE value',
      'national indicator K-DS value',
      '20 indicator K-DS value',
    ]);
    const find = (k: string) => changed.find((d) => key(d) === k)!;
    // P20 = (50 + 100 + 2·40) / 4 = 57.5; national = mean(57.5, 25) = 41.25.
    expect(find('national progress - progress')).toMatchObject({ frozen: 28.8, live: 41.3, delta: 12.5 });
    expect(find('20 progress - progress')).toMatchObject({ frozen: 32.5, live: 57.5, delta: 25 });
    // Validated: X's 40 % accepted → (2·40) / 4 = 20 in 20; national mean(20, 0).
    expect(find('national progress - validatedProgress')).toMatchObject({ frozen: 0, live: 10, delta: 10 });
    // A1 re-planned to 01-20: 14 of 19 days elapsed on 01-15.
    expect(find('20 item A1 plannedDue')).toMatchObject({ frozen: '2025-01-11', live: '2025-01-20', delta: null });
    expect(find('20 item A1 expected')).toMatchObject({ frozen: 100, live: 73.7, delta: -26.3 });
    expect(find('20 progress - status')).toMatchObject({ frozen: 'off_track', live: 'on_track' });
    expect(find('20 progress - onTimeRate')).toMatchObject({ frozen: 0, live: null, delta: null });
    expect(find('20 item A2 completedOn')).toMatchObject({ frozen: null, live: '2025-01-14' });
    expect(find('national indicator K-PROG value')).toMatchObject({ frozen: 28.8, live: 41.3, delta: 12.5 });
    expect(find('national indicator K-DONE value')).toMatchObject({ frozen: 16.7, live: 33.3, delta: 16.6 });
    expect(find('national indicator K-DS value')).toMatchObject({ frozen: 0, live: 1, delta: 1 });

    // Against the live figures as of a later date, with every figure and its flag.
    const later = await t.http().get(rounds('/RR-2025-001/differences?asOf=2025-01-25&all=true')).set(auth(reviewer)).expect(200);
    expect(later.body.liveAsOf).toBe('2025-01-25');
    const all: Difference[] = later.body.differences;
    expect(all.some((d) => !d.changed)).toBe(true);
    expect(all.find((d) => key(d) === 'national progress - states')).toMatchObject({ frozen: 2, live: 2, delta: 0, changed: false });
    expect(all.find((d) => key(d) === 'national indicator K-MET value')).toMatchObject({ frozen: 30, live: 90, delta: 60, changed: true });
    expect(all.find((d) => key(d) === '20 item A1 progress')).toMatchObject({ frozen: 50, live: 100, changed: true });
    await t.http().get(rounds('/RR-2025-001/differences?all=yes')).set(auth(reviewer)).expect(400);
  });

  it('closing records the agreement; a closed round takes no findings and is not closed twice', async () => {
    t.clock.set('2025-02-01T17:00:00Z');
    await t.http().post(rounds('/RR-2025-001/close')).set(auth(reviewer)).send({}).expect(400);
    const closed = await t.http().post(rounds('/RR-2025-001/close')).set(auth(reviewer)).send({ agreementReference: ' SNAIP/CEATP/ACUERDO/01/02/25-01 ' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: '2025-02-01T17:00:00.000Z', closedBy: { id: reviewer.user.id }, agreementReference: 'SNAIP/CEATP/ACUERDO/01/02/25-01' });
    expect(closed.body.figures).toEqual(created.body.figures);
    const n = await count('review_finding');
    await t.http().post(rounds('/RR-2025-001/findings')).set(coord).send({ type: 'other', stateCode: '20', description: 'Tarde.' }).expect(409);
    await t.http().post(rounds('/RR-2025-001/close')).set(coord).send({ agreementReference: 'Otro' }).expect(409);
    expect(await count('review_finding')).toBe(n);
    expect(await audits('review_round.close')).toEqual([
      { actorId: reviewer.user.id, entityType: 'review_round', stateCode: null, before: { status: 'open' }, after: { status: 'closed', agreementReference: 'SNAIP/CEATP/ACUERDO/01/02/25-01' } },
    ]);
  });

  it('the database itself refuses to change a frozen round or a finding', async () => {
    const [round] = await t.dataSource.query(`SELECT id FROM review_round WHERE code = 'RR-2025-002' AND program_id = $1`, [programId]);
    await expect(t.dataSource.query(`UPDATE review_round SET figures = '{}'::jsonb WHERE id = $1`, [round.id])).rejects.toThrow(/frozen/);
    await expect(t.dataSource.query(`UPDATE review_round SET as_of = '2025-01-01' WHERE id = $1`, [round.id])).rejects.toThrow(/frozen/);
    await expect(t.dataSource.query(`DELETE FROM review_round WHERE id = $1`, [round.id])).rejects.toThrow(/frozen/);
    await expect(t.dataSource.query(`UPDATE review_finding SET description = 'x'`)).rejects.toThrow(/never changed/);
    const [closed] = await t.dataSource.query(`SELECT id FROM review_round WHERE code = 'RR-2025-001' AND program_id = $1`, [programId]);
    await expect(t.dataSource.query(`UPDATE review_round SET status = 'open', closed_at = NULL, closed_by_id = NULL, agreement_reference = NULL WHERE id = $1`, [closed.id])).rejects.toThrow(/frozen/);
  });
});
