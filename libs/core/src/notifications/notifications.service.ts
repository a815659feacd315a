import { Injectable, NotFoundException } from '@nestjs/common';
import { assertCanReadState, readableStateScope } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import type { NotificationQueryDto } from './dto/notification-query.dto.js';
import { toNotificationResponse, type NotificationPageResponse } from './dto/notification.response.js';
import { NotificationsRepository } from './notifications.repository.js';

/**
 * Deadline notifications (overdue, due within 7 days), written by the progress engine's daily job and read
 * here: the coordination (and the other national roles) see every state, a state officer only its own.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly programs: ProgramsRepository,
    private readonly notifications: NotificationsRepository,
  ) {}

  async list(user: AuthUser, programIdOrCode: string, q: NotificationQueryDto): Promise<NotificationPageResponse> {
    const stateCode = q.stateCode ?? readableStateScope(user);
    if (stateCode !== null) assertCanReadState(user, stateCode);
    const program = await this.programs.findByIdOrCode(programIdOrCode);
    if (!program) throw new NotFoundException(`Unknown program ${programIdOrCode}`);
    const page = await this.notifications.findPage({ programId: program.id, stateCode, kind: q.kind, status: q.status, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    return { total: page.total, items: page.items.map(toNotificationResponse) };
  }
}
