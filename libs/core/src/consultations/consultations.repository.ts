import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { ProgramDocument } from '../programs/program-document.js';
import type { ConsultationCommentType } from './consultation.entity.js';

export interface VersionRow {
  id: string;
  label: string;
  issuedOn: string;
  note: string | null;
  phases: number;
  activities: number;
  rounds: number;
  createdAt: Date;
}

export interface RoundRow {
  id: string;
  versionId: string;
  versionLabel: string;
  title: string;
  opensOn: string | null;
  closesOn: string | null;
  comments: number;
  form: number;
  substance: number;
  attended: number;
}

export interface CommentRow {
  id: string;
  roundId: string;
  originBody: string;
  type: ConsultationCommentType;
  text: string;
  activityCode: string | null;
  attended: boolean;
  response: string | null;
  createdAt: Date;
}

export interface NewComment {
  roundId: string;
  originBody: string;
  type: ConsultationCommentType;
  text: string;
  activityCode: string | null;
  attended: boolean;
  response: string | null;
  createdById: string;
}

const VERSION_COLUMNS = `v.id, v.label, v.issued_on::text AS "issuedOn", v.note, jsonb_array_length(v.document->'phases') AS phases,
                         jsonb_array_length(v.document->'activities') AS activities,
                         (SELECT count(*)::int FROM consultation_round r WHERE r.program_version_id = v.id) AS rounds, v.created_at AS "createdAt"`;

// The round's figures are counted here, once: every screen and export reads them from this query.
const ROUND = `SELECT r.id, v.id AS "versionId", v.label AS "versionLabel", r.title, r.opens_on::text AS "opensOn", r.closes_on::text AS "closesOn",
                      count(c.id)::int AS comments, count(c.id) FILTER (WHERE c.type = 'form')::int AS form,
                      count(c.id) FILTER (WHERE c.type = 'substance')::int AS substance, count(c.id) FILTER (WHERE c.attended)::int AS attended
                 FROM consultation_round r JOIN program_version v ON v.id = r.program_version_id LEFT JOIN consultation_comment c ON c.round_id = r.id`;

const COMMENT = `SELECT c.id, c.round_id AS "roundId", c.origin_body AS "originBody", c.type, c.text, c.activity_code AS "activityCode", c.attended, c.response, c.created_at AS "createdAt"
                   FROM consultation_comment c`;

@Injectable()
export class ConsultationsRepository extends BaseRepository {
  /** A program's versions, oldest first. */
  findVersions(programId: string): Promise<VersionRow[]> {
    return this.em.query(`SELECT ${VERSION_COLUMNS} FROM program_version v WHERE v.program_id = $1 ORDER BY v.issued_on, v.created_at`, [programId]);
  }

  async findVersion(programId: string, id: string): Promise<(VersionRow & { document: ProgramDocument }) | null> {
    const [row] = await this.em.query(`SELECT ${VERSION_COLUMNS}, v.document FROM program_version v WHERE v.program_id = $1 AND v.id = $2`, [programId, id]);
    return row ?? null;
  }

  async labelTaken(programId: string, label: string): Promise<boolean> {
    return (await this.em.query(`SELECT 1 FROM program_version WHERE program_id = $1 AND label = $2`, [programId, label])).length > 0;
  }

  async insertVersion(v: { programId: string; label: string; issuedOn: string; note: string | null; document: ProgramDocument; createdById: string }): Promise<string> {
    const [{ id }] = await this.em.query(
      `INSERT INTO program_version (program_id, label, issued_on, note, document, created_by_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [v.programId, v.label, v.issuedOn, v.note, JSON.stringify(v.document), v.createdById],
    );
    return id;
  }

  /** A program's consultation rounds with their figures, by version date then opening date. */
  findRounds(programId: string, roundId: string | null = null): Promise<RoundRow[]> {
    return this.em.query(
      `${ROUND} WHERE v.program_id = $1 AND ($2::uuid IS NULL OR r.id = $2) GROUP BY r.id, v.id ORDER BY v.issued_on, r.opens_on NULLS LAST, r.created_at`,
      [programId, roundId],
    );
  }

  /** The round (of this program) with the activity codes of its version, or null. */
  async findRoundTarget(programId: string, roundId: string): Promise<{ id: string; activityCodes: string[] } | null> {
    const [row] = await this.em.query(
      `SELECT r.id, ARRAY(SELECT a->>'code' FROM jsonb_array_elements(v.document->'activities') a) AS "activityCodes"
         FROM consultation_round r JOIN program_version v ON v.id = r.program_version_id WHERE v.program_id = $1 AND r.id = $2`,
      [programId, roundId],
    );
    return row ?? null;
  }

  async insertRound(r: { versionId: string; title: string; opensOn: string | null; closesOn: string | null }): Promise<string> {
    const [{ id }] = await this.em.query(`INSERT INTO consultation_round (program_version_id, title, opens_on, closes_on) VALUES ($1, $2, $3, $4) RETURNING id`, [r.versionId, r.title, r.opensOn, r.closesOn]);
    return id;
  }

  /** Inserts comments (one statement per 500) and returns their ids in order. */
  async insertComments(comments: NewComment[]): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < comments.length; i += 500) {
      const chunk = comments.slice(i, i + 500);
      const rows: { id: string }[] = await this.em.query(
        `INSERT INTO consultation_comment (round_id, origin_body, type, text, activity_code, attended, response, created_by_id)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::varchar[], $6::boolean[], $7::text[], $8::uuid[]) RETURNING id`,
        [chunk.map((c) => c.roundId), chunk.map((c) => c.originBody), chunk.map((c) => c.type), chunk.map((c) => c.text), chunk.map((c) => c.activityCode), chunk.map((c) => c.attended), chunk.map((c) => c.response), chunk.map((c) => c.createdById)],
      );
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  }

  findComment(id: string): Promise<CommentRow[]> {
    return this.em.query(`${COMMENT} WHERE c.id = $1`, [id]);
  }

  /** A round's comments, oldest first, filtered, one page, with how many match. */
  async findComments(roundId: string, filter: { type?: ConsultationCommentType; attended?: boolean }, page: { limit: number; offset: number }): Promise<{ total: number; items: CommentRow[] }> {
    const where = `WHERE c.round_id = $1 AND ($2::varchar IS NULL OR c.type = $2) AND ($3::boolean IS NULL OR c.attended = $3)`;
    const params = [roundId, filter.type ?? null, filter.attended ?? null];
    const [{ total }] = await this.em.query(`SELECT count(*)::int AS total FROM consultation_comment c ${where}`, params);
    const items = await this.em.query(`${COMMENT} ${where} ORDER BY c.created_at, c.id LIMIT $4 OFFSET $5`, [...params, page.limit, page.offset]);
    return { total, items };
  }

  /** Every comment of a round, oldest first (the export, and what an import's Folios are checked against). */
  findAllComments(roundId: string): Promise<CommentRow[]> {
    return this.em.query(`${COMMENT} WHERE c.round_id = $1 ORDER BY c.created_at, c.id`, [roundId]);
  }

  /** Serializes confirmed imports of the same file into the same round until the transaction ends. */
  async lockImport(roundId: string, fileHash: string): Promise<void> {
    await this.em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`consultation-import:${roundId}:${fileHash}`]);
  }

  /** A confirmed import of this file into the round, with its counts (comments are only ever created: `updated` is 0). */
  async findImport(roundId: string, fileHash: string): Promise<{ created: number; updated: number; unchanged: number; createdAt: Date } | null> {
    const [row] = await this.em.query(`SELECT created, 0 AS updated, unchanged, created_at AS "createdAt" FROM consultation_import WHERE round_id = $1 AND file_hash = $2`, [roundId, fileHash]);
    return row ?? null;
  }

  async insertImport(i: { roundId: string; fileHash: string; fileName: string; rowCount: number; created: number; unchanged: number; actorId: string }): Promise<{ id: string; createdAt: Date }> {
    const [row] = await this.em.query(
      `INSERT INTO consultation_import (round_id, file_hash, file_name, row_count, created, unchanged, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at AS "createdAt"`,
      [i.roundId, i.fileHash, i.fileName, i.rowCount, i.created, i.unchanged, i.actorId],
    );
    return row;
  }
}
