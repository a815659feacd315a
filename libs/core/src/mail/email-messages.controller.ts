import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../platform/src/auth/auth.decorators.js';
import { EmailMessagePageResponse, EmailMessageQueryDto } from './dto/email-message.dto.js';
import { EmailLogService } from './email-log.service.js';

@ApiTags('email')
@Controller('programs/:programId/email-messages')
export class EmailMessagesController {
  constructor(private readonly log: EmailLogService) {}

  @Get()
  @Auth('coordinator', 'admin')
  @ApiOkResponse({ type: EmailMessagePageResponse, description: 'Coordinator or admin: every email the program’s jobs queued, newest first — what it said, to whom, and whether it went out' })
  list(@Param('programId') programId: string, @Query() query: EmailMessageQueryDto) {
    return this.log.list(programId, query);
  }
}
