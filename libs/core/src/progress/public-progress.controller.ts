import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../platform/src/auth/auth.decorators.js';
import { ProgressQueryDto } from './dto/progress-query.dto.js';
import { NationalProgressResponse } from './dto/progress.response.js';
import { ProgressService } from './progress.service.js';

/** Published figures for anyone (no sign-in): national and per-state only, never items or reports. */
@ApiTags('public')
@Controller('public/programs/:programId')
export class PublicProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('progress')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOkResponse({ type: NationalProgressResponse, description: 'Open data: national and per-state figures as of asOf (default today)' })
  json(@Param('programId') programId: string, @Query() query: ProgressQueryDto) {
    return this.progress.getPublic(programId, query);
  }

  @Get('progress.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The same figures as CSV (UTF-8, header row, one national row then one row per state, es-MX state names)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async csv(@Param('programId') programId: string, @Query() query: ProgressQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { filename, csv } = await this.progress.getPublicCsv(programId, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.setHeader('Cache-Control', 'public, max-age=60');
    return csv;
  }
}
