import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole } from '../../../platform/src/auth/auth.decorators.js';
import { IndicatorQueryDto, IndicatorSeriesQueryDto } from './dto/indicator-query.dto.js';
import { IndicatorListResponse, IndicatorSeriesResponse } from './dto/indicator.response.js';
import { IndicatorsService } from './indicators.service.js';

@ApiTags('indicators')
@Controller('programs/:programId/indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: IndicatorListResponse, description: 'Any role (the figures are public): every indicator with value, baseline, target and status as of asOf, nationally or for one state' })
  list(@Param('programId') programId: string, @Query() query: IndicatorQueryDto) {
    return this.indicators.list(programId, query);
  }

  @Get(':indicatorCode/series')
  @AnyRole()
  @ApiOkResponse({ type: IndicatorSeriesResponse, description: 'Any role: one indicator over time (daily snapshots where they hold it, monthly computed points otherwise)' })
  series(@Param('programId') programId: string, @Param('indicatorCode') indicatorCode: string, @Query() query: IndicatorSeriesQueryDto) {
    return this.indicators.series(programId, indicatorCode, query);
  }
}
