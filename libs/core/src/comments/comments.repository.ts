import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../database/src/base.repository.js';
import type { CommentSubject } from './comment.entity.js';

/** Where a thread's subject belongs: the program and state that decide who reads and writes it. */
export interface CommentSubjectRef {
  programId: string;
  stateCode: string;
  /** A finding's due date (null otherwise, or without one). */
  dueOn: string | null;
}

export interface CommentView {
  id: string;
  subjectType: CommentSubject;
  subjectId: string;
  stateCode: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  body: string;
  answer: boolean;
  late: boolean;
  mentions: { id: string; name: string }[];
  createdAt: Date;
}

export interface MentionView extends CommentView {
  programCode: string;
  readAt: Date | null;
}

export interface MentionCandidate {
  id: string;
  email: string;
  name: string;
  role: string;
  stateCode: string | null;
  active: boolean;
}

const VIEW = `SELECT c.id, c.subject_type AS "subjectType", c.subject_id AS "subjectId", c.state_code AS "stateCode", c.author_id AS "authorId",
                     u.name AS "authorName", u.role AS "authorRole", c.body, c.answer, c.late, c.created_at AS "createdAt",
                     COALESCE((SELECT json_agg(json_build_object('id', mu.id, 'name', mu.name) ORDER BY mu.name)
                                 FROM comment_mention m JOIN app_user mu ON mu.id = m.user_id WHERE m.comment_id = c.id), '[]') AS mentions
                FROM comment c JOIN app_user u ON u.id = c.author_id`;

@Injectable()
export class CommentsRepository extends BaseRepository {
  /** The subject of a thread in a program: a report, a plan item or a finding; null when it is not there. */
  async findSubject(programId: string, type: CommentSubject, id: string): Promise<CommentSubjectRef | null> {
    const sql = {
      report: `SELECT p.program_id AS "programId", p.state_code AS "stateCode", NULL::text AS "dueOn"
                 FROM report r JOIN plan_item pi ON pi.id = r.plan_item_id JOIN participation p ON p.id = pi.participation_id WHERE r.id = $1`,
      plan_item: `SELECT p.program_id AS "programId", p.state_code AS "stateCode", NULL::text AS "dueOn"
                    FROM plan_item pi JOIN participation p ON p.id = pi.participation_id WHERE pi.id = $1`,
      finding: `SELECT rr.program_id AS "programId", f.state_code AS "stateCode", f.due_on::text AS "dueOn"
                  FROM review_finding f JOIN review_round rr ON rr.id = f.review_round_id WHERE f.id = $1`,
    }[type];
    const [row]: CommentSubjectRef[] = await this.em.query(sql, [id]);
    return row && row.programId === programId ? row : null;
  }

  /** Users named by email (lower case), whoever they are: the service decides who may be mentioned. */
  findUsersByEmail(emails: readonly string[]): Promise<MentionCandidate[]> {
    if (!emails.length) return Promise.resolve([]);
    return this.em.query(`SELECT id, email, name, role, state_code AS "stateCode", active FROM app_user WHERE email = ANY($1::varchar[])`, [emails]);
  }

  async insert(c: { programId: string; stateCode: string; subjectType: CommentSubject; subjectId: string; authorId: string; body: string; answer: boolean; late: boolean; createdAt: Date }, mentionIds: readonly string[]): Promise<string> {
    const [{ id }]: { id: string }[] = await this.em.query(
      `INSERT INTO comment (program_id, state_code, subject_type, subject_id, author_id, body, answer, late, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [c.programId, c.stateCode, c.subjectType, c.subjectId, c.authorId, c.body, c.answer, c.late, c.createdAt],
    );
    if (mentionIds.length) await this.em.query(`INSERT INTO comment_mention (comment_id, user_id, created_at) SELECT $1, unnest($2::uuid[]), $3`, [id, mentionIds, c.createdAt]);
    return id;
  }

  async findView(id: string): Promise<CommentView> {
    const [row]: CommentView[] = await this.em.query(`${VIEW} WHERE c.id = $1`, [id]);
    return row;
  }

  /** A thread, oldest first. */
  findThread(type: CommentSubject, subjectId: string): Promise<CommentView[]> {
    return this.em.query(`${VIEW} WHERE c.subject_type = $1 AND c.subject_id = $2 ORDER BY c.created_at, c.id`, [type, subjectId]);
  }

  /** The comments that name the user, newest first, and how many (of those, unread). */
  async findMentions(userId: string, unreadOnly: boolean, limit: number, offset: number): Promise<{ total: number; unread: number; items: MentionView[] }> {
    const [{ total, unread }]: { total: string; unread: string }[] = await this.em.query(
      `SELECT count(*) FILTER (WHERE NOT $2::boolean OR read_at IS NULL) AS total, count(*) FILTER (WHERE read_at IS NULL) AS unread FROM comment_mention WHERE user_id = $1`,
      [userId, unreadOnly],
    );
    const items: MentionView[] = await this.em.query(
      `SELECT v.*, pr.code AS "programCode", m.read_at AS "readAt"
         FROM comment_mention m JOIN (${VIEW}) v ON v.id = m.comment_id JOIN comment c2 ON c2.id = m.comment_id JOIN program pr ON pr.id = c2.program_id
        WHERE m.user_id = $1 AND (NOT $2::boolean OR m.read_at IS NULL)
        ORDER BY m.created_at DESC, m.comment_id DESC LIMIT $3 OFFSET $4`,
      [userId, unreadOnly, limit, offset],
    );
    return { total: Number(total), unread: Number(unread), items };
  }

  /** Marks the user's mentions read (all, or those of the given comments); returns how many changed. */
  async markRead(userId: string, commentIds: readonly string[] | null): Promise<number> {
    const [{ n }]: { n: number }[] = await this.em.query(
      `WITH marked AS (
         UPDATE comment_mention SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR comment_id = ANY($2::uuid[])) RETURNING 1
       ) SELECT count(*)::int AS n FROM marked`,
      [userId, commentIds],
    );
    return n;
  }
}
