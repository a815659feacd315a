import { Body, Controller, Get, Headers, Param, Post, Query, Res, UploadedFile } from '@nestjs/common';
import type { Response } from 'express';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiUuidParam, uuidParam } from '../../../platform/src/http/params.js';
import { localizeMessages } from '../../../platform/src/i18n/translate.js';
import { ApiExport } from '../../../platform/src/openapi/api-export.decorator.js';
import { sendExport, TABLE_FORMATS } from '../../../platform/src/tables/export-file.js';
import { TableExportQueryDto } from '../exports/dto/export-query.dto.js';
import { ImportQueryDto, type ImportResultResponse } from '../imports/dto/import-result.response.js';
import { ImportRoute } from '../imports/import-route.decorator.js';
import type { ImportUpload } from '../imports/import-upload.js';
import { ConsultationsService } from './consultations.service.js';
import {
  ConsultationCommentPageResponse,
  ConsultationCommentQueryDto,
  ConsultationCommentResponse,
  ConsultationRoundResponse,
  CreateConsultationCommentDto,
  CreateConsultationRoundDto,
  CreateProgramVersionDto,
  ProgramVersionDetailResponse,
  ProgramVersionResponse,
  VersionDiffQueryDto,
  VersionDiffResponse,
} from './dto/consultation.dto.js';

@ApiTags('consultations')
@Controller('programs/:programId')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Get('versions')
  @AnyRole()
  @ApiOkResponse({ type: [ProgramVersionResponse], description: 'The versions kept of the program, oldest first' })
  versions(@Param('programId') programId: string) {
    return this.consultations.listVersions(programId);
  }

  @Post('versions')
  @Auth('coordinator')
  @ApiCreatedResponse({ type: ProgramVersionResponse, description: 'Keeps a version: the document given (checked like an import) or the program as it is now. 409 when the label is taken' })
  createVersion(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Body() dto: CreateProgramVersionDto) {
    return this.consultations.createVersion(user, programId, dto);
  }

  @Get('versions/diff')
  @AnyRole()
  @ApiOkResponse({ type: VersionDiffResponse, description: 'Phases and activities added, removed or changed from one version to another' })
  diff(@Param('programId') programId: string, @Query() q: VersionDiffQueryDto) {
    return this.consultations.diff(programId, q.from, q.to);
  }

  @Get('versions/:versionId')
  @ApiUuidParam('versionId')
  @AnyRole()
  @ApiOkResponse({ type: ProgramVersionDetailResponse, description: 'A version with its whole program document' })
  version(@Param('programId') programId: string, @Param('versionId', uuidParam('versionId')) versionId: string) {
    return this.consultations.getVersion(programId, versionId);
  }

  @Post('versions/:versionId/consultation-rounds')
  @ApiUuidParam('versionId')
  @Auth('coordinator')
  @ApiCreatedResponse({ type: ConsultationRoundResponse, description: 'A consultation held on this version' })
  createRound(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('versionId', uuidParam('versionId')) versionId: string, @Body() dto: CreateConsultationRoundDto) {
    return this.consultations.createRound(user, programId, versionId, dto);
  }

  @Get('consultation-rounds')
  @AnyRole()
  @ApiOkResponse({ type: [ConsultationRoundResponse], description: 'Every consultation round of the program with its figures (comments, of form and of substance, attended)' })
  rounds(@Param('programId') programId: string) {
    return this.consultations.listRounds(programId);
  }

  @Get('consultation-rounds/:roundId/comments')
  @ApiUuidParam('roundId')
  @AnyRole()
  @ApiOkResponse({ type: ConsultationCommentPageResponse, description: 'The round’s comments, oldest first' })
  comments(@Param('programId') programId: string, @Param('roundId', uuidParam('roundId')) roundId: string, @Query() q: ConsultationCommentQueryDto) {
    return this.consultations.listComments(programId, roundId, q);
  }

  @Post('consultation-rounds/:roundId/comments')
  @ApiUuidParam('roundId')
  @Auth('coordinator')
  @ApiCreatedResponse({ type: ConsultationCommentResponse, description: 'Records a comment received, with whether it was attended' })
  addComment(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('roundId', uuidParam('roundId')) roundId: string, @Body() dto: CreateConsultationCommentDto) {
    return this.consultations.addComment(user, programId, roundId, dto);
  }

  @Get('consultation-rounds/:roundId/comments/export')
  @ApiUuidParam('roundId')
  @AnyRole()
  @ApiExport(TABLE_FORMATS, 'The round’s comments, oldest first, with the columns its import reads')
  async exportComments(@Param('programId') programId: string, @Param('roundId', uuidParam('roundId')) roundId: string, @Query() q: TableExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return sendExport(res, await this.consultations.exportComments(programId, roundId, q.format));
  }

  @ImportRoute('consultation-rounds/:roundId/comments/import', 'the columns of the comments export (Origen, Tipo, Comentario, Actividad, Atendido, Respuesta; Folio for comments already recorded)', 'records the new comments, each audited', { roles: ['coordinator'], description: 'Coordinator' })
  @ApiUuidParam('roundId')
  async importComments(
    @CurrentUser() user: AuthUser,
    @Param('programId') programId: string,
    @Param('roundId', uuidParam('roundId')) roundId: string,
    @Query() q: ImportQueryDto,
    @UploadedFile() file: ImportUpload | undefined,
    @Headers('accept-language') language: string | undefined,
  ): Promise<ImportResultResponse> {
    const result = await this.consultations.importComments(user, programId, roundId, file, q.dryRun !== 'false');
    // Row errors travel in a 200 body, which the error filter does not translate: done here, as every import does.
    return { ...result, errors: localizeMessages(result.errors, language) };
  }
}
