import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiUuidParam, uuidParam } from '../../../platform/src/http/params.js';
import { StoredFileResponse } from './dto/stored-file.response.js';
import { attachmentDisposition } from '../../../platform/src/http/attachment.js';
import { ACCEPTED_FORMATS } from './evidence-content.js';
import { FilesService } from './files.service.js';
import { UPLOAD_FIELD, UploadInterceptor, type UploadedEvidenceFile } from './upload.interceptor.js';

@ApiTags('files')
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('programs/:programId/states/:stateCode/files')
  @Auth('coordinator', 'state_officer')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: `Accepted (by content): ${ACCEPTED_FORMATS}` } } } })
  @ApiCreatedResponse({ type: StoredFileResponse, description: 'Coordinator, or the state’s own officer. Reference it as document evidence of a report.' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than RUMBO_UPLOAD_MAX_BYTES (default 10 MB)' })
  upload(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @UploadedFile() file: UploadedEvidenceFile | undefined) {
    return this.files.upload(user, programId, stateCode, file);
  }

  @Get('files/:fileId')
  @ApiUuidParam('fileId')
  @AnyRole()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, as an attachment, with the content type found at upload (PDF, PNG, …); only for users who may read the file’s state (others get 403)', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } })
  async download(@CurrentUser() user: AuthUser, @Param('fileId', uuidParam('fileId')) fileId: string, @Res({ passthrough: true }) res: Response) {
    const { file, stream } = await this.files.open(user, fileId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, { type: file.contentType, length: file.size, disposition: attachmentDisposition(file.name) });
  }
}
