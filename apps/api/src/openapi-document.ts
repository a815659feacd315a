import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { completeErrorResponses } from '../../../libs/platform/src/openapi/complete-error-responses.js';
import { ErrorResponse } from '../../../libs/platform/src/openapi/error-response.js';

/**
 * The API's contract: served at /api/docs-json, committed as docs/openapi.json (the dashboard's types are
 * generated from it) and held to the running app by test/contract.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Rumbo API')
    .setDescription('Tracker and indicators of the Programa de Implementación Modelo de la Política Nacional de Datos Abiertos. Every error is an `ErrorResponse`: `{ statusCode, message, errors: [{ field, message }], requestId }`.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return completeErrorResponses(SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponse] }));
}
