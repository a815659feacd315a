import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../platform/src/auth/auth.decorators.js';
import { PublicQueryDto } from './dto/public-query.dto.js';
import { PublicIndicatorsResponse } from './dto/public-indicators.response.js';
import { PublicDataService } from './public-data.service.js';
import { requestOrigin } from './request-origin.js';

const CACHE = 'public, max-age=60';

/** Open data for anyone (no sign-in): published indicators and the DCAT catalogue. Progress is in PublicProgressController. */
@ApiTags('public')
@ApiNotFoundResponse({ description: 'Unknown or draft program' })
@Controller('public/programs/:programId')
export class PublicDataController {
  constructor(private readonly publicData: PublicDataService) {}

  @Get('indicators')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOkResponse({ type: PublicIndicatorsResponse, description: 'Open data: every indicator nationally and for each participating state as of asOf (default today), rounded like GET /programs/:programId/indicators' })
  indicators(@Param('programId') programId: string, @Query() query: PublicQueryDto) {
    return this.publicData.getIndicators(programId, query);
  }

  @Get('indicators.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The same figures as CSV (UTF-8, header row, one row per indicator and scope: national rows first, then each state by code; es-MX state names)', content: { 'text/csv': { schema: { type: 'string' } } } })
  async indicatorsCsv(@Param('programId') programId: string, @Query() query: PublicQueryDto, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { filename, csv } = await this.publicData.getIndicatorsCsv(programId, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.setHeader('Cache-Control', CACHE);
    return csv;
  }

  @Get('catalog.json')
  @Public()
  @ApiProduces('application/ld+json')
  @ApiOkResponse({
    description:
      'DCAT metadata (JSON-LD, prefixes dcat, dct, foaf): a dcat:Catalog of the program’s open datasets (progress, indicators), each with JSON and CSV dcat:Distributions whose URLs are absolute, built from the request’s protocol and host',
    schema: { type: 'object', additionalProperties: true, example: { '@context': { dcat: 'http://www.w3.org/ns/dcat#' }, '@type': 'dcat:Catalog', 'dcat:dataset': [] } },
  })
  async catalog(@Param('programId') programId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<Record<string, unknown>> {
    const catalog = await this.publicData.getCatalog(programId, requestOrigin(req));
    res.setHeader('Content-Type', 'application/ld+json; charset=utf-8');
    res.setHeader('Cache-Control', CACHE);
    return catalog;
  }
}
