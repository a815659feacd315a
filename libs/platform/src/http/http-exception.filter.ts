import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { classifyDatabaseError } from './database-errors.js';
import type { FieldError } from './field-errors.js';
import { localizeMessage, localizeMessages } from '../i18n/translate.js';

/** Seconds a client is asked to wait after a 503 (`Retry-After`): about how long a database restart takes. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

interface ErrorBody {
  statusCode: number;
  message: string;
  errors: FieldError[];
  requestId?: string;
}

/**
 * Shapes every error as `{ statusCode, message, errors }`. Maps PostgreSQL constraint violations to 409,
 * a lost, hung or too slow database to 503 (with `Retry-After`), body-parser failures to 400/413, and never leaks
 * SQL or stack traces.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = req?.id ? String(req.id) : undefined;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId, path: req?.url }, 'request failed');
    }
    if (res.headersSent) return;
    localize(body, req?.headers?.['accept-language']);
    if (body.statusCode === 503 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) return fromHttpException(exception);
    const bodyParser = fromBodyParserError(exception);
    if (bodyParser) return bodyParser;
    switch (classifyDatabaseError(exception)) {
      case 'unavailable':
        return { statusCode: 503, message: 'The database is unavailable; try again shortly', errors: [] };
      case 'unique':
        return { statusCode: 409, message: 'A record with the same unique values already exists', errors: [] };
      case 'foreign_key':
        return { statusCode: 409, message: 'The change refers to, or is referred to by, another record', errors: [] };
      case 'serialization':
        return { statusCode: 409, message: 'A concurrent change conflicted with this one; reload and retry', errors: [] };
      case 'check':
        return { statusCode: 400, message: 'The change breaks a data rule', errors: [] };
      default:
        return { statusCode: 500, message: 'Internal server error', errors: [] };
    }
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return { statusCode, message: response, errors: [] };
  const r = response as { message?: unknown; errors?: FieldError[] };
  const message = Array.isArray(r.message) ? r.message.join('; ') : String(r.message ?? exception.message);
  return { statusCode, message, errors: Array.isArray(r.errors) ? r.errors : [] };
}

function fromBodyParserError(exception: unknown): ErrorBody | null {
  const e = exception as { type?: string; status?: number; limit?: number };
  if (!e || typeof e !== 'object' || typeof e.type !== 'string') return null;
  if (e.type === 'entity.parse.failed') {
    return { statusCode: 400, message: 'Malformed JSON body', errors: [{ field: 'body', message: 'body is not valid JSON' }] };
  }
  if (e.type === 'entity.too.large') {
    return { statusCode: HttpStatus.PAYLOAD_TOO_LARGE, message: 'Request body too large', errors: [{ field: 'body', message: `body exceeds the limit of ${e.limit} bytes` }] };
  }
  if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    return { statusCode: e.status, message: 'Invalid request body', errors: [{ field: 'body', message: e.type }] };
  }
  return null;
}

/** Messages in the caller's language (es-MX by `Accept-Language`); the body's shape never changes. */
export function localize(body: ErrorBody, acceptLanguage: string | undefined): ErrorBody {
  body.message = localizeMessage(body.message, acceptLanguage);
  body.errors = localizeMessages(body.errors, acceptLanguage);
  return body;
}
