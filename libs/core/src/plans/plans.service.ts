import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadState, assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { toPlanItemResponse, toPlanResponse, type PlanItemResponse, type PlanResponse } from './dto/plan.response.js';
import type { ReplanItemDto } from './dto/replan-item.dto.js';
import { ParticipationsRepository } from './participations.repository.js';
import { ParticipationsService } from './participations.service.js';
import { PlanItemsRepository } from './plan-items.repository.js';
import { applyReplan, expectedVersion } from './plan-rules.js';

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly participationsService: ParticipationsService,
    private readonly participations: ParticipationsRepository,
    private readonly planItems: PlanItemsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async getPlan(user: AuthUser, programIdOrCode: string, stateCode: string): Promise<PlanResponse> {
    assertCanReadState(user, stateCode);
    const { program, participation } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
    const items = await this.planItems.findByParticipation(participation.id);
    return toPlanResponse(program, participation, participation.state.name, items);
  }

  /**
   * Re-planning one item: scope (included) and dates, always with a justification, never touching the original
   * dates. The write is conditional on the version the client read, so of two edits from the same version the
   * second gets 409 and nothing is lost. Without a version, the one read here is used.
   */
  async replan(user: AuthUser, programIdOrCode: string, stateCode: string, activityCode: string, dto: ReplanItemDto, ifMatch?: string): Promise<PlanItemResponse> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    const read = expectedVersion(dto.version, ifMatch);
    if (read.errors.length) throw new FieldValidationException(read.errors);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.dataSource.transaction(async (tx) => {
      const participation = await this.participations.forTx(tx).lockByProgramAndState(program.id, stateCode, 'share');
      if (!participation) throw new NotFoundException(`State ${stateCode} does not participate in program ${program.code}`);
      const items = this.planItems.forTx(tx);
      const item = await items.findByParticipationAndActivityCode(participation.id, activityCode);
      if (!item) throw new NotFoundException(`Activity ${activityCode} is not in the plan of state ${stateCode}`);
      if (participation.exitedOn !== null) {
        throw new ConflictException(`State ${stateCode} withdrew from the program on ${participation.exitedOn}; its plan can no longer change`);
      }
      if (read.version !== null && read.version !== item.version) throw staleVersion(read.version, item.version);
      const before = { included: item.included, plannedStart: item.plannedStart, plannedDue: item.plannedDue };
      const { after, errors } = applyReplan(before, item.activity, dto);
      if (errors.length) throw new FieldValidationException(errors);
      if (!(await items.updateIfVersion(item.id, item.version, after))) throw staleVersion(item.version, null);
      await this.audit.forTx(tx).record({
        actor: user,
        action: 'plan_item.replan',
        entityType: 'plan_item',
        entityId: item.id,
        programId: program.id,
        stateCode,
        before: { activityCode, ...before, version: item.version },
        after: { activityCode, ...after, version: item.version + 1 },
        justification: dto.justification.trim(),
      });
      return toPlanItemResponse((await items.findByParticipationAndActivityCode(participation.id, activityCode))!);
    });
  }
}

function staleVersion(sent: number, current: number | null): ConflictException {
  const message = `The plan item changed since version ${sent} was read${current ? ` (it is now at version ${current})` : ''}; reload it and retry`;
  return new ConflictException({ statusCode: 409, message, errors: [{ field: 'version', message }] });
}
