import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { PipelineStage } from './pipeline-rules.js';

export interface PipelineEntryView {
  id: string;
  stateCode: string;
  stateName: string;
  stage: PipelineStage;
  cohort: string | null;
  interestOn: string | null;
  interestFileId: string | null;
  convenedOn: string | null;
  joinedOn: string | null;
  declinedOn: string | null;
  declinedReason: string | null;
  history: { from: PipelineStage | null; to: PipelineStage; on: string; reason: string | null; actorName: string | null; recordedAt: string }[];
}

export interface FunnelRow {
  cohort: string | null;
  stage: PipelineStage;
  count: number;
}

export interface SessionView {
  id: string;
  stateCode: string;
  heldOn: string;
  topic: string;
  notes: string | null;
  authorName: string;
  createdAt: Date;
}

const VIEW = `SELECT e.id, e.state_code AS "stateCode", s.name AS "stateName", e.stage, e.cohort, e.interest_on::text AS "interestOn",
                     e.interest_file_id AS "interestFileId", e.convened_on::text AS "convenedOn", e.joined_on::text AS "joinedOn",
                     e.declined_on::text AS "declinedOn", e.declined_reason AS "declinedReason",
                     COALESCE((SELECT json_agg(json_build_object('from', t.from_stage, 'to', t.to_stage, 'on', t."on"::text, 'reason', t.reason,
                                                                 'actorName', u.name, 'recordedAt', t.created_at) ORDER BY t."on", t.created_at)
                                 FROM pipeline_transition t LEFT JOIN app_user u ON u.id = t.actor_id WHERE t.pipeline_entry_id = e.id), '[]') AS history
                FROM pipeline_entry e JOIN state s ON s.code = e.state_code`;

@Injectable()
export class ConvocatoriaRepository extends BaseRepository {
  /** A program's entries (all, or one state's), by cohort then state name. */
  findByProgram(programId: string, stateCode: string | null): Promise<PipelineEntryView[]> {
    return this.em.query(`${VIEW} WHERE e.program_id = $1 AND ($2::char(2) IS NULL OR e.state_code = $2) ORDER BY e.cohort NULLS LAST, s.name`, [programId, stateCode]);
  }

  async findView(programId: string, stateCode: string): Promise<PipelineEntryView | null> {
    const [row]: PipelineEntryView[] = await this.em.query(`${VIEW} WHERE e.program_id = $1 AND e.state_code = $2`, [programId, stateCode]);
    return row ?? null;
  }

  /** The entry, locked for the step about to be written, with the date of its last step. */
  async lockForTransition(programId: string, stateCode: string): Promise<{ id: string; stage: PipelineStage; lastOn: string | null } | null> {
    const [row] = await this.em.query(
      `SELECT e.id, e.stage, (SELECT max(t."on")::text FROM pipeline_transition t WHERE t.pipeline_entry_id = e.id) AS "lastOn"
         FROM pipeline_entry e WHERE e.program_id = $1 AND e.state_code = $2 FOR UPDATE OF e`,
      [programId, stateCode],
    );
    return row ?? null;
  }

  async findEntryId(programId: string, stateCode: string): Promise<string | null> {
    const [row] = await this.em.query(`SELECT id FROM pipeline_entry WHERE program_id = $1 AND state_code = $2`, [programId, stateCode]);
    return row?.id ?? null;
  }

  async insert(e: { programId: string; stateCode: string; cohort: string | null; on: string; actorId: string }): Promise<string> {
    const [{ id }] = await this.em.query(`INSERT INTO pipeline_entry (program_id, state_code, stage, cohort) VALUES ($1, $2, 'candidate', $3) RETURNING id`, [e.programId, e.stateCode, e.cohort]);
    await this.insertTransition(id, null, 'candidate', e.on, null, e.actorId);
    return id;
  }

  async setCohort(id: string, cohort: string | null): Promise<void> {
    await this.em.query(`UPDATE pipeline_entry SET cohort = $2 WHERE id = $1`, [id, cohort]);
  }

  /** Moves the entry to `to`, stamping that stage's date (and file or reason), and logs the step. */
  async moveTo(id: string, from: PipelineStage, to: PipelineStage, on: string, extra: { fileId?: string; reason?: string; joinedOn?: string }, actorId: string): Promise<void> {
    await this.em.query(
      `UPDATE pipeline_entry SET stage = $2::varchar,
              interest_on = CASE WHEN $2::varchar = 'interested' THEN $3::date ELSE interest_on END,
              interest_file_id = CASE WHEN $2::varchar = 'interested' THEN $4::uuid ELSE interest_file_id END,
              convened_on = CASE WHEN $2::varchar = 'convened' THEN $3::date ELSE convened_on END,
              joined_on = CASE WHEN $2::varchar = 'joined' THEN $6::date ELSE joined_on END,
              declined_on = CASE WHEN $2::varchar = 'declined' THEN $3::date ELSE declined_on END,
              declined_reason = CASE WHEN $2::varchar = 'declined' THEN $5 ELSE declined_reason END
        WHERE id = $1`,
      [id, to, on, extra.fileId ?? null, extra.reason ?? null, extra.joinedOn ?? null],
    );
    await this.insertTransition(id, from, to, on, extra.reason ?? null, actorId);
  }

  private async insertTransition(entryId: string, from: PipelineStage | null, to: PipelineStage, on: string, reason: string | null, actorId: string): Promise<void> {
    await this.em.query(`INSERT INTO pipeline_transition (pipeline_entry_id, from_stage, to_stage, "on", reason, actor_id) VALUES ($1, $2, $3, $4, $5, $6)`, [entryId, from, to, on, reason, actorId]);
  }

  /** Entries per cohort and stage (stages with none are left out; the service fills the zeros). */
  async funnel(programId: string): Promise<FunnelRow[]> {
    const rows: { cohort: string | null; stage: PipelineStage; count: string }[] = await this.em.query(
      `SELECT cohort, stage, count(*) AS count FROM pipeline_entry WHERE program_id = $1 GROUP BY cohort, stage`,
      [programId],
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  async insertSession(s: { pipelineEntryId: string; heldOn: string; topic: string; notes: string | null; authorId: string }): Promise<string> {
    const [{ id }] = await this.em.query(
      `INSERT INTO accompaniment_session (pipeline_entry_id, held_on, topic, notes, author_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [s.pipelineEntryId, s.heldOn, s.topic, s.notes, s.authorId],
    );
    return id;
  }

  /** A state's sessions, oldest first. */
  findSessions(pipelineEntryId: string): Promise<SessionView[]> {
    return this.em.query(
      `SELECT a.id, e.state_code AS "stateCode", a.held_on::text AS "heldOn", a.topic, a.notes, u.name AS "authorName", a.created_at AS "createdAt"
         FROM accompaniment_session a JOIN pipeline_entry e ON e.id = a.pipeline_entry_id JOIN app_user u ON u.id = a.author_id
        WHERE a.pipeline_entry_id = $1 ORDER BY a.held_on, a.created_at`,
      [pipelineEntryId],
    );
  }
}
