import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { NotificationQueryDto } from './dto/notification-query.dto.js';
import { NotificationPageResponse } from './dto/notification.response.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@Controller('programs/:programId/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: NotificationPageResponse, description: 'Newest first. National roles: every state (or ?stateCode=); a state officer: its own state only (403 for another)' })
  list(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Query() query: NotificationQueryDto) {
    return this.notifications.list(user, programId, query);
  }
}
