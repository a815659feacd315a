import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../platform/src/auth/auth.decorators.js';
import { AuditService } from './audit.service.js';
import { AuditPageResponse } from './dto/audit-event.response.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Auth('coordinator', 'reviewer', 'admin')
  @ApiOkResponse({ type: AuditPageResponse, description: 'Newest first' })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }
}
