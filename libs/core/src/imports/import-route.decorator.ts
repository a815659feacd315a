import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiPayloadTooLargeResponse } from '@nestjs/swagger';
import { Auth } from '../../../platform/src/auth/auth.decorators.js';
import type { Role } from '../../../platform/src/auth/roles.js';
import { UPLOAD_FIELD, UploadInterceptor } from '../files/upload.interceptor.js';
import { ImportResultResponse } from './dto/import-result.response.js';
import { MAX_IMPORT_ROWS } from './tabular-file.js';

/**
 * `POST <path>` taking a CSV/XLSX in the multipart field `file` (`?dryRun=`, see `ImportQueryDto`), for the
 * coordination and the state's own officer, answering an `ImportResultResponse` with 200 — how every import route
 * is declared. `columns` says what the file holds; `confirmed` what a confirmed import does.
 */
export function ImportRoute(path: string, columns: string, confirmed: string, who: { roles: [Role, ...Role[]]; description: string } = { roles: ['coordinator', 'state_officer'], description: 'Coordinator, or the state’s own officer' }) {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    Auth(...who.roles),
    UseInterceptors(UploadInterceptor),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', description: `CSV (UTF-8) or XLSX (first sheet) with ${columns}, by key or es-MX header; at most ${MAX_IMPORT_ROWS} rows` } } } }),
    ApiOkResponse({ type: ImportResultResponse, description: `${who.description}. Dry run (default): what each row would do and every error (line, column, message), nothing written. dryRun=false: ${confirmed}, once per file (SHA-256); any error refuses the whole file (400, fields rows.<line>.<column>)` }),
    ApiPayloadTooLargeResponse({ description: 'Larger than RUMBO_UPLOAD_MAX_BYTES (default 10 MB)' }),
  );
}
