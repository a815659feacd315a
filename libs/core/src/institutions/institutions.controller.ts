import { Body, Controller, Get, Headers, Param, Patch, Post, Query, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiUuidParam, uuidParam } from '../../../platform/src/http/params.js';
import { CreateInstitutionDto } from './dto/create-institution.dto.js';
import { InstitutionResponse } from './dto/institution.response.js';
import { UpdateInstitutionDto } from './dto/update-institution.dto.js';
import { localizeMessages } from '../../../platform/src/i18n/translate.js';
import type { UploadedEvidenceFile } from '../files/upload.interceptor.js';
import { ImportQueryDto, ImportResultResponse } from '../imports/dto/import-result.response.js';
import { ImportRoute } from '../imports/import-route.decorator.js';
import { InstitutionsImportService } from './institutions-import.service.js';
import { InstitutionsService } from './institutions.service.js';

@ApiTags('institutions')
@Controller('programs/:programId/states/:stateCode/institutions')
export class InstitutionsController {
  constructor(
    private readonly institutions: InstitutionsService,
    private readonly imports: InstitutionsImportService,
  ) {}

  @Post()
  @Auth('coordinator', 'state_officer')
  @ApiCreatedResponse({ type: InstitutionResponse, description: 'Coordinator, or the state’s own officer' })
  register(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Body() dto: CreateInstitutionDto) {
    return this.institutions.register(user, programId, stateCode, dto);
  }

  @ImportRoute('import', 'the columns of the institutions export', 'the same plan applied in one transaction')
  async import(
    @CurrentUser() user: AuthUser,
    @Param('programId') programId: string,
    @Param('stateCode') stateCode: string,
    @Query() query: ImportQueryDto,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Headers('accept-language') language: string | undefined,
  ): Promise<ImportResultResponse> {
    const result = await this.imports.import(user, programId, stateCode, file, query.dryRun !== 'false');
    return { ...result, errors: localizeMessages(result.errors, language) };
  }

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: [InstitutionResponse], description: 'National roles, or the state’s own officer; exited ones included' })
  list(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string) {
    return this.institutions.list(user, programId, stateCode);
  }

  @Patch(':institutionId')
  @ApiUuidParam('institutionId')
  @Auth('coordinator', 'state_officer')
  @ApiOkResponse({ type: InstitutionResponse, description: 'Coordinator, or the state’s own officer' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('programId') programId: string,
    @Param('stateCode') stateCode: string,
    @Param('institutionId', uuidParam('institutionId')) institutionId: string,
    @Body() dto: UpdateInstitutionDto,
  ) {
    return this.institutions.update(user, programId, stateCode, institutionId, dto);
  }
}
