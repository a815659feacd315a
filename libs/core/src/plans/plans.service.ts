import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertCanReadState, assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { Program } from '../programs/program.entity.js';
import { toPlanItemResponse, toPlanResponse, type PlanItemResponse, type PlanResponse } from './dto/plan.response.js';
import type { ReplanItemDto } from './dto/replan-item.dto.js';
import { toReplanRequestResponse, type ReplanRequestResponse } from './dto/replan-request.dto.js';
import type { Participation } from './participation.entity.js';
import { ParticipationsRepository } from './participations.repository.js';
import { ParticipationsService } from './participations.service.js';
import { PlanItemsRepository, type PlanItemWithActivity } from './plan-items.repository.js';
import { applyReplan, expectedVersion, needsApproval, type PlanItemState, type ReplanChange } from './plan-rules.js';
import { ReplanRequestsRepository } from './replan-requests.repository.js';

/** What a PATCH of a plan item did: applied the change, or (a state officer moving a due date later) asked for approval. */
export type ReplanOutcome = { kind: 'applied'; item: PlanItemResponse } | { kind: 'pending'; request: ReplanRequestResponse };

/** A plan item locked for a change: its participation is held FOR SHARE against a concurrent withdrawal. */
export interface LockedPlanItem {
  participation: Participation;
  item: PlanItemWithActivity;
}

/** How a change came about, for its audit event. */
interface ChangeOrigin {
  justification: string;
  /** The version the client read (409 when stale); null: the one just read. */
  version: number | null;
  /** Set when the change is an approved re-plan request. */
  replanRequestId?: string;
}

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly participations: ParticipationsRepository,
    private readonly planItems: PlanItemsRepository,
    private readonly replanRequests: ReplanRequestsRepository,
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
   *
   * A state officer's change that moves the due date later is not applied: it becomes a pending re-plan request for
   * the coordination (one per item; a second is a 409), and the plan and its figures stay as they are until it is
   * approved (`ReplanRequestsService.decide`, which applies it through `applyChange` like this method).
   */
  async replan(user: AuthUser, programIdOrCode: string, stateCode: string, activityCode: string, dto: ReplanItemDto, ifMatch?: string): Promise<ReplanOutcome> {
    assertCanWriteState(user, stateCode, ['coordinator']);
    const read = expectedVersion(dto.version, ifMatch);
    if (read.errors.length) throw new FieldValidationException(read.errors);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    const change: ReplanChange = { included: dto.included, plannedStart: dto.plannedStart, plannedDue: dto.plannedDue };
    const justification = dto.justification.trim();
    return this.dataSource.transaction(async (tx): Promise<ReplanOutcome> => {
      const locked = await this.lockItem(tx, program, stateCode, activityCode);
      const { item } = locked;
      if (read.version !== null && read.version !== item.version) throw staleVersion(read.version, item.version);
      const before = planItemState(item);
      const { after, errors } = applyReplan(before, item.activity, change);
      if (errors.length) throw new FieldValidationException(errors);
      if (needsApproval(user.role, before, after)) return { kind: 'pending', request: await this.requestApproval(tx, user, program, stateCode, item, change, after, justification) };
      return { kind: 'applied', item: await this.applyChange(tx, user, program, stateCode, locked, change, { justification, version: read.version }) };
    });
  }

  /**
   * The one way a plan item's dates or scope change, inside the caller's transaction: the re-planning rules, the
   * conditional write on the version and the audit event. Used by a direct re-plan and by an approved request.
   */
  async applyChange(tx: EntityManager, actor: AuthUser, program: Program, stateCode: string, locked: LockedPlanItem, change: ReplanChange, origin: ChangeOrigin): Promise<PlanItemResponse> {
    const { participation, item } = locked;
    const activityCode = item.activity.code;
    if (origin.version !== null && origin.version !== item.version) throw staleVersion(origin.version, item.version);
    const before = planItemState(item);
    const { after, errors } = applyReplan(before, item.activity, change);
    if (errors.length) throw new FieldValidationException(errors);
    const items = this.planItems.forTx(tx);
    if (!(await items.updateIfVersion(item.id, item.version, after))) throw staleVersion(item.version, null);
    await this.audit.forTx(tx).record({
      actor,
      action: 'plan_item.replan',
      entityType: 'plan_item',
      entityId: item.id,
      programId: program.id,
      stateCode,
      before: { activityCode, ...before, version: item.version },
      after: { activityCode, ...after, version: item.version + 1, ...(origin.replanRequestId ? { replanRequestId: origin.replanRequestId } : {}) },
      justification: origin.justification,
    });
    return toPlanItemResponse((await items.findByParticipationAndActivityCode(participation.id, activityCode))!);
  }

  /**
   * The plan item of a state's activity, for a change in this transaction: 404 when the state does not participate
   * or the activity is not in its plan, 409 once the state has withdrawn.
   */
  async lockItem(tx: EntityManager, program: Program, stateCode: string, activityCode: string): Promise<LockedPlanItem> {
    const participation = await this.participations.forTx(tx).lockByProgramAndState(program.id, stateCode, 'share');
    if (!participation) throw new NotFoundException(`State ${stateCode} does not participate in program ${program.code}`);
    const item = await this.planItems.forTx(tx).findByParticipationAndActivityCode(participation.id, activityCode);
    if (!item) throw new NotFoundException(`Activity ${activityCode} is not in the plan of state ${stateCode}`);
    if (participation.exitedOn !== null) {
      throw new ConflictException(`State ${stateCode} withdrew from the program on ${participation.exitedOn}; its plan can no longer change`);
    }
    return { participation, item };
  }

  /** Records a state officer's later due date as a pending request (audited); the plan item is not touched. */
  private async requestApproval(tx: EntityManager, user: AuthUser, program: Program, stateCode: string, item: PlanItemWithActivity, change: ReplanChange, after: PlanItemState, justification: string): Promise<ReplanRequestResponse> {
    const requests = this.replanRequests.forTx(tx);
    const id = await requests.insertPending({
      planItemId: item.id,
      requestedStart: change.plannedStart ?? null,
      requestedDue: after.plannedDue,
      requestedIncluded: change.included ?? null,
      previousStart: item.plannedStart,
      previousDue: item.plannedDue,
      justification,
      requestedBy: user.id,
      requestedAt: this.clock.now(),
    });
    if (id === null) {
      const message = `activity ${item.activity.code} already has a re-plan request waiting for the coordination; wait for its decision before asking for another`;
      throw new ConflictException({ statusCode: 409, message, errors: [{ field: 'plannedDue', message }] });
    }
    await this.audit.forTx(tx).record({
      actor: user,
      action: 'replan_request.create',
      entityType: 'replan_request',
      entityId: id,
      programId: program.id,
      stateCode,
      before: { activityCode: item.activity.code, ...planItemState(item), version: item.version },
      after: { activityCode: item.activity.code, requestedStart: change.plannedStart ?? null, requestedDue: after.plannedDue, requestedIncluded: change.included ?? null, status: 'pending' },
      justification,
    });
    return toReplanRequestResponse((await requests.findView(id))!);
  }
}

/** The part of a plan item a re-plan changes. */
export function planItemState(item: PlanItemWithActivity): PlanItemState {
  return { included: item.included, plannedStart: item.plannedStart, plannedDue: item.plannedDue };
}

function staleVersion(sent: number, current: number | null): ConflictException {
  const message = `The plan item changed since version ${sent} was read${current ? ` (it is now at version ${current})` : ''}; reload it and retry`;
  return new ConflictException({ statusCode: 409, message, errors: [{ field: 'version', message }] });
}
