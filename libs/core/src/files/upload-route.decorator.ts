import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import { StoredFileResponse } from './dto/stored-file.response.js';
import { ACCEPTED_FORMATS } from './evidence-content.js';
import { UPLOAD_FIELD, UploadInterceptor } from './upload.interceptor.js';

/** A route that stores one file (of a state, `:stateCode`, or a program template) sent as multipart `file`, answered as the stored file. */
export function FileUploadRoute(description: string): MethodDecorator {
  return applyDecorators(
    UseInterceptors(UploadInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: `Accepted (by content): ${ACCEPTED_FORMATS}` } } } }),
    ApiCreatedResponse({ type: StoredFileResponse, description }),
    ApiPayloadTooLargeResponse({ description: 'Larger than RUMBO_UPLOAD_MAX_BYTES (default 10 MB)' }),
  );
}
