import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiUuidParam, uuidParam } from '../../../platform/src/http/params.js';
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
}
