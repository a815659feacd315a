import { ValidationPipe } from '@nestjs/common';
import { validationExceptionFactory } from './field-errors.js';

/** Validate once, at the edge: unknown fields are refused, types are converted, errors are per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: validationExceptionFactory,
  });
}
