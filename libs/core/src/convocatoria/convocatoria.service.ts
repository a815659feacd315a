import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadState, assertCanWriteState, readableStateScope } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { StoredFileResponse } from '../files/dto/stored-file.response.js';
import { FilesService } from '../files/files.service.js';
import { StoredFilesRepository } from '../files/stored-files.repository.js';
import type { UploadedEvidenceFile } from '../files/upload.interceptor.js';
import { ParticipationsService } from '../plans/participations.service.js';
import { StatesRepository } from '../states/states.repository.js';
import { ConvocatoriaRepository } from './convocatoria.repository.js';
import { toPipelineEntryResponse, toSessionResponse, type AddCandidateDto, type CreateSessionDto, type FunnelResponse, type PipelineEntryResponse, type SessionResponse, type TransitionDto } from './dto/pipeline.dto.js';
import { PIPELINE_STAGES, transitionErrors } from './pipeline-rules.js';

/**
 * The national convocatoria: each state's way into a program before it joins. The coordination adds candidates and
 * moves them on; a state's own officer may record its manifiesto de interés. Joining goes through the participations'
 * own join, in the same transaction, so its rules stay in one place.
 */
@Injectable()
export class ConvocatoriaService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly pipeline: ConvocatoriaRepository,
    private readonly states: StatesRepository,
    private readonly files: StoredFilesRepository,
    private readonly filesService: FilesService,
    private readonly audit: AuditRepository,
  ) {}

  async list(user: AuthUser, programIdOrCode: string): Promise<PipelineEntryResponse[]> {
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return (await this.pipeline.findByProgram(program.id, readableStateScope(user))).map(toPipelineEntryResponse);
  }

  async funnel(programIdOrCode: string): Promise<FunnelResponse> {
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const rows = await this.pipeline.funnel(program.id);
    const cohorts = [...new Set(rows.map((r) => r.cohort))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'es')));
    const countOf = (stage: string, cohort?: string | null) => rows.filter((r) => r.stage === stage && (cohort === undefined || r.cohort === cohort)).reduce((n, r) => n + r.count, 0);
    return {
      stages: PIPELINE_STAGES.map((stage) => ({ stage, count: countOf(stage) })),
      cohorts: cohorts.map((cohort) => {
        const stages = PIPELINE_STAGES.map((stage) => ({ stage, count: countOf(stage, cohort) }));
        return { cohort, stages, total: stages.reduce((n, s) => n + s.count, 0) };
      }),
      total: rows.reduce((n, r) => n + r.count, 0),
    };
  }

  /** Adds a state as candidate (or, when it is already in, changes its cohort). */
  async addCandidate(user: AuthUser, programIdOrCode: string, dto: AddCandidateDto): Promise<PipelineEntryResponse> {
    assertCanWriteState(user, dto.stateCode, ['coordinator'], false);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    if (!(await this.states.findByCode(dto.stateCode))) throw new FieldValidationException([{ field: 'stateCode', message: `unknown state code ${dto.stateCode}` }]);
    const cohort = dto.cohort?.trim() ?? null;
    return this.dataSource.transaction(async (tx) => {
      const pipeline = this.pipeline.forTx(tx);
      const existing = await pipeline.lockForTransition(program.id, dto.stateCode);
      let id: string;
      if (existing) {
        id = existing.id;
        await pipeline.setCohort(id, cohort);
      } else {
        if (await this.participationsService.isParticipating(tx, program.id, dto.stateCode)) {
          throw new ConflictException(`State ${dto.stateCode} already participates in program ${program.code}`);
        }
        id = await pipeline.insert({ programId: program.id, stateCode: dto.stateCode, cohort, on: dto.on ?? this.clock.today(program.timeZone), actorId: user.id });
      }
      await this.audit.forTx(tx).record({
        actor: user,
        action: existing ? 'pipeline.cohort' : 'pipeline.add',
        entityType: 'pipeline_entry',
        entityId: id,
        programId: program.id,
        stateCode: dto.stateCode,
        after: { stage: existing?.stage ?? 'candidate', cohort },
      });
      return toPipelineEntryResponse((await pipeline.findView(program.id, dto.stateCode))!);
    });
  }

  async transition(user: AuthUser, programIdOrCode: string, stateCode: string, dto: TransitionDto): Promise<PipelineEntryResponse> {
    // The state's officer records its own manifiesto de interés; every other step is the coordination's.
    assertCanWriteState(user, stateCode, ['coordinator'], dto.to === 'interested');
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.dataSource.transaction(async (tx) => {
      const pipeline = this.pipeline.forTx(tx);
      const entry = await pipeline.lockForTransition(program.id, stateCode);
      if (!entry) throw new NotFoundException(`State ${stateCode} is not in the convocatoria of program ${program.code}`);
      const errors = transitionErrors(entry.stage, entry.lastOn, dto);
      if (dto.fileId && dto.to === 'interested') {
        const file = await this.files.forTx(tx).findById(dto.fileId);
        if (!file || file.programId !== program.id || file.stateCode !== stateCode) errors.push({ field: 'fileId', message: 'fileId must be a file uploaded for this state in this program' });
      }
      if (dto.to === 'joined' && dto.joinedOn && dto.joinedOn < dto.on) errors.push({ field: 'joinedOn', message: 'joinedOn must not be before on' });
      if (errors.length) throw new FieldValidationException(errors);
      const reason = dto.reason?.trim() || undefined;
      await pipeline.moveTo(entry.id, entry.stage, dto.to, dto.on, { fileId: dto.fileId, reason, joinedOn: dto.joinedOn }, user.id);
      await this.audit.forTx(tx).record({
        actor: user,
        action: `pipeline.${dto.to}`,
        entityType: 'pipeline_entry',
        entityId: entry.id,
        programId: program.id,
        stateCode,
        before: { stage: entry.stage },
        after: { stage: dto.to, on: dto.on, fileId: dto.fileId ?? null, joinedOn: dto.joinedOn ?? null },
        justification: reason,
      });
      if (dto.to === 'joined') {
        const state = (await this.states.forTx(tx).findByCode(stateCode))!;
        await this.participationsService.enrolInTx(tx, user, program, state, dto.joinedOn!);
      }
      return toPipelineEntryResponse((await pipeline.findView(program.id, stateCode))!);
    });
  }

  /**
   * A document of a state in the convocatoria (its manifiesto de interés), stored like evidence: the state need
   * not participate yet, it only has to be in the convocatoria. Coordinator or the state's own officer.
   */
  async upload(user: AuthUser, programIdOrCode: string, stateCode: string, file: UploadedEvidenceFile | undefined): Promise<StoredFileResponse> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    await this.entryIdOrFail(program.id, program.code, stateCode);
    return this.filesService.store(user, program.id, stateCode, file);
  }

  async sessions(user: AuthUser, programIdOrCode: string, stateCode: string): Promise<SessionResponse[]> {
    assertCanReadState(user, stateCode);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const entryId = await this.entryIdOrFail(program.id, program.code, stateCode);
    return (await this.pipeline.findSessions(entryId)).map(toSessionResponse);
  }

  async addSession(user: AuthUser, programIdOrCode: string, stateCode: string, dto: CreateSessionDto): Promise<SessionResponse> {
    assertCanWriteState(user, stateCode, ['coordinator'], false);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const entryId = await this.entryIdOrFail(program.id, program.code, stateCode);
    return this.dataSource.transaction(async (tx) => {
      const pipeline = this.pipeline.forTx(tx);
      const id = await pipeline.insertSession({ pipelineEntryId: entryId, heldOn: dto.heldOn, topic: dto.topic.trim(), notes: dto.notes?.trim() || null, authorId: user.id });
      await this.audit.forTx(tx).record({ actor: user, action: 'pipeline.session', entityType: 'accompaniment_session', entityId: id, programId: program.id, stateCode, after: { heldOn: dto.heldOn, topic: dto.topic.trim() } });
      return toSessionResponse((await pipeline.findSessions(entryId)).find((s) => s.id === id)!);
    });
  }

  private async entryIdOrFail(programId: string, programCode: string, stateCode: string): Promise<string> {
    const id = await this.pipeline.findEntryId(programId, stateCode);
    if (!id) throw new NotFoundException(`State ${stateCode} is not in the convocatoria of program ${programCode}`);
    return id;
  }
}
