import { ParseUUIDPipe } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { FieldValidationException } from './field-errors.js';

/** A path parameter that must be a UUID; a bad one is a 400 naming the parameter, never a 500 from SQL. */
export const uuidParam = (field: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new FieldValidationException([{ field, message: `${field} must be a UUID` }]) });

/** Documents a path parameter read with `uuidParam` as a UUID (Nest cannot see through the pipe). */
export const ApiUuidParam = (name: string) => ApiParam({ name, type: String, format: 'uuid' });
