import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Program } from '../programs/program.entity.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import { StatesRepository } from '../states/states.repository.js';
import type { EnrolStateDto } from './dto/enrol-state.dto.js';
import { toParticipationResponse, type ParticipationResponse } from './dto/participation.response.js';
import type { UpdateParticipationDto } from './dto/update-participation.dto.js';
import { ParticipationsRepository, type ParticipationWithState } from './participations.repository.js';
import { plannedWindow } from './plan-dates.js';
import { PlanItemsRepository } from './plan-items.repository.js';

@Injectable()
export class ParticipationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly programs: ProgramsRepository,
    private readonly participations: ParticipationsRepository,
    private readonly planItems: PlanItemsRepository,
    private readonly states: StatesRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** `:programId` is the program's id or code; 404 when neither matches. */
  async findProgramOrFail(programIdOrCode: string): Promise<Program> {
    const program = await this.programs.findByIdOrCode(programIdOrCode);
    if (!program) throw new NotFoundException(`Unknown program ${programIdOrCode}`);
    return program;
  }

  /** The program and the state's participation in it (withdrawn or not); 404 when either is unknown. Check access first. */
  async findParticipationOrFail(programIdOrCode: string, stateCode: string): Promise<{ program: Program; participation: ParticipationWithState }> {
    const program = await this.findProgramOrFail(programIdOrCode);
    const participation = await this.participations.findByProgramAndState(program.id, stateCode);
    if (!participation) throw new NotFoundException(`State ${stateCode} does not participate in program ${program.code}`);
    return { program, participation };
  }

  async list(programIdOrCode: string): Promise<ParticipationResponse[]> {
    const program = await this.findProgramOrFail(programIdOrCode);
    return (await this.participations.findByProgram(program.id)).map((p) => toParticipationResponse(p, p.state.name));
  }

  /** Joining: the participation and its state plan (one item per activity, dated from the join date), at once. */
  async enrol(actor: AuthUser, programIdOrCode: string, dto: EnrolStateDto): Promise<ParticipationResponse> {
    assertCanWriteState(actor, dto.stateCode, ['coordinator'], false);
    const program = await this.findProgramOrFail(programIdOrCode);
    const state = await this.states.findByCode(dto.stateCode);
    if (!state) throw new FieldValidationException([{ field: 'stateCode', message: `unknown state code ${dto.stateCode}` }]);
    // A state in the convocatoria joins from there, so its pipeline and its participation never disagree.
    if (await this.participations.isInOpenConvocatoria(program.id, state.code)) {
      throw new ConflictException(`State ${state.code} is in the convocatoria of program ${program.code}: it joins from there (step joined)`);
    }
    return this.dataSource.transaction((tx) => this.enrolInTx(tx, actor, program, state, dto.joinedOn));
  }

  /**
   * The join itself inside the caller's transaction (the convocatoria's `joined` step uses it too), so the rules
   * of joining live here once: one participation per state, its plan dated from the join date, audited.
   */
  async enrolInTx(tx: EntityManager, actor: AuthUser, program: Program, state: { code: string; name: string }, joinedOn: string): Promise<ParticipationResponse> {
    if (program.status === 'closed') throw new ConflictException(`Program ${program.code} is closed; no state can join it`);
    const participations = this.participations.forTx(tx);
    if (await participations.findByProgramAndState(program.id, state.code)) {
      throw new ConflictException(`State ${state.code} already participates in program ${program.code}`);
    }
    const participation = await participations.insert({ programId: program.id, stateCode: state.code, joinedOn, exitedOn: null });
    const activities = await this.programs.forTx(tx).findActivities(program.id);
    await this.planItems.forTx(tx).insertMany(
      activities.map((a) => {
        const window = plannedWindow(joinedOn, a);
        return { participationId: participation.id, activityId: a.id, included: true, ...window, originalStart: window.plannedStart, originalDue: window.plannedDue };
      }),
    );
    await this.audit.forTx(tx).record({
      actor,
      action: 'participation.create',
      entityType: 'participation',
      entityId: participation.id,
      programId: program.id,
      stateCode: state.code,
      after: { stateCode: state.code, joinedOn: participation.joinedOn, planItems: activities.length },
    });
    return toParticipationResponse(participation, state.name);
  }

  /** Whether the state already has a participation in the program (withdrawn or not), read in the caller's transaction. */
  async isParticipating(tx: EntityManager, programId: string, stateCode: string): Promise<boolean> {
    return (await this.participations.forTx(tx).findByProgramAndState(programId, stateCode)) !== null;
  }

  /** Withdrawal (an exit date) or re-admission (null). Nothing is deleted: the plan, reports and institutions stay. */
  async changeExit(actor: AuthUser, programIdOrCode: string, stateCode: string, dto: UpdateParticipationDto): Promise<ParticipationResponse> {
    assertCanWriteState(actor, stateCode, ['coordinator'], false);
    const program = await this.findProgramOrFail(programIdOrCode);
    return this.dataSource.transaction(async (tx) => {
      const participations = this.participations.forTx(tx);
      const participation = await participations.lockByProgramAndState(program.id, stateCode, 'update');
      if (!participation) throw new NotFoundException(`State ${stateCode} does not participate in program ${program.code}`);
      if (dto.exitedOn !== null && dto.exitedOn < participation.joinedOn) {
        throw new FieldValidationException([{ field: 'exitedOn', message: `exitedOn must not be before the join date ${participation.joinedOn}` }]);
      }
      if (dto.exitedOn === participation.exitedOn) {
        const message = dto.exitedOn === null ? 'the participation is already active' : `the participation already exited on ${dto.exitedOn}`;
        throw new FieldValidationException([{ field: 'exitedOn', message }]);
      }
      await participations.setExitedOn(participation.id, dto.exitedOn);
      await this.audit.forTx(tx).record({
        actor,
        action: dto.exitedOn === null ? 'participation.readmit' : 'participation.withdraw',
        entityType: 'participation',
        entityId: participation.id,
        programId: program.id,
        stateCode,
        before: { exitedOn: participation.exitedOn },
        after: { exitedOn: dto.exitedOn },
        justification: dto.justification.trim(),
      });
      const state = await this.states.forTx(tx).findByCode(stateCode);
      return toParticipationResponse({ ...participation, exitedOn: dto.exitedOn }, state!.name);
    });
  }
}
