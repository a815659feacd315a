import { ParseUUIDPipe } from '@nestjs/common';
import { FieldValidationException } from './field-errors.js';

/** A path parameter that must be a UUID; a bad one is a 400 naming the parameter, never a 500 from SQL. */
export const uuidParam = (field: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new FieldValidationException([{ field, message: `${field} must be a UUID` }]) });
