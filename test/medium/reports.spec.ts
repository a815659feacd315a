import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { dataSourceOptions } from '../../libs/database/src/data-source-options.js';
import { demoInstitutions } from '../../libs/core/src/demo/demo-institutions.js';
import { seedDemoReports } from '../../libs/core/src/demo/demo-reports.js';
import { LocalFileStorage } from '../../libs/core/src/files/file-storage.js';
import { DEMO_PARTICIPATIONS } from '../../libs/core/src/demo/demo-users.js';
import { Institution } from '../../libs/core/src/institutions/institution.entity.js';
import { PlanItem } from '../../libs/core/src/plans/plan-item.entity.js';
import { computeStateProgress, currentReport } from '../../libs/core/src/progress/progress-math.js';
import type { ReportInput } from '../../libs/core/src/progress/progress-types.js';
import { Activity } from '../../libs/core/src/programs/activity.entity.js';
import { Program } from '../../libs/core/src/programs/program.entity.js';
import type { ReviewState } from '../../libs/core/src/reports/report.entity.js';
import { ReportsRepository } from '../../libs/core/src/reports/reports.repository.js';
import { addDays } from '../../libs/platform/src/util/dates.js';
import { ProgramFactory } from '../../libs/testing/src/factories/program.factory.js';
import { UserFactory } from '../../libs/testing/src/factories/user.factory.js';
import { createTestDatabase } from '../../libs/testing/src/test-server.js';

describe('ReportsRepository and demo reports against PostgreSQL', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  let programs: ProgramFactory;
  let users: UserFactory;
  let repo: ReportsRepository;

  beforeAll(async () => {
    const db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
    drop = db.drop;
    ds = new DataSource(dataSourceOptions(db.url));
    await ds.initialize();
    programs = new ProgramFactory(ds);
    users = new UserFactory(ds);
    repo = new ReportsRepository(ds.manager);
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  async function unitFixture() {
    const { program } = await programs.program([{ code: '1.1' }, { code: '4.3', level: 'institution' }]);
    const { participation, items } = await programs.enrol(program.id, '20', '2025-01-15');
    const instA = await programs.institution(participation.id, { joinedOn: '2025-01-15' });
    const instB = await programs.institution(participation.id, { joinedOn: '2025-01-15' });
    const author = await users.create({ role: 'state_officer', stateCode: '20' });
    return { program, participation, stateItem: items[0], instItem: items[1], instA, instB, author };
  }

  describe('current report (SPEC §4) in SQL agrees with the progress engine', () => {
    it('ties on the date go to the later-created report; returned reports never count; later dates do not count yet', async () => {
      const f = await unitFixture();
      const add = async (reportedOn: string, percent: number, reviewState: ReviewState = 'submitted') =>
        (await repo.insertHistorical([{ report: {
          planItemId: f.stateItem.id, institutionId: null, status: 'in_progress', percent, reportedOn, narrative: null, metrics: {}, authorId: f.author.id, idempotencyKey: null,
          reviewState, reviewReason: reviewState === 'returned' ? 'Motivo' : null, reviewedById: reviewState === 'submitted' ? null : f.author.id,
          reviewedAt: reviewState === 'submitted' ? null : new Date(), createdAt: new Date('2025-01-01T00:00:00Z'), // equal timestamps: only seq tells them apart
        }, evidence: [] }]))[0];
      const a = await add('2025-03-01', 10);
      const b = await add('2025-03-01', 20);
      const c = await add('2025-04-01', 30, 'returned');
      const d = await add('2025-05-01', 40);
      expect((await repo.findCurrent(f.stateItem.id, null, '2025-03-01'))?.report.id).toBe(b);
      expect((await repo.findCurrent(f.stateItem.id, null, '2025-04-15'))?.report.id).toBe(b);
      expect((await repo.findCurrent(f.stateItem.id, null, '2025-05-01'))?.report.id).toBe(d);
      expect(await repo.findCurrent(f.stateItem.id, null, '2025-02-28')).toBeNull();
      expect([...(await repo.findCurrentIds(f.stateItem.id, '2025-04-15'))]).toEqual([b]);
      expect((await repo.findItemHistory(f.stateItem.id)).map((v) => v.report.id)).toEqual([a, b, c, d]);
    });

    it('matches currentReport() of the progress engine on random histories of several units', async () => {
      const f = await unitFixture();
      let state = 7;
      const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
      const dates = ['2025-02-01', '2025-02-15', '2025-03-01', '2025-03-15', '2025-04-01'];
      const units = [f.instA.id, f.instB.id];
      const inserted: ReportInput[] = [];
      for (let i = 0; i < 40; i++) {
        const institutionId = units[Math.floor(random() * units.length)];
        const reportedOn = dates[Math.floor(random() * dates.length)];
        const roll = random();
        const reviewState: ReviewState = roll < 0.3 ? 'returned' : roll < 0.6 ? 'accepted' : 'submitted';
        const percent = Math.floor(random() * 100);
        const [id] = await repo.insertHistorical([{ report: {
          planItemId: f.instItem.id, institutionId, status: 'in_progress', percent, reportedOn, narrative: null, metrics: {}, authorId: f.author.id, idempotencyKey: null,
          reviewState, reviewReason: reviewState === 'returned' ? 'Motivo' : null, reviewedById: reviewState === 'submitted' ? null : f.author.id,
          reviewedAt: reviewState === 'submitted' ? null : new Date(), createdAt: new Date('2025-06-01T00:00:00Z'),
        }, evidence: [] }]);
        inserted.push({ id, itemId: f.instItem.id, institutionId, status: 'in_progress', percent, reportedOn, createdAt: i, reviewState });
      }
      for (const asOf of ['2025-01-31', ...dates, '2025-12-31']) {
        const expected = new Set(units.flatMap((u) => {
          const cur = currentReport(inserted.filter((r) => r.institutionId === u), asOf);
          return cur ? [cur.id] : [];
        }));
        expect(await repo.findCurrentIds(f.instItem.id, asOf)).toEqual(expected);
        for (const u of units) {
          const cur = currentReport(inserted.filter((r) => r.institutionId === u), asOf);
          expect((await repo.findCurrent(f.instItem.id, u, asOf))?.report.id ?? null).toBe(cur?.id ?? null);
        }
      }
    });
  });

  describe('writes', () => {
    it('markReviewed succeeds once: a second review finds the report no longer submitted', async () => {
      const f = await unitFixture();
      const id = await repo.insert({ planItemId: f.stateItem.id, institutionId: null, status: 'in_progress', percent: 10, reportedOn: '2025-02-01', narrative: null, metrics: {}, authorId: f.author.id, idempotencyKey: null }, []);
      expect(await repo.markReviewed(id, 'accepted', null, f.author.id)).toBe(true);
      expect(await repo.markReviewed(id, 'returned', 'Tarde', f.author.id)).toBe(false);
      expect(await repo.findReviewTarget(id)).toMatchObject({ reviewState: 'accepted', stateCode: '20', programId: f.program.id });
    });

    it('the database itself refuses inconsistent rows (status/percent, return without reason, duplicate idempotency key)', async () => {
      const f = await unitFixture();
      const base = { planItemId: f.stateItem.id, institutionId: null, status: 'in_progress' as const, percent: 10, reportedOn: '2025-02-01', narrative: null, metrics: {}, authorId: f.author.id, idempotencyKey: null };
      await expect(repo.insert({ ...base, status: 'completed', percent: 90 }, [])).rejects.toMatchObject({ driverError: { constraint: 'report_status_percent_check' } });
      await expect(repo.insert({ ...base, percent: 101 }, [])).rejects.toThrow();
      await expect(repo.insertHistorical([{ report: { ...base, reviewState: 'returned', reviewReason: null, reviewedById: f.author.id, reviewedAt: new Date(), createdAt: new Date() }, evidence: [] }])).rejects.toMatchObject({ driverError: { constraint: 'report_review_reason_check' } });
      await expect(repo.insert(base, [{ kind: 'url', title: 'x', url: null, fileId: null, highValue: false, format: null, licence: null, formatCode: null }])).rejects.toMatchObject({ driverError: { constraint: 'evidence_target_check' } });
      await repo.insert({ ...base, idempotencyKey: 'k-1' }, []);
      await expect(repo.insert({ ...base, idempotencyKey: 'k-1' }, [])).rejects.toMatchObject({ driverError: { constraint: 'report_author_id_idempotency_key_key' } });
    });
  });

  describe('seedDemoReports', () => {
    const TODAY = '2026-03-31';
    let programId: string;
    let storage: LocalFileStorage;

    beforeAll(async () => {
      const program = await ds.getRepository(Program).findOneByOrFail({ code: 'condatos-2024' });
      programId = program.id;
      storage = new LocalFileStorage(await mkdtemp(path.join(os.tmpdir(), 'rumbo-demo-files-')));
      await users.create({ role: 'coordinator', email: 'coordinator@rumbo.demo', name: 'Coordinación Nacional' });
      for (const { stateCode, joinedOn } of DEMO_PARTICIPATIONS) {
        await users.create({ role: 'state_officer', stateCode, email: `officer.${stateCode}@rumbo.demo` });
        const { participation } = await programs.enrol(program.id, stateCode, joinedOn);
        for (const [i, inst] of demoInstitutions(stateCode).entries()) {
          const joined = addDays(joinedOn, 150 + i * 7);
          if (joined <= TODAY) await programs.institution(participation.id, { name: inst.name, acronym: inst.acronym, orderOfGovernment: inst.order, joinedOn: joined });
        }
      }
    });

    async function fingerprint(): Promise<string[]> {
      const rows: { f: string }[] = await ds.query(
        `SELECT concat_ws('|', p.state_code, a.code, coalesce(i.name, '-'), r.reported_on::text, r.status, r.percent::text, r.review_state, coalesce(r.review_reason, '-'), r.metrics::text,
                (SELECT string_agg(e.kind || ':' || coalesce(e.url, f.name) || ':' || e.high_value, ',' ORDER BY e.position) FROM evidence e LEFT JOIN stored_file f ON f.id = e.file_id WHERE e.report_id = r.id)) AS f
           FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id JOIN activity a ON a.id = pi.activity_id
           LEFT JOIN institution i ON i.id = r.institution_id
          WHERE p.program_id = $1 ORDER BY r.seq`,
        [programId],
      );
      return rows.map((r) => r.f);
    }

    it('writes realistic, rule-abiding, deterministic histories once', async () => {
      const summary = await seedDemoReports(ds, TODAY, { storage });
      expect(summary.reports).toBeGreaterThan(300);
      expect(summary.accepted).toBeGreaterThan(summary.returned);
      expect(summary.returned).toBeGreaterThan(5);
      expect(summary.submitted).toBeGreaterThan(5);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'report.seed' AND program_id = $1 AND actor_id IS NULL`, [programId]);
      expect(n).toBe(summary.reports);

      // Every seeded report obeys the submission rules.
      const violations = await ds.query(
        `SELECT r.id FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id JOIN activity a ON a.id = pi.activity_id
           LEFT JOIN institution i ON i.id = r.institution_id
          WHERE p.program_id = $1 AND (
                r.reported_on > $2 OR r.reported_on < p.joined_on OR NOT pi.included
             OR (a.level = 'state') <> (r.institution_id IS NULL)
             OR (i.id IS NOT NULL AND (i.participation_id <> p.id OR i.joined_on > r.reported_on OR (i.exited_on IS NOT NULL AND i.exited_on <= r.reported_on)))
             OR EXISTS (SELECT 1 FROM jsonb_object_keys(r.metrics) k WHERE k <> ALL (a.metrics))
             OR r.created_at > ($2::date + 1)::timestamptz + interval '6 hours'
             OR (r.reviewed_at IS NOT NULL AND r.reviewed_at < r.created_at)
             -- verifiable completion: a completed report carries every evidence kind its activity expects
             OR (r.status = 'completed' AND a.completion_needs_evidence
                 AND EXISTS (SELECT 1 FROM unnest(a.evidence_kinds) k WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.report_id = r.id AND e.kind = k))))`,
        [programId, TODAY],
      );
      expect(violations).toEqual([]);

      // Documents are stored files of the report's own state, one per unit, whose bytes are a PDF.
      expect(summary.documents).toBeGreaterThan(50);
      const [docs] = await ds.query(
        `SELECT count(*)::int AS "documentEvidence", count(*) FILTER (WHERE f.state_code <> p.state_code OR f.program_id <> p.program_id OR f.content_type <> 'application/pdf')::int AS "misplaced",
                count(DISTINCT f.id)::int AS "files", min(f.storage_key) AS "someKey"
           FROM evidence e JOIN report r ON r.id = e.report_id JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id JOIN stored_file f ON f.id = e.file_id
          WHERE p.program_id = $1 AND e.kind = 'document'`,
        [programId],
      );
      expect(docs.misplaced).toBe(0);
      expect(docs.files).toBe(summary.documents);
      expect(docs.documentEvidence).toBeGreaterThan(docs.files);
      const chunks: Buffer[] = [];
      for await (const c of await storage.open(docs.someKey)) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // Metrics on 2.1 and 4.4, high-value datasets on 4.4, returned reports carry a reason, URLs on the states' portals.
      const [facts] = await ds.query(
        `SELECT count(*) FILTER (WHERE a.code = '2.1' AND r.metrics ? 'personas_sensibilizadas')::int AS "personas",
                count(*) FILTER (WHERE a.code = '4.4' AND r.metrics ? 'conjuntos_publicados')::int AS "conjuntos",
                count(*) FILTER (WHERE a.code = '4.4' AND EXISTS (SELECT 1 FROM evidence e WHERE e.report_id = r.id AND e.kind = 'dataset' AND e.high_value))::int AS "highValue",
                count(*) FILTER (WHERE r.review_state = 'returned' AND length(r.review_reason) > 10)::int AS "reasons",
                (SELECT count(*) FROM evidence e JOIN report x ON x.id = e.report_id WHERE x.id = ANY(array_agg(r.id)) AND e.url !~ '^https://datos\\.[a-z]+\\.gob\\.mx/')::int AS "foreignUrls"
           FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id JOIN activity a ON a.id = pi.activity_id
          WHERE p.program_id = $1`,
        [programId],
      );
      expect(facts.personas).toBeGreaterThan(10);
      expect(facts.conjuntos).toBeGreaterThan(10);
      expect(facts.highValue).toBeGreaterThan(3);
      expect(facts.reasons).toBe(summary.returned);
      expect(facts.foreignUrls).toBe(0);

      // Seeding again changes nothing; seeding from scratch gives the very same histories.
      const first = await fingerprint();
      expect(await seedDemoReports(ds, TODAY, { storage })).toMatchObject({ reports: 0 });
      expect(await fingerprint()).toEqual(first);
      await ds.query(`DELETE FROM evidence WHERE report_id IN (SELECT r.id FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1)`, [programId]);
      await ds.query(`DELETE FROM report WHERE plan_item_id IN (SELECT pi.id FROM plan_item pi JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1)`, [programId]);
      // This time with write hooks: called once per unit, inside the transaction that wrote its reports.
      const seen: string[] = [];
      const hooks = {
        afterReportWrite: async (tx: import('typeorm').EntityManager, unit: { planItemId: string; institutionId: string | null }) => {
          const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM report WHERE plan_item_id = $1 AND institution_id IS NOT DISTINCT FROM $2', [unit.planItemId, unit.institutionId]);
          expect(n).toBeGreaterThan(0);
          seen.push(`${unit.planItemId}/${unit.institutionId}`);
        },
      };
      expect(await seedDemoReports(ds, TODAY, { storage, hooks })).toEqual(summary);
      expect(await fingerprint()).toEqual(first);
      const [{ units }] = await ds.query(
        `SELECT count(DISTINCT (r.plan_item_id, r.institution_id))::int AS units FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE p.program_id = $1`,
        [programId],
      );
      expect(seen.length).toBe(units);
      expect(new Set(seen).size).toBe(units);
    });

    it('leaves several states clearly behind schedule and some on track (progress engine as of today)', async () => {
      const figures: Record<string, { progress: number; expected: number; variance: number; status: string }> = {};
      for (const { stateCode, joinedOn } of DEMO_PARTICIPATIONS) {
        const [participation] = await ds.query(`SELECT id FROM participation WHERE program_id = $1 AND state_code = $2`, [programId, stateCode]);
        const items = await ds.getRepository(PlanItem).find({ where: { participationId: participation.id }, relations: { activity: { phase: true } } });
        const institutions = await ds.getRepository(Institution).findBy({ participationId: participation.id });
        const reports: ReportInput[] = (await ds.query(
          `SELECT r.id, r.plan_item_id AS "itemId", r.institution_id AS "institutionId", r.status, r.percent::float AS percent, r.reported_on::text AS "reportedOn", r.seq::int AS "createdAt", r.review_state AS "reviewState"
             FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id WHERE pi.participation_id = $1`,
          [participation.id],
        ));
        const p = computeStateProgress({
          participation: { stateCode, joinedOn, exitedOn: null },
          items: items.map((i) => ({ itemId: i.id, activityCode: (i.activity as Activity).code, phaseNumber: i.activity!.phase!.number, level: i.activity!.level, weight: i.activity!.weight, included: i.included, plannedStart: i.plannedStart, plannedDue: i.plannedDue, originalStart: i.originalStart, originalDue: i.originalDue })),
          institutions: institutions.map((i) => ({ id: i.id, joinedOn: i.joinedOn, exitedOn: i.exitedOn })),
          reports,
        }, TODAY);
        figures[stateCode] = { progress: Math.round(p.progress), expected: Math.round(p.expected), variance: Math.round(p.variance), status: p.status };
      }
      for (const behind of ['28', '04', '07', '27']) expect(figures[behind].status, behind).toBe('off_track');
      for (const onTrack of ['20', '11', '22']) expect(['on_track', 'completed'], onTrack).toContain(figures[onTrack].status);
    });
  });
});
