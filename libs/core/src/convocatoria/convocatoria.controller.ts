import { Body, Controller, Get, Param, Post, Put, UploadedFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { FileUploadRoute } from '../files/upload-route.decorator.js';
import type { UploadedEvidenceFile } from '../files/upload.interceptor.js';
import { ConvocatoriaService } from './convocatoria.service.js';
import { AddCandidateDto, CreateSessionDto, FunnelResponse, PipelineEntryResponse, SessionResponse, TransitionDto } from './dto/pipeline.dto.js';

@ApiTags('convocatoria')
@Controller('programs/:programId/pipeline')
export class ConvocatoriaController {
  constructor(private readonly convocatoria: ConvocatoriaService) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: [PipelineEntryResponse], description: 'The convocatoria, by cohort. National roles see every state; a state officer only its own' })
  list(@CurrentUser() user: AuthUser, @Param('programId') programId: string) {
    return this.convocatoria.list(user, programId);
  }

  @Get('funnel')
  @AnyRole()
  @ApiOkResponse({ type: FunnelResponse, description: 'How many states are at each stage, in all and per cohort' })
  funnel(@Param('programId') programId: string) {
    return this.convocatoria.funnel(programId);
  }

  @Put()
  @Auth('coordinator')
  @ApiOkResponse({ type: PipelineEntryResponse, description: 'Adds a state as candidate, with its cohort (or changes the cohort of a state already in)' })
  addCandidate(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Body() dto: AddCandidateDto) {
    return this.convocatoria.addCandidate(user, programId, dto);
  }

  @Post(':stateCode/transitions')
  @Auth('coordinator', 'state_officer')
  @ApiCreatedResponse({ type: PipelineEntryResponse, description: 'The next step. interested needs fileId (the state’s own officer may record it); declined a reason; joined creates the participation on joinedOn' })
  transition(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Body() dto: TransitionDto) {
    return this.convocatoria.transition(user, programId, stateCode, dto);
  }

  @Post(':stateCode/files')
  @Auth('coordinator', 'state_officer')
  @FileUploadRoute('Coordinator, or the state’s own officer, for a state in the convocatoria (joined or not): its manifiesto de interés, then referenced as fileId of the interested step')
  upload(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @UploadedFile() file: UploadedEvidenceFile | undefined) {
    return this.convocatoria.upload(user, programId, stateCode, file);
  }

  @Get(':stateCode/sessions')
  @AnyRole()
  @ApiOkResponse({ type: [SessionResponse], description: 'Accompaniment sessions with the state, oldest first. National roles, or the state’s own officer' })
  sessions(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string) {
    return this.convocatoria.sessions(user, programId, stateCode);
  }

  @Post(':stateCode/sessions')
  @Auth('coordinator')
  @ApiCreatedResponse({ type: SessionResponse, description: 'Records an accompaniment session with the state' })
  addSession(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @Body() dto: CreateSessionDto) {
    return this.convocatoria.addSession(user, programId, stateCode, dto);
  }
}
