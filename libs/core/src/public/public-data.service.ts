import { Injectable, NotFoundException } from '@nestjs/common';
import { Clock, todayIn } from '../../../platform/src/clock/clock.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import type { Program } from '../programs/program.entity.js';
import { ProgramsRepository } from '../programs/programs.repository.js';
import { StatesRepository } from '../states/states.repository.js';
import { toDcatCatalog } from './dto/dcat-catalog.js';
import type { PublicQueryDto } from './dto/public-query.dto.js';
import { toIndicatorsCsv, toPublicIndicatorsResponse, type PublicIndicatorsResponse } from './dto/public-indicators.response.js';

/**
 * Open data for anyone (SPEC §1): the published indicators (national and per participating state) as JSON and
 * CSV, and the DCAT catalogue of the program's datasets. Draft programs are not published (404), like public
 * progress. Figures come from IndicatorsService (`programIndicators`) and are rounded by its response mapper; nothing
 * is computed here.
 */
@Injectable()
export class PublicDataService {
  constructor(
    private readonly programs: ProgramsRepository,
    private readonly indicators: IndicatorsService,
    private readonly states: StatesRepository,
    private readonly clock: Clock,
  ) {}

  async getIndicators(programIdOrCode: string, q: PublicQueryDto): Promise<PublicIndicatorsResponse> {
    const program = await this.findPublished(programIdOrCode);
    const asOf = q.asOf ?? this.clock.today(program.timeZone);
    const [result, states] = await Promise.all([this.indicators.programIndicators(program.id, asOf), this.states.findAll()]);
    return toPublicIndicatorsResponse(program.name, result, new Map(states.map((s) => [s.code, s.name])));
  }

  async getIndicatorsCsv(programIdOrCode: string, q: PublicQueryDto): Promise<{ filename: string; csv: string }> {
    const body = await this.getIndicators(programIdOrCode, q);
    return { filename: `indicadores-${body.programCode}-${body.asOf}.csv`, csv: toIndicatorsCsv(body) };
  }

  /** The DCAT catalogue (JSON-LD); `origin` (`https://host`) makes its URLs absolute, '' leaves them relative. */
  async getCatalog(programIdOrCode: string, origin: string): Promise<Record<string, unknown>> {
    const program = await this.findPublished(programIdOrCode);
    const today = this.clock.today(program.timeZone);
    const issued = program.approvedOn ?? todayIn(program.createdAt, program.timeZone);
    return toDcatCatalog({ program: { code: program.code, name: program.name, description: program.description, issued }, origin, today });
  }

  private async findPublished(programIdOrCode: string): Promise<Program> {
    const program = await this.programs.findByIdOrCode(programIdOrCode);
    if (!program || program.status === 'draft') throw new NotFoundException(`Unknown program ${programIdOrCode}`);
    return program;
  }
}
