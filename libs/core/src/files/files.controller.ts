import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, Auth, CurrentUser } from '../../../platform/src/auth/auth.decorators.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { ApiUuidParam, uuidParam } from '../../../platform/src/http/params.js';
import { attachmentDisposition } from '../../../platform/src/http/attachment.js';
import { FilesService } from './files.service.js';
import type { UploadedEvidenceFile } from './upload.interceptor.js';
import { FileUploadRoute } from './upload-route.decorator.js';

@ApiTags('files')
@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post('programs/:programId/states/:stateCode/files')
  @Auth('coordinator', 'state_officer')
  @FileUploadRoute('Coordinator, or the state’s own officer. Reference it as document evidence of a report.')
  upload(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @Param('stateCode') stateCode: string, @UploadedFile() file: UploadedEvidenceFile | undefined) {
    return this.files.upload(user, programId, stateCode, file);
  }

  @Post('programs/:programId/templates')
  @Auth('coordinator')
  @ApiParam({ name: 'programId', description: "The program's id or its code", example: 'condatos-2024' })
  @FileUploadRoute('Coordinator only. A template of the program (the blank of a format), of no state: name it as `templateFileId` of a format in the program document; every signed-in user may download it.')
  uploadTemplate(@CurrentUser() user: AuthUser, @Param('programId') programId: string, @UploadedFile() file: UploadedEvidenceFile | undefined) {
    return this.files.uploadTemplate(user, programId, file);
  }

  @Get('files/:fileId')
  @ApiUuidParam('fileId')
  @AnyRole()
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes, as an attachment, with the content type found at upload (PDF, PNG, …); only for users who may read the file’s state (others get 403); a program template (of no state) for every signed-in user', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } })
  async download(@CurrentUser() user: AuthUser, @Param('fileId', uuidParam('fileId')) fileId: string, @Res({ passthrough: true }) res: Response) {
    const { file, stream } = await this.files.open(user, fileId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, { type: file.contentType, length: file.size, disposition: attachmentDisposition(file.name) });
  }
}
