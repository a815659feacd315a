import { BadRequestException, HttpException, HttpStatus, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { assertCanWriteState } from '../../../platform/src/auth/access.js';
import type { AuthUser } from '../../../platform/src/auth/roles.js';
import { AppConfig } from '../../../platform/src/config/app-config.js';

/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';

/** What multer leaves on the request for the `file` field (memory storage). */
export interface UploadedEvidenceFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

/**
 * On `…/states/:stateCode/files` and `…/templates` (coordinator only, so the state check passes). Multer (memory storage) with the configured size limit (`RUMBO_UPLOAD_MAX_BYTES`), one file, and its
 * failures shaped as field errors on `file`: too large → 413, anything malformed → 400.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;
  private readonly maxBytes: number;

  constructor(config: AppConfig) {
    this.maxBytes = config.RUMBO_UPLOAD_MAX_BYTES;
    const Multer = FileInterceptor(UPLOAD_FIELD, {
      limits: { fileSize: this.maxBytes, files: 1, fields: 10, parts: 12 },
      // Spanish file names (acentos) arrive as UTF-8.
      defParamCharset: 'utf8',
    });
    this.multer = new Multer();
  }

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    // Refuse another state's officer before reading the body (the service checks again, as every service does).
    const req = ctx.switchToHttp().getRequest<{ user?: AuthUser; params: Record<string, string> }>();
    if (req.user) assertCanWriteState(req.user, req.params.stateCode ?? '', ['coordinator']);
    try {
      return await this.multer.intercept(ctx, next);
    } catch (e) {
      throw this.asFieldError(e);
    }
  }

  private asFieldError(e: unknown): unknown {
    if (!(e instanceof HttpException)) return e;
    const status = e.getStatus();
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
      const message = `file exceeds the limit of ${this.maxBytes} bytes`;
      return new HttpException({ statusCode: status, message: 'File too large', errors: [{ field: UPLOAD_FIELD, message }] }, status);
    }
    if (status === HttpStatus.UNSUPPORTED_MEDIA_TYPE) {
      const message = `send the file as multipart/form-data in the field "${UPLOAD_FIELD}"`;
      return new HttpException({ statusCode: status, message: 'Unsupported media type', errors: [{ field: UPLOAD_FIELD, message }] }, status);
    }
    if (e instanceof BadRequestException) {
      const message = `send exactly one file in the multipart field "${UPLOAD_FIELD}" (${e.message})`;
      return new BadRequestException({ statusCode: 400, message: 'Invalid upload', errors: [{ field: UPLOAD_FIELD, message }] });
    }
    return e;
  }
}
