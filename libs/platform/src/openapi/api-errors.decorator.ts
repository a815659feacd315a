import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from './error-response.js';

type ErrorStatus = 400 | 404 | 409 | 413 | 422 | 429;

/**
 * The errors a route answers beyond those every route of its shape answers (400 on bad input, 401/403
 * on auth, 503 when the database is unavailable — added to every operation by `completeErrorResponses`).
 * Each description says when.
 */
export function ApiErrors(errors: Partial<Record<ErrorStatus, string>>) {
  return applyDecorators(...Object.entries(errors).map(([status, description]) => ApiResponse({ status: Number(status), description, type: ErrorResponse })));
}
