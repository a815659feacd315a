import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import { preparedQuery } from '../../../database/src/prepared-query.js';
import type { ActivityLevel, ProgressThresholds, ReportRef, UnitSnapshot } from './progress-types.js';
import type { EvidenceKind } from '../programs/activity.entity.js';
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
  /** Evidence kinds a `completed` report must carry (verifiable completion); empty when the rule is off. */
  completionEvidence: EvidenceKind[];
  /** Formats a `completed` report must carry a document of (verifiable completion); empty when the rule is off. */
  completionFormats: { code: string; name: string }[];
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

/**
 * The one SQL form of SPEC §4's per-unit rules, for one unit or many at once (the reference is `unitSteps` /
 * `unitSnapshot` in progress-math.ts; the property tests hold the two together): each unit's snapshot history as
 * steps, one per date of a counting report. Counting reports of each unit in order (reported_on, then seq); over
 * the reports up to each one: the last is the current report, the last accepted one the validated report, and the
 * report right after the last one below 100 starts the completion run (when the current report is at 100). The
 * last report of each date closes the day: a step from that date to the next report date (`infinity`: open).
 * `filter` picks the reports (alias `r`): one unit (`unitFilter`), or whole plan items by level (`LEVEL_FILTER`).
 */
function unitStepsSql(filter: string): string {
  return `
    WITH c AS (
      SELECT r.plan_item_id, COALESCE(r.institution_id, '${STATE_UNIT_KEY}'::uuid) AS institution_key,
             r.id, r.status, r.percent, r.reported_on, r.review_state,
             row_number() OVER (PARTITION BY r.plan_item_id, r.institution_id ORDER BY r.reported_on, r.seq) AS rn
        FROM report r
       WHERE ${filter} AND r.review_state <> 'returned'
    ), d AS (
      SELECT c.*,
             max(rn) FILTER (WHERE review_state = 'accepted') OVER w AS validated_rn,
             max(rn) FILTER (WHERE percent < 100) OVER w AS below_rn,
             lead(reported_on) OVER w AS next_on
        FROM c
      WINDOW w AS (PARTITION BY plan_item_id, institution_key ORDER BY rn ROWS UNBOUNDED PRECEDING)
    ), s AS (
      SELECT d.*, lead(reported_on) OVER (PARTITION BY plan_item_id, institution_key ORDER BY rn) AS valid_to
        FROM d
       WHERE next_on IS DISTINCT FROM reported_on
    )
    SELECT s.plan_item_id, s.institution_key, s.reported_on AS valid_from, COALESCE(s.valid_to, 'infinity'::date) AS valid_to,
           s.id AS current_report_id, s.status AS current_status, s.percent AS current_percent,
           s.reported_on AS current_reported_on, s.review_state AS current_review_state,
           v.id AS validated_report_id, v.status AS validated_status, v.percent AS validated_percent,
           v.reported_on AS validated_reported_on,
           CASE WHEN s.percent >= 100 THEN f.reported_on END AS completed_on
      FROM s
      LEFT JOIN c v ON v.plan_item_id = s.plan_item_id AND v.institution_key = s.institution_key AND v.rn = s.validated_rn
      LEFT JOIN c f ON f.plan_item_id = s.plan_item_id AND f.institution_key = s.institution_key AND f.rn = COALESCE(s.below_rn, 0) + 1`;
}

/**
 * Reports that belong to a unit of the given plan items: they match the item's level (no institution on
 * state-level items, one on institution-level items; the report rules allow nothing else).
 */
const LEVEL_FILTER = `((r.plan_item_id = ANY($stateItems::uuid[]) AND r.institution_id IS NULL)
              OR (r.plan_item_id = ANY($institutionItems::uuid[]) AND r.institution_id IS NOT NULL))`;

/** The reports of one unit ($item, and $institution unless it is the state-level unit). */
function unitFilter(stateLevel: boolean): string {
  return `r.plan_item_id = $item AND ${stateLevel ? 'r.institution_id IS NULL' : 'r.institution_id = $institution'}`;
}

const STEP_COLUMNS = `valid_from, valid_to, current_report_id, current_status, current_percent, current_reported_on, current_review_state,
                      validated_report_id, validated_status, validated_percent, validated_reported_on, completed_on`;

/** The snapshot columns of unit_progress and unit_progress_step, read as engine input. */
function snapshotColumns(t: string): string {
  return `${t}.plan_item_id AS "itemId", NULLIF(${t}.institution_key, '${STATE_UNIT_KEY}'::uuid) AS "institutionId",
          ${t}.current_report_id AS "currentId", ${t}.current_status AS "currentStatus", ${t}.current_percent::float8 AS "currentPercent",
          ${t}.current_reported_on::text AS "currentReportedOn", ${t}.current_review_state AS "currentReviewState",
          ${t}.validated_report_id AS "validatedId", ${t}.validated_status AS "validatedStatus",
          ${t}.validated_percent::float8 AS "validatedPercent", ${t}.validated_reported_on::text AS "validatedReportedOn",
          ${t}.completed_on::text AS "completedOn"`;
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
  stateCode: string;
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

/** A stored step as `findUnitSteps` reads it. */
export interface UnitStepRow extends Omit<SnapshotSqlRow, 'stateCode'> {
  validFrom: string;
  validTo: string | null;
}

function toSnapshot(r: SnapshotSqlRow): StateUnitSnapshot {
  return {
    stateCode: r.stateCode,
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

  /** The program's phases, by number. */
  findPhases(programId: string): Promise<{ number: number; name: string }[]> {
    return this.em.query(`SELECT number, name FROM phase WHERE program_id = $1 ORDER BY number`, [programId]);
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
              pi.original_start::text AS "originalStart", pi.original_due::text AS "originalDue",
              CASE WHEN a.completion_needs_evidence THEN a.evidence_kinds ELSE '{}' END AS "completionEvidence",
              CASE WHEN a.completion_needs_evidence
                   THEN COALESCE((SELECT json_agg(json_build_object('code', f.code, 'name', f.name) ORDER BY f.position) FROM activity_format f WHERE f.activity_id = a.id), '[]')
                   ELSE '[]' END AS "completionFormats"
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
      `SELECT ${snapshotColumns('u')}, p.state_code AS "stateCode"
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
   * Snapshots of the given states' units as of any date: for each unit, its step (`unit_progress_step`) whose span
   * contains `asOf` (a range scan on (valid_to, valid_from)); a unit without one had no counting report by then.
   */
  async findUnitsAsOf(programId: string, states: StateFilter, asOf: string): Promise<StateUnitSnapshot[]> {
    const rows: SnapshotSqlRow[] = await this.em.query(
      `SELECT ${snapshotColumns('s')}, p.state_code AS "stateCode"
         FROM participation p
         JOIN plan_item pi ON pi.participation_id = p.id
         JOIN unit_progress_step s ON s.plan_item_id = pi.id
        WHERE p.program_id = $1 AND ($2::text[] IS NULL OR p.state_code = ANY($2::text[]))
          AND s.valid_from <= $3::date AND s.valid_to > $3::date`,
      [programId, states, asOf],
    );
    return rows.map((r) => toSnapshot(r));
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
   * Recomputes one unit from its reports and stores it, in one statement (the transaction must hold the unit's write
   * lock, `ReportsRepository.lockUnit`, taken in an earlier statement, so the reports read here include those of any
   * concurrent write to the unit):
   * `unit_progress` gets the snapshot over all reports (the open step; none when no report counts); of the unit's
   * steps, those that end on or after `since` (the date of the written report: earlier ones cannot change; null:
   * all) are replaced; the state's version is bumped and its `max_reported_on` raised to the current report's date.
   */
  async refreshUnit(planItemId: string, institutionId: string | null, since: string | null): Promise<void> {
    const key = institutionId ?? STATE_UNIT_KEY;
    const params: Record<string, unknown> = { item: planItemId, key, since };
    if (institutionId !== null) params.institution = institutionId;
    await preparedQuery(
      this.em,
      ...bind(
        `WITH steps AS (${unitStepsSql(unitFilter(institutionId === null))}
         ), open AS (
           SELECT * FROM steps WHERE valid_to = 'infinity'::date
         ), unit AS (
           INSERT INTO unit_progress AS u (plan_item_id, institution_key, current_report_id, current_status, current_percent,
                                           current_reported_on, current_review_state, validated_report_id, validated_status,
                                           validated_percent, validated_reported_on, completed_on)
           SELECT $item, $key, o.current_report_id, o.current_status, o.current_percent, o.current_reported_on, o.current_review_state,
                  o.validated_report_id, o.validated_status, o.validated_percent, o.validated_reported_on, o.completed_on
             FROM (SELECT 1) one LEFT JOIN open o ON true
           ON CONFLICT (plan_item_id, institution_key) DO UPDATE
              SET current_report_id = EXCLUDED.current_report_id, current_status = EXCLUDED.current_status,
                  current_percent = EXCLUDED.current_percent, current_reported_on = EXCLUDED.current_reported_on,
                  current_review_state = EXCLUDED.current_review_state, validated_report_id = EXCLUDED.validated_report_id,
                  validated_status = EXCLUDED.validated_status, validated_percent = EXCLUDED.validated_percent,
                  validated_reported_on = EXCLUDED.validated_reported_on, completed_on = EXCLUDED.completed_on, updated_at = now()
         ), stale AS (
           DELETE FROM unit_progress_step s
            WHERE s.plan_item_id = $item AND s.institution_key = $key
              AND ($since::date IS NULL OR s.valid_to >= $since::date)
              AND NOT EXISTS (SELECT 1 FROM steps n WHERE n.valid_from = s.valid_from)
         ), saved AS (
           INSERT INTO unit_progress_step AS s (plan_item_id, institution_key, ${STEP_COLUMNS})
           SELECT plan_item_id, institution_key, ${STEP_COLUMNS} FROM steps WHERE $since::date IS NULL OR valid_to >= $since::date
           ON CONFLICT (plan_item_id, institution_key, valid_from) DO UPDATE
              SET valid_to = EXCLUDED.valid_to, current_report_id = EXCLUDED.current_report_id, current_status = EXCLUDED.current_status,
                  current_percent = EXCLUDED.current_percent, current_reported_on = EXCLUDED.current_reported_on,
                  current_review_state = EXCLUDED.current_review_state, validated_report_id = EXCLUDED.validated_report_id,
                  validated_status = EXCLUDED.validated_status, validated_percent = EXCLUDED.validated_percent,
                  validated_reported_on = EXCLUDED.validated_reported_on, completed_on = EXCLUDED.completed_on
            WHERE (s.valid_to, s.current_report_id, s.current_review_state, s.validated_report_id, s.completed_on)
                  IS DISTINCT FROM (EXCLUDED.valid_to, EXCLUDED.current_report_id, EXCLUDED.current_review_state,
                                    EXCLUDED.validated_report_id, EXCLUDED.completed_on)
         )
         INSERT INTO progress_version AS v (program_id, state_code, max_reported_on)
         SELECT p.program_id, p.state_code, (SELECT current_reported_on FROM open)
           FROM plan_item pi JOIN participation p ON p.id = pi.participation_id
          WHERE pi.id = $item
         ON CONFLICT (program_id, state_code)
         DO UPDATE SET version = v.version + 1, max_reported_on = GREATEST(v.max_reported_on, EXCLUDED.max_reported_on), updated_at = now()`,
        params,
      ),
    );
  }

  /** The steps of one unit (oldest first), as stored: for tests and repairs. */
  async findUnitSteps(planItemId: string, institutionId: string | null): Promise<UnitStepRow[]> {
    return this.em.query(
      `SELECT s.valid_from::text AS "validFrom", NULLIF(s.valid_to, 'infinity'::date)::text AS "validTo", ${snapshotColumns('s')}
         FROM unit_progress_step s
        WHERE s.plan_item_id = $1 AND s.institution_key = $2
        ORDER BY s.valid_from`,
      [planItemId, institutionId ?? STATE_UNIT_KEY],
    );
  }

  /** True for a database with reports but no maintained units, or with counting reports but no steps (older schema). */
  async needsRebuild(): Promise<boolean> {
    const [{ needed }]: { needed: boolean }[] = await this.em.query(
      `SELECT (EXISTS (SELECT 1 FROM report) AND NOT EXISTS (SELECT 1 FROM unit_progress))
           OR (EXISTS (SELECT 1 FROM report WHERE review_state <> 'returned') AND NOT EXISTS (SELECT 1 FROM unit_progress_step)) AS needed`,
    );
    return needed;
  }

  /**
   * Recomputes `unit_progress` and `unit_progress_step` of a program (or all programs) from report history, and
   * bumps the versions.
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
    await this.em.query(
      ...bind(`DELETE FROM unit_progress_step u USING plan_item pi, participation p WHERE u.plan_item_id = pi.id AND p.id = pi.participation_id AND ${scope}`, params),
    );
    const items = await this.findItemLevels(programId, null);
    await this.em.query(
      ...bind(
        `INSERT INTO unit_progress_step (plan_item_id, institution_key, ${STEP_COLUMNS})
         ${unitStepsSql(LEVEL_FILTER)}`,
        levels(items),
      ),
    );
    // The open step of each unit is its snapshot over all reports.
    await this.em.query(
      ...bind(
        `INSERT INTO unit_progress (plan_item_id, institution_key, current_report_id, current_status, current_percent,
                                    current_reported_on, current_review_state, validated_report_id, validated_status,
                                    validated_percent, validated_reported_on, completed_on)
         SELECT s.plan_item_id, s.institution_key, s.current_report_id, s.current_status, s.current_percent, s.current_reported_on,
                s.current_review_state, s.validated_report_id, s.validated_status, s.validated_percent, s.validated_reported_on, s.completed_on
           FROM unit_progress_step s JOIN plan_item pi ON pi.id = s.plan_item_id JOIN participation p ON p.id = pi.participation_id
          WHERE s.valid_to = 'infinity'::date AND ${scope}`,
        params,
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
