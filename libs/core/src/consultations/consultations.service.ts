import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { FieldValidationException, type FieldError } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { ParticipationsService } from '../plans/participations.service.js';
import { canonicalProgramDocument } from '../programs/program-document.js';
import type { Program } from '../programs/program.entity.js';
import { ProgramsService } from '../programs/programs.service.js';
import { ConsultationsRepository, type CommentRow, type NewComment, type RoundRow, type VersionRow } from './consultations.repository.js';
import type {
  ConsultationCommentPageResponse,
  ConsultationCommentQueryDto,
  ConsultationCommentResponse,
  ConsultationRoundResponse,
  CreateConsultationCommentDto,
  CreateConsultationRoundDto,
  CreateProgramVersionDto,
  ProgramVersionDetailResponse,
  ProgramVersionResponse,
  VersionDiffResponse,
} from './dto/consultation.dto.js';
import { commentRuleErrors } from './consultation-rules.js';
import { planCommentImport, type CommentImportPlan } from './comment-import-plan.js';
import { commentsTable } from './comment-table.js';
import type { ImportResultResponse } from '../imports/dto/import-result.response.js';
import { alreadyImported, importRefused, readUpload, type ImportUpload } from '../imports/import-upload.js';
import { tableFile, type ExportFile, type TableFormat } from '../../../platform/src/tables/export-file.js';
import { diffProgramDocuments } from './version-diff.js';

/**
 * Program versions (each kept with its whole document, e.g. the draft put to consultation and the approved text),
 * their differences, and the consultation rounds held on a version with the comments received and how each was
 * attended. The coordination records; every role reads.
 */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly participations: ParticipationsService,
    private readonly programs: ProgramsService,
    private readonly consultations: ConsultationsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async listVersions(programIdOrCode: string): Promise<ProgramVersionResponse[]> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    return (await this.consultations.findVersions(program.id)).map(toVersionResponse);
  }

  async getVersion(programIdOrCode: string, versionId: string): Promise<ProgramVersionDetailResponse> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    const v = await this.versionOrFail(program, versionId);
    return { ...toVersionResponse(v), document: v.document as ProgramVersionDetailResponse['document'] };
  }

  /** Keeps a version: the document given (checked like an import, same program code) or the program as it is now. */
  async createVersion(user: AuthUser, programIdOrCode: string, dto: CreateProgramVersionDto): Promise<ProgramVersionResponse> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    const label = dto.label.trim();
    let document = await this.programs.exportProgram(program.id);
    if (dto.document) {
      document = canonicalProgramDocument(dto.document);
      const errors: FieldError[] = (await this.programs.checkDocument(document, program.id)).map((e) => ({ ...e, field: `document.${e.field}` }));
      if (document.code !== program.code) errors.push({ field: 'document.code', message: `document.code must be the program's code ${program.code}` });
      if (errors.length) throw new FieldValidationException(errors);
    }
    return this.dataSource.transaction(async (tx) => {
      const repo = this.consultations.forTx(tx);
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`program-version:${program.id}`]);
      if (await repo.labelTaken(program.id, label)) throw new ConflictException(`Program ${program.code} already has a version labelled ${label}`);
      const id = await repo.insertVersion({ programId: program.id, label, issuedOn: dto.issuedOn, note: dto.note?.trim() || null, document, createdById: user.id });
      await this.audit.forTx(tx).record({ actor: user, action: 'program_version.create', entityType: 'program_version', entityId: id, programId: program.id, after: { label, issuedOn: dto.issuedOn, activities: document.activities.length } });
      return toVersionResponse((await repo.findVersion(program.id, id))!);
    });
  }

  async diff(programIdOrCode: string, fromId: string, toId: string): Promise<VersionDiffResponse> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    const [from, to] = [await this.versionOrFail(program, fromId, 'from'), await this.versionOrFail(program, toId, 'to')];
    return { from: toVersionResponse(from), to: toVersionResponse(to), ...diffProgramDocuments(from.document, to.document) };
  }

  async createRound(user: AuthUser, programIdOrCode: string, versionId: string, dto: CreateConsultationRoundDto): Promise<ConsultationRoundResponse> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    await this.versionOrFail(program, versionId);
    if (dto.opensOn && dto.closesOn && dto.closesOn < dto.opensOn) throw new FieldValidationException([{ field: 'closesOn', message: 'closesOn must not be before opensOn' }]);
    return this.dataSource.transaction(async (tx) => {
      const repo = this.consultations.forTx(tx);
      const id = await repo.insertRound({ versionId, title: dto.title.trim(), opensOn: dto.opensOn ?? null, closesOn: dto.closesOn ?? null });
      await this.audit.forTx(tx).record({ actor: user, action: 'consultation_round.create', entityType: 'consultation_round', entityId: id, programId: program.id, after: { versionId, title: dto.title.trim() } });
      return toRoundResponse((await repo.findRounds(program.id, id))[0]);
    });
  }

  async listRounds(programIdOrCode: string): Promise<ConsultationRoundResponse[]> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    return (await this.consultations.findRounds(program.id)).map(toRoundResponse);
  }

  async listComments(programIdOrCode: string, roundId: string, q: ConsultationCommentQueryDto): Promise<ConsultationCommentPageResponse> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    await this.roundOrFail(program, roundId);
    const attended = q.attended === undefined ? undefined : q.attended === 'true';
    const page = await this.consultations.findComments(roundId, { type: q.type, attended }, { limit: q.limit ?? 50, offset: q.offset ?? 0 });
    return { total: page.total, items: page.items.map(toCommentResponse) };
  }

  /**
   * Records comments of a round in one transaction, each audited: all are checked first (the activity must be one
   * of the round's version, a comment not attended needs its answer), and any problem writes nothing.
   */
  async addComments(user: AuthUser, programIdOrCode: string, roundId: string, dtos: CreateConsultationCommentDto[]): Promise<string[]> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    const round = await this.roundOrFail(program, roundId);
    const codes = new Set(round.activityCodes);
    const prefix = (i: number) => (dtos.length === 1 ? '' : `${i}.`);
    const errors = dtos.flatMap((d, i) => commentRuleErrors(d, codes).map((e) => ({ ...e, field: `${prefix(i)}${e.field}` })));
    if (errors.length) throw new FieldValidationException(errors);
    const rows = dtos.map((d) => ({ roundId, originBody: d.originBody.trim(), type: d.type, text: d.text.trim(), activityCode: d.activityCode ?? null, attended: d.attended, response: d.response?.trim() || null, createdById: user.id }));
    return this.dataSource.transaction((tx) => this.insertCommentsInTx(tx, user, program.id, rows));
  }

  /** Writes comments already checked, each with its audit event in the same transaction (the form's and the import's way). */
  private async insertCommentsInTx(tx: EntityManager, user: AuthUser, programId: string, rows: NewComment[], justification?: string): Promise<string[]> {
    const ids = await this.consultations.forTx(tx).insertComments(rows);
    const audit = this.audit.forTx(tx);
    for (const [i, id] of ids.entries()) {
      await audit.record({ actor: user, action: 'consultation_comment.create', entityType: 'consultation_comment', entityId: id, programId, after: { roundId: rows[i].roundId, type: rows[i].type, attended: rows[i].attended }, justification });
    }
    return ids;
  }

  async addComment(user: AuthUser, programIdOrCode: string, roundId: string, dto: CreateConsultationCommentDto): Promise<ConsultationCommentResponse> {
    const [id] = await this.addComments(user, programIdOrCode, roundId, [dto]);
    return toCommentResponse((await this.consultations.findComment(id))[0]);
  }

  /** A round's comments as XLSX or CSV, with the columns its import reads. */
  async exportComments(programIdOrCode: string, roundId: string, format: TableFormat): Promise<ExportFile> {
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    await this.roundOrFail(program, roundId);
    return tableFile(commentsTable(await this.consultations.findAllComments(roundId)), format, `comentarios-${program.code}-${roundId.slice(0, 8)}`, 'Comentarios de la consulta');
  }

  /**
   * Comments from a CSV or XLSX (the export's columns): a dry run says what each row would do and every error,
   * writing nothing; a confirmed import records them in one transaction (each audited, as one by one), once per file.
   */
  async importComments(user: AuthUser, programIdOrCode: string, roundId: string, upload: ImportUpload | undefined, dryRun: boolean): Promise<ImportResultResponse> {
    const { file, fileHash, fileName, base } = await readUpload('comments', upload, dryRun);
    const program = await this.participations.findProgramOrFail(programIdOrCode);
    const round = await this.roundOrFail(program, roundId);
    const planFor = async (repo: ConsultationsRepository) =>
      planCommentImport(file, { activityCodes: new Set(round.activityCodes), stored: new Map((await repo.findAllComments(roundId)).map((c) => [c.id, c])) });
    if (dryRun) {
      const previous = await this.consultations.findImport(roundId, fileHash);
      return { ...base, ...importSummary(await planFor(this.consultations)), alreadyImported: previous !== null, importedAt: previous ? new Date(previous.createdAt).toISOString() : null };
    }
    return this.dataSource.transaction(async (tx) => {
      const repo = this.consultations.forTx(tx);
      await repo.lockImport(roundId, fileHash);
      const previous = await repo.findImport(roundId, fileHash);
      if (previous) return { ...base, ...alreadyImported(previous) };
      const p = await planFor(repo);
      if (p.errors.length) throw importRefused(p.errors);
      const created = p.rows.flatMap((r) => (r.comment ? [{ ...r.comment, roundId, createdById: user.id }] : []));
      await this.insertCommentsInTx(tx, user, program.id, created, `import: ${fileName}`);
      const s = importSummary(p);
      const batch = await repo.insertImport({ roundId, fileHash, fileName, rowCount: file.rows.length, created: s.created, unchanged: s.unchanged, actorId: user.id });
      await this.audit.forTx(tx).record({ actor: user, action: 'comments.import', entityType: 'consultation_import', entityId: batch.id, programId: program.id, after: { roundId, fileName, fileHash, created: s.created, unchanged: s.unchanged } });
      return { ...base, ...s, alreadyImported: false, importedAt: new Date(batch.createdAt).toISOString() };
    });
  }

  private async versionOrFail(program: Program, id: string, field?: 'from' | 'to') {
    const v = await this.consultations.findVersion(program.id, id);
    if (!v) {
      if (field) throw new FieldValidationException([{ field, message: `no version ${id} in program ${program.code}` }]);
      throw new NotFoundException(`Version ${id} not found in program ${program.code}`);
    }
    return v;
  }

  private async roundOrFail(program: Program, id: string) {
    const round = await this.consultations.findRoundTarget(program.id, id);
    if (!round) throw new NotFoundException(`Consultation round ${id} not found in program ${program.code}`);
    return round;
  }
}

function importSummary(plan: CommentImportPlan) {
  const count = (a: string) => plan.rows.filter((r) => r.action === a).length;
  return {
    created: count('create'),
    updated: 0,
    unchanged: count('unchanged'),
    errors: plan.errors,
    rows: plan.rows.map((r) => ({ line: r.line, action: r.action, recordId: r.commentId, label: r.label, changes: [] })),
  };
}

function toVersionResponse(v: VersionRow): ProgramVersionResponse {
  return { id: v.id, label: v.label, issuedOn: v.issuedOn, note: v.note, phases: v.phases, activities: v.activities, rounds: v.rounds, createdAt: new Date(v.createdAt).toISOString() };
}

function toRoundResponse(r: RoundRow): ConsultationRoundResponse {
  const figures = { comments: r.comments, form: r.form, substance: r.substance, attended: r.attended, notAttended: r.comments - r.attended, attendedPercent: r.comments ? Math.round((1000 * r.attended) / r.comments) / 10 : null };
  return { id: r.id, versionId: r.versionId, versionLabel: r.versionLabel, title: r.title, opensOn: r.opensOn, closesOn: r.closesOn, figures };
}

function toCommentResponse(c: CommentRow): ConsultationCommentResponse {
  return { id: c.id, roundId: c.roundId, originBody: c.originBody, type: c.type, text: c.text, activityCode: c.activityCode, attended: c.attended, response: c.response, createdAt: new Date(c.createdAt).toISOString() };
}
