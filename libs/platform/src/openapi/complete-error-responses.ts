import type { OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponse } from './error-response.js';

const ERROR_REF = { $ref: `#/components/schemas/${ErrorResponse.name}` };

type ResponseObject = { description: string; content?: Record<string, { schema?: unknown }> };
type OperationObject = { parameters?: unknown[]; requestBody?: { content?: Record<string, unknown> }; responses: Record<string, ResponseObject> };

/**
 * Every operation answers, besides what its decorators say: 400 when it takes any input (the storable-text
 * pipe and the validation pipe run on every parameter and body), 404 when its path names records (an
 * unknown program, state, activity or id), 409 when it writes (a concurrent or conflicting change), 413
 * when it takes a body, and 503 when the database is unavailable. A route's own decorator describes the
 * cases better where it has them. Every error status then gets the error schema, so no route can forget it.
 */
export function completeErrorResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const [method, op] of Object.entries(item) as Array<[string, OperationObject]>) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      const r = op.responses;
      if (op.parameters?.length || op.requestBody) r['400'] ??= { description: 'Invalid input: `errors` names each field and what is wrong with it' };
      if (op.parameters?.some((p) => (p as { in?: string }).in === 'path')) r['404'] ??= { description: 'A record named in the path does not exist (or is not visible to the caller)' };
      if (method !== 'get') r['409'] ??= { description: 'The change conflicts with the current state of the records, or with a concurrent change; reload and retry' };
      if (op.requestBody) r['413'] ??= { description: 'The request body is larger than the limit' };
      r['503'] ??= { description: 'The database is unavailable or did not answer in time; retry shortly' };
      for (const [status, response] of Object.entries(r)) {
        // Errors are JSON even where the success is a file (ApiProduces applies to every status).
        if (Number(status) >= 400 && !(status === '503' && response.content?.['application/json'])) response.content = { 'application/json': { schema: ERROR_REF } };
      }
    }
  }
  return document;
}
