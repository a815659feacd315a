import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { ActivityLevel, ProgressThresholds, ReportInput, ReportRef, UnitSnapshot } from './progress-types.js';
import { STATE_UNIT_KEY } from './unit-progress.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What every read needs first, in one small query: the program and the version of its data. */
export interface ProgramHead {
  id: string;
  code: string;
  name: string;
  status: string;
  timeZone: string;
  thresholds: ProgressThresholds;
  /**
   * Changes whenever any state's version does: versions only ever grow (each write adds 1 to one of them, a new
   * participation adds a row), so (number of rows, sum of versions) never repeats.
   */
  fingerprint: string;
  /** The version of the state asked for, when one was; null when that state never participated. */
  state: StateVersion | null;
}

export interface StateVersion {
  version: string;
  /** Latest date of any report that ever counted in the state; null when none did. */
  maxReportedOn: string | null;
}

export interface ParticipationRow {
  participationId: string;
  stateCode: string;
  stateName: string;
  joinedOn: string;
  exitedOn: string | null;
}

export interface PlanItemRow {
  itemId: string;
  stateCode: string;
  activityCode: string;
  activityName: string;
  phaseNumber: number;
  phaseName: string;
  level: ActivityLevel;
  weight: number;
  included: boolean;
  plannedStart: string;
  plannedDue: string;
  originalStart: string;
  originalDue: string;
}

export interface InstitutionRow {
  id: string;
  stateCode: string;
  name: string;
  acronym: string | null;
  orderOfGovernment: string;
  joinedOn: string;
  exitedOn: string | null;
}

export type StateUnitSnapshot = UnitSnapshot & { stateCode: string };

/** `null` means every state of the program. */
type StateFilter = readonly string[] | null;

/** Concurrent queries a past-date computation is split into (the benchmark machine has 2 cores). */
const HISTORY_CHUNKS = 2;

/**
 * The one SQL form of SPEC §4's per-unit rules, for many units at once (the reference is `unitSnapshot` in
 * progress-math.ts, and the property tests hold the two together). Counting reports of each unit dated ≤ $asOf,
 * newest first (reported_on, then seq): the first is the current report, the first accepted one the validated
 * report, and the leading run of reports at 100 (no report below 100 up to it) gives the completion date.
 * A report belongs to a unit when it matches the item's level (no institution on state-level items, one on
 * institution-level items; the report rules allow nothing else): the caller passes the item ids of each level,
 * so no join runs per report. One sort, one window pass, one grouping: no self-joins.
 */
function unitSnapshotsSql(where: string): string {
  return `
    WITH ranked AS (
      SELECT r.plan_item_id, r.institution_id, r.id, r.status, r.percent, r.reported_on, r.review_state,
             row_number() OVER w AS pos,
             count(*) FILTER (WHERE r.review_state = 'accepted') OVER w AS accepted_upto,
             count(*) FILTER (WHERE r.percent < 100) OVER w AS below_upto
        FROM report r
       WHERE ((r.plan_item_id = ANY($stateItems::uuid[]) AND r.institution_id IS NULL)
              OR (r.plan_item_id = ANY($institutionItems::uuid[]) AND r.institution_id IS NOT NULL))
         AND r.reported_on <= $asOf::date AND r.review_state <> 'returned'
         AND ${where}
      WINDOW w AS (PARTITION BY r.plan_item_id, r.institution_id ORDER BY r.reported_on DESC, r.seq DESC ROWS UNBOUNDED PRECEDING)
    )
    SELECT plan_item_id AS "itemId", institution_id AS "institutionId",
           (array_agg(id) FILTER (WHERE pos = 1))[1] AS "currentId",
           min(status) FILTER (WHERE pos = 1) AS "currentStatus",
           min(percent) FILTER (WHERE pos = 1)::float8 AS "currentPercent",
           min(reported_on) FILTER (WHERE pos = 1)::text AS "currentReportedOn",
           min(review_state) FILTER (WHERE pos = 1) AS "currentReviewState",
           (array_agg(id) FILTER (WHERE review_state = 'accepted' AND accepted_upto = 1))[1] AS "validatedId",
           min(status) FILTER (WHERE review_state = 'accepted' AND accepted_upto = 1) AS "validatedStatus",
           min(percent) FILTER (WHERE review_state = 'accepted' AND accepted_upto = 1)::float8 AS "validatedPercent",
           min(reported_on) FILTER (WHERE review_state = 'accepted' AND accepted_upto = 1)::text AS "validatedReportedOn",
           min(reported_on) FILTER (WHERE below_upto = 0)::text AS "completedOn"
      FROM ranked
     WHERE pos = 1 OR (review_state = 'accepted' AND accepted_upto = 1) OR below_upto = 0
     GROUP BY plan_item_id, institution_id`;
}

/** The item ids of each level, as the unit-snapshot SQL takes them. */
function levels(items: readonly { itemId: string; level: ActivityLevel }[]): { stateItems: string[]; institutionItems: string[] } {
  return {
    stateItems: items.filter((i) => i.level === 'state').map((i) => i.itemId),
    institutionItems: items.filter((i) => i.level === 'institution').map((i) => i.itemId),
  };
}

/** Named parameters for the few hand-written statements here, turned into $n. */
function bind(sql: string, params: Record<string, unknown>): [string, unknown[]] {
  const names: string[] = [];
  const text = sql.replace(/\$([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`unbound parameter $${name}`);
    let i = names.indexOf(name);
    if (i < 0) i = names.push(name) - 1;
    return `$${i + 1}`;
  });
  return [text, names.map((n) => params[n])];
}

interface SnapshotSqlRow {
  itemId: string;
  institutionId: string | null;
  stateCode?: string;
  currentId: string | null;
  currentStatus: ReportRef['status'] | null;
  currentPercent: number | null;
  currentReportedOn: string | null;
  currentReviewState: ReportRef['reviewState'] | null;
  validatedId: string | null;
  validatedStatus: ReportRef['status'] | null;
  validatedPercent: number | null;
  validatedReportedOn: string | null;
  completedOn: string | null;
}

function toSnapshot(r: SnapshotSqlRow, stateOf?: Map<string, string>): StateUnitSnapshot {
  return {
    stateCode: r.stateCode ?? stateOf!.get(r.itemId)!,
    itemId: r.itemId,
    institutionId: r.institutionId,
    current:
      r.currentId === null
        ? null
        : { id: r.currentId, status: r.currentStatus!, percent: r.currentPercent!, reportedOn: r.currentReportedOn!, reviewState: r.currentReviewState! },
    validated:
      r.validatedId === null
        ? null
        : { id: r.validatedId, status: r.validatedStatus!, percent: r.validatedPercent!, reportedOn: r.validatedReportedOn!, reviewState: 'accepted' },
    completedOn: r.completedOn,
  };
}

/**
 * Reads for the progress engine (plan items, institutions, participations, unit snapshots) and the writes that
 * keep `unit_progress` and `progress_version` exact. Dates are read as text, numbers as float8.
 */
@Injectable()
export class ProgressRepository extends BaseRepository {
  /** The program (by id or code) with its data fingerprint, and one state's version: the one query a cached read costs. */
  async findHead(idOrCode: string, stateCode: string | null = null): Promise<ProgramHead | null> {
    const [p]: {
      id: string;
      code: string;
      name: string;
      status: string;
      timeZone: string;
      atRisk: number;
      offTrack: number;
      fingerprint: string;
      stateVersion: string | null;
      stateMaxReportedOn: string | null;
    }[] = await this.em.query(
      `SELECT p.id, p.code, p.name, p.status, p.time_zone AS "timeZone",
              p.threshold_at_risk::float8 AS "atRisk", p.threshold_off_track::float8 AS "offTrack",
              (SELECT count(*) || ':' || COALESCE(sum(v.version), 0) FROM progress_version v WHERE v.program_id = p.id) AS fingerprint,
              s.version::text AS "stateVersion", s.max_reported_on::text AS "stateMaxReportedOn"
         FROM program p
         LEFT JOIN progress_version s ON s.program_id = p.id AND s.state_code = $2
        WHERE ${UUID.test(idOrCode) ? 'p.id = $1::uuid' : 'p.code = $1'}`,
      [idOrCode, stateCode],
    );
    if (!p) return null;
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      status: p.status,
      timeZone: p.timeZone,
      thresholds: { atRisk: p.atRisk, offTrack: p.offTrack },
      fingerprint: p.fingerprint,
      state: p.stateVersion === null ? null : { version: p.stateVersion, maxReportedOn: p.stateMaxReportedOn },
    };
  }

  /** Every state's version in the program. */
  async findVersions(programId: string): Promise<Map<string, StateVersion>> {
    const rows: { stateCode: string; version: string; maxReportedOn: string | null }[] = await this.em.query(
      `SELECT state_code AS "stateCode", version::text AS version, max_reported_on::text AS "maxReportedOn" FROM progress_version WHERE program_id = $1`,
      [programId],
    );
    return new Map(rows.map((r) => [r.stateCode, { version: r.version, maxReportedOn: r.maxReportedOn }]));
  }

  /** Active programs (the daily jobs run for these). */
  async findActiveProgramIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.em.query(`SELECT id FROM program WHERE status = 'active' ORDER BY code`);
    return rows.map((r) => r.id);
  }

  /** Every participation of the program (withdrawn ones too), by state code. */
  findParticipations(programId: string): Promise<ParticipationRow[]> {
    return this.em.query(
      `SELECT p.id AS "participationId", p.state_code AS "stateCode", s.name AS "stateName",
              p.joined_on::text AS "joinedOn", p.exited_on::text AS "exitedOn"
         FROM participation p JOIN state s ON s.code = p.state_code
        WHERE p.program_id = $1
        ORDER BY p.state_code`,
      [programId],
    );
  }

  /** Plan items with their activity and phase, for the given states (null: all). */
  findPlanItems(programId: string, states: StateFilter): Promise<PlanItemRow[]> {
    return this.em.query(
      `SELECT pi.id AS "itemId", p.state_code AS "stateCode", a.code AS "activityCode", a.name AS "activityName",
              ph.number AS "phaseNumber", ph.name AS "phaseName", a.level, a.weight::float8 AS weight, pi.included,
              pi.planned_start::text AS "plannedStart", pi.planned_due::text AS "plannedDue",
              pi.original_start::text AS "originalStart", pi.original_due::text AS "originalDue"
         FROM plan_item pi
         JOIN participation p ON p.id = pi.participation_id
         JOIN activity a ON a.id = pi.activity_id
         JOIN phase ph ON ph.id = a.phase_id
        WHERE p.program_id = $1 AND ($2::text[] IS NULL OR p.state_code = ANY($2::text[]))
        ORDER BY p.state_code, a.position`,
      [programId, states],
    );
  }

  /** Institutions (exited ones too) of the given states, in id order (the order the engine averages in). */
  findInstitutions(programId: string, states: StateFilter): Promise<InstitutionRow[]> {
    return this.em.query(
      `SELECT i.id, p.state_code AS "stateCode", i.name, i.acronym, i.order_of_government AS "orderOfGovernment",
              i.joined_on::text AS "joinedOn", i.exited_on::text AS "exitedOn"
         FROM institution i JOIN participation p ON p.id = i.participation_id
        WHERE p.program_id = $1 AND ($2::text[] IS NULL OR p.state_code = ANY($2::text[]))
        ORDER BY i.id`,
      [programId, states],
    );
  }

  /**
   * The maintained snapshots (over all reports) of the given states' units; with `upTo`, only the units whose
   * current report is dated on or before it (their snapshot as of any date ≥ upTo is the maintained one).
   */
  async findMaintainedUnits(programId: string, states: StateFilter, upTo: string | null = null): Promise<StateUnitSnapshot[]> {
    const rows: SnapshotSqlRow[] = await this.em.query(
      `SELECT u.plan_item_id AS "itemId", NULLIF(u.institution_key, '${STATE_UNIT_KEY}'::uuid) AS "institutionId",
              p.state_code AS "stateCode",
              u.current_report_id AS "currentId", u.current_status AS "currentStatus", u.current_percent::float8 AS "currentPercent",
              u.current_reported_on::text AS "currentReportedOn", u.current_review_state AS "currentReviewState",
              u.validated_report_id AS "validatedId", u.validated_status AS "validatedStatus",
              u.validated_percent::float8 AS "validatedPercent", u.validated_reported_on::text AS "validatedReportedOn",
              u.completed_on::text AS "completedOn"
         FROM participation p
         JOIN plan_item pi ON pi.participation_id = p.id
         JOIN unit_progress u ON u.plan_item_id = pi.id
        WHERE p.program_id = $1 AND ($2::text[] IS NULL OR p.state_code = ANY($2::text[]))
          AND u.current_report_id IS NOT NULL AND ($3::date IS NULL OR u.current_reported_on <= $3::date)`,
      [programId, states, upTo],
    );
    return rows.map((r) => toSnapshot(r));
  }

  /**
   * Snapshots of the given states' units as of a past date. A unit whose current report (over all reports) is
   * dated on or before `asOf` has no counting report after it, so its maintained snapshot is exact; only the
   * others are computed from report history. The history part is split into HISTORY_CHUNKS groups of plan items
   * queried at the same time (each on its own pooled connection), so the sort and the window pass use every core.
   */
  async findUnitsAsOf(programId: string, states: readonly string[], asOf: string): Promise<StateUnitSnapshot[]> {
    const items = await this.findItemLevels(programId, states);
    const stateOf = new Map(items.map((i) => [i.itemId, i.stateCode]));
    const chunks = Array.from({ length: HISTORY_CHUNKS }, (_, k) => items.filter((_, n) => n % HISTORY_CHUNKS === k)).filter((c) => c.length > 0);
    const unitsAfter = `EXISTS (SELECT 1 FROM unit_progress u
                                WHERE u.plan_item_id = r.plan_item_id AND u.institution_key = COALESCE(r.institution_id, '${STATE_UNIT_KEY}'::uuid)
                                  AND u.current_reported_on > $asOf::date)`;
    const parts = await Promise.all([
      this.findMaintainedUnits(programId, states, asOf),
      ...chunks.map(async (chunk) => {
        const rows: SnapshotSqlRow[] = await this.em.query(...bind(unitSnapshotsSql(unitsAfter), { ...levels(chunk), asOf }));
        return rows.map((r) => toSnapshot(r, stateOf));
      }),
    ]);
    return parts.flat();
  }

  /** The plan items of the given states (null: all, in every program when `programId` is null too) with their level. */
  private findItemLevels(programId: string | null, states: StateFilter): Promise<{ itemId: string; stateCode: string; level: ActivityLevel }[]> {
    return this.em.query(
      `SELECT pi.id AS "itemId", p.state_code AS "stateCode", a.level
         FROM plan_item pi JOIN participation p ON p.id = pi.participation_id JOIN activity a ON a.id = pi.activity_id
        WHERE ($1::uuid IS NULL OR p.program_id = $1) AND ($2::text[] IS NULL OR p.state_code = ANY($2::text[]))`,
      [programId, states],
    );
  }

  // -------------------------------------------------------------------------------------------------------
  // Maintenance (inside the report / review transaction)

  /**
   * Creates or locks the unit's row until the transaction ends, so concurrent writes to one unit recompute one
   * after the other (each then reads the other's committed report).
   */
  async lockUnit(planItemId: string, institutionKey: string): Promise<void> {
    await this.em.query(
      `INSERT INTO unit_progress (plan_item_id, institution_key) VALUES ($1, $2)
       ON CONFLICT (plan_item_id, institution_key) DO UPDATE SET updated_at = now()`,
      [planItemId, institutionKey],
    );
  }

  /** Every report of one unit (returned ones too), as engine input; `createdAt` is the creation order `seq`. */
  async findUnitReports(planItemId: string, institutionId: string | null): Promise<ReportInput[]> {
    const rows: (Omit<ReportInput, 'createdAt'> & { seq: string })[] = await this.em.query(
      `SELECT r.id, r.plan_item_id AS "itemId", r.institution_id AS "institutionId", r.status, r.percent::float8 AS percent,
              r.reported_on::text AS "reportedOn", r.seq::text AS seq, r.review_state AS "reviewState"
         FROM report r
        WHERE r.plan_item_id = $1 AND ${institutionId === null ? 'r.institution_id IS NULL' : 'r.institution_id = $2'}`,
      institutionId === null ? [planItemId] : [planItemId, institutionId],
    );
    return rows.map(({ seq, ...r }) => ({ ...r, createdAt: Number(seq) }));
  }

  async saveUnit(institutionKey: string, s: UnitSnapshot): Promise<void> {
    await this.em.query(
      `UPDATE unit_progress
          SET current_report_id = $3, current_status = $4, current_percent = $5, current_reported_on = $6, current_review_state = $7,
              validated_report_id = $8, validated_status = $9, validated_percent = $10, validated_reported_on = $11,
              completed_on = $12, updated_at = now()
        WHERE plan_item_id = $1 AND institution_key = $2`,
      [
        s.itemId,
        institutionKey,
        s.current?.id ?? null,
        s.current?.status ?? null,
        s.current?.percent ?? null,
        s.current?.reportedOn ?? null,
        s.current?.reviewState ?? null,
        s.validated?.id ?? null,
        s.validated?.status ?? null,
        s.validated?.percent ?? null,
        s.validated?.reportedOn ?? null,
        s.completedOn,
      ],
    );
  }

  /** Bumps the version of the item's state; `reportedOn` raises the state's latest counting report date. */
  async touchStateOfItem(planItemId: string, reportedOn: string | null): Promise<void> {
    await this.em.query(
      `INSERT INTO progress_version AS v (program_id, state_code, max_reported_on)
       SELECT p.program_id, p.state_code, $2::date
         FROM plan_item pi JOIN participation p ON p.id = pi.participation_id
        WHERE pi.id = $1
       ON CONFLICT (program_id, state_code)
       DO UPDATE SET version = v.version + 1, max_reported_on = GREATEST(v.max_reported_on, EXCLUDED.max_reported_on), updated_at = now()`,
      [planItemId, reportedOn],
    );
  }

  /**
   * Recomputes `unit_progress` of a program (or all programs) from report history, and resets the versions.
   * Blocks report writes meanwhile (SHARE lock on report), so nothing slips between the read and the write.
   * Returns the number of units with reports.
   */
  async rebuild(programId: string | null): Promise<number> {
    await this.em.query('LOCK TABLE report IN SHARE MODE');
    const scope = programId === null ? 'TRUE' : 'p.program_id = $program';
    const params: Record<string, unknown> = programId === null ? {} : { program: programId };
    await this.em.query(
      ...bind(`DELETE FROM unit_progress u USING plan_item pi, participation p WHERE u.plan_item_id = pi.id AND p.id = pi.participation_id AND ${scope}`, params),
    );
    const items = await this.findItemLevels(programId, null);
    await this.em.query(
      ...bind(
        `INSERT INTO unit_progress (plan_item_id, institution_key, current_report_id, current_status, current_percent,
                                    current_reported_on, current_review_state, validated_report_id, validated_status,
                                    validated_percent, validated_reported_on, completed_on)
         SELECT s."itemId", COALESCE(s."institutionId", '${STATE_UNIT_KEY}'::uuid), s."currentId", s."currentStatus", s."currentPercent",
                s."currentReportedOn"::date, s."currentReviewState", s."validatedId", s."validatedStatus", s."validatedPercent",
                s."validatedReportedOn"::date, s."completedOn"::date
           FROM (${unitSnapshotsSql('TRUE')}) s`,
        { ...levels(items), asOf: '9999-12-31' },
      ),
    );
    const [{ units }]: { units: string }[] = await this.em.query(
      ...bind(
        `WITH latest AS (
           SELECT p.program_id, p.state_code, max(u.current_reported_on) AS max_reported_on, count(u.plan_item_id) AS units
             FROM participation p
             LEFT JOIN plan_item pi ON pi.participation_id = p.id
             LEFT JOIN unit_progress u ON u.plan_item_id = pi.id
            WHERE ${scope}
            GROUP BY p.program_id, p.state_code
         ), touched AS (
           INSERT INTO progress_version AS v (program_id, state_code, max_reported_on)
           SELECT program_id, state_code, max_reported_on FROM latest
           ON CONFLICT (program_id, state_code)
           DO UPDATE SET version = v.version + 1, max_reported_on = EXCLUDED.max_reported_on, updated_at = now()
         )
         SELECT COALESCE(sum(units), 0)::text AS units FROM latest`,
        params,
      ),
    );
    return Number(units);
  }
}
