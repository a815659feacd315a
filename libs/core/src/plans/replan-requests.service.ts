import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertCanReadState, assertCanWriteState, readableStateScope } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { Clock } from '../../../platform/src/clock/clock.js';
import { FieldValidationException } from '../../../platform/src/http/field-errors.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { DecideReplanRequestDto, ProgramReplanRequestQueryDto, ReplanRequestPageResponse, ReplanRequestQueryDto, ReplanRequestResponse } from './dto/replan-request.dto.js';
import { toReplanRequestResponse } from './dto/replan-request.dto.js';
import { ParticipationsService } from './participations.service.js';
import { applyReplan, type ReplanChange } from './plan-rules.js';
import { planItemState, PlansService } from './plans.service.js';
import { ReplanRequestsRepository } from './replan-requests.repository.js';

const ALREADY_DECIDED = {
  approved: 'the re-plan request was already approved; a decision is final',
  rejected: 'the re-plan request was already rejected; a decision is final',
} as const;

/**
 * Re-plan requests (issue 9.4): a state officer's later due date waits here for the coordination. Reading follows
 * the state (national roles all; an officer its own state only); only the coordination decides. Approval applies the
 * requested change in the decision's transaction through `PlansService.applyChange`, the path a direct re-plan takes
 * (same rules, same version check, same `plan_item.replan` audit event), so expected progress moves only then.
 */
@Injectable()
export class ReplanRequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly participationsService: ParticipationsService,
    private readonly plans: PlansService,
    private readonly requests: ReplanRequestsRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** `GET /programs/:p/replan-requests`: every state's for national roles; a state officer only ever sees its own. */
  async listProgram(user: AuthUser, programIdOrCode: string, q: ProgramReplanRequestQueryDto): Promise<ReplanRequestPageResponse> {
    if (q.stateCode !== undefined) assertCanReadState(user, q.stateCode);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.page(program.id, q.stateCode ?? readableStateScope(user), q);
  }

  /** `GET /programs/:p/states/:s/replan-requests`: the read rule of the state's records. */
  async listState(user: AuthUser, programIdOrCode: string, stateCode: string, q: ReplanRequestQueryDto): Promise<ReplanRequestPageResponse> {
    assertCanReadState(user, stateCode);
    const { program } = await this.participationsService.findParticipationOrFail(programIdOrCode, stateCode);
    return this.page(program.id, stateCode, q);
  }

  /**
   * The coordination approves (the plan changes now) or rejects with a reason (the plan stays). A decision is final:
   * a request decided already answers 409. When the item has been re-planned since in a way the request no longer
   * fits (its due date before the start), approval is a 409 and nothing changes; when the item already has the
   * requested values, approval records the decision and the plan stays as it is.
   */
  async decide(user: AuthUser, programIdOrCode: string, requestId: string, dto: DecideReplanRequestDto): Promise<ReplanRequestResponse> {
    assertCanWriteState(user, '', ['coordinator'], false);
    const reason = dto.reason?.trim() || null;
    if (dto.decision === 'reject' && reason === null) throw new FieldValidationException([{ field: 'reason', message: 'a reason is required to reject a re-plan request' }]);
    const program = await this.participationsService.findProgramOrFail(programIdOrCode);
    return this.dataSource.transaction(async (tx) => {
      const requests = this.requests.forTx(tx);
      const target = await requests.lockForDecision(requestId);
      if (!target || target.programId !== program.id) throw new NotFoundException(`Re-plan request ${requestId} not found in program ${program.code}`);
      if (target.status !== 'pending') {
        const message = ALREADY_DECIDED[target.status];
        throw new ConflictException({ statusCode: 409, message, errors: [{ field: 'decision', message }] });
      }
      if (dto.decision === 'approve') {
        const locked = await this.plans.lockItem(tx, program, target.stateCode, target.activityCode);
        const change: ReplanChange = {
          plannedDue: target.requestedDue,
          ...(target.requestedStart !== null ? { plannedStart: target.requestedStart } : {}),
          ...(target.requestedIncluded !== null ? { included: target.requestedIncluded } : {}),
        };
        const before = planItemState(locked.item);
        const { after, errors } = applyReplan(before, locked.item.activity, change);
        const unchanged = after.included === before.included && after.plannedStart === before.plannedStart && after.plannedDue === before.plannedDue;
        if (!unchanged && errors.length) {
          const message = `the requested change no longer fits activity ${target.activityCode} as it is planned now; reject the request and ask for a new one`;
          throw new ConflictException({ statusCode: 409, message, errors });
        }
        if (!unchanged) await this.plans.applyChange(tx, user, program, target.stateCode, locked, change, { justification: target.justification, version: null, replanRequestId: target.id });
      }
      const status = dto.decision === 'approve' ? 'approved' : 'rejected';
      if (!(await requests.markDecided(target.id, status, user.id, this.clock.now(), reason))) throw new Error(`re-plan request ${target.id} changed under its row lock`);
      await this.audit.forTx(tx).record({
        actor: user,
        action: dto.decision === 'approve' ? 'replan_request.approve' : 'replan_request.reject',
        entityType: 'replan_request',
        entityId: target.id,
        programId: program.id,
        stateCode: target.stateCode,
        before: { status: 'pending' },
        after: { status, activityCode: target.activityCode },
        justification: reason,
      });
      return toReplanRequestResponse((await requests.findView(target.id))!);
    });
  }

  private async page(programId: string, stateCode: string | null, q: ReplanRequestQueryDto): Promise<ReplanRequestPageResponse> {
    const page = await this.requests.findPage({ programId, stateCode, status: q.status ?? null, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    return { total: page.total, items: page.items.map(toReplanRequestResponse) };
  }
}
