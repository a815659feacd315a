import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context.js';

/** Makes the request id (set by the HTTP logger) available to deep layers such as the audit trail. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request & { id?: unknown }, _res: Response, next: NextFunction): void {
    requestContext.run({ requestId: req.id ? String(req.id) : undefined }, next);
  }
}
