import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiUuidParam, uuidParam } from '../../../platform/src/http/params.js';
import { ReviewQueueQueryDto } from './dto/report-query.dto.js';
import { ReportResponse, ReviewQueueResponse } from './dto/report.response.js';
import { ReviewReportDto } from './dto/review-report.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('review')
@Controller()
export class ReviewController {
  constructor(private readonly reports: ReportsService) {}

  @Post('reports/:reportId/review')
  @ApiUuidParam('reportId')
  @Auth('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: ReportResponse, description: 'Accept, or return with a reason. A returned report stops counting; the state answers with a new report.' })
  @ApiConflictResponse({ description: 'The report was already reviewed (a review is final)' })
  review(@CurrentUser() user: AuthUser, @Param('reportId', uuidParam('reportId')) reportId: string, @Body() dto: ReviewReportDto) {
    return this.reports.review(user, reportId, dto);
  }

  @Get('programs/:programId/review-queue')
  @Auth('coordinator', 'reviewer', 'admin')
  @ApiOkResponse({ type: ReviewQueueResponse, description: 'Pending (submitted) reports of every state, oldest first' })
  queue(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Query() query: ReviewQueueQueryDto) {
    return this.reports.reviewQueue(user, programId, query);
  }
}
