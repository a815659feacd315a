import { BadRequestException, type ValidationError } from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** Flattens class-validator errors into `{ field, message }` with dotted paths (`activities.2.weight`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: stripPropertyPath(message, e.property) }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

// class-validator prefixes nested messages with the parent path; the field already says where.
function stripPropertyPath(message: string, property: string): string {
  const idx = message.indexOf(`${property} `);
  return idx > 0 && message.slice(0, idx).endsWith('.') ? message.slice(idx) : message;
}

/** A 400 with field-level messages, in the shape every error has. */
export class FieldValidationException extends BadRequestException {
  constructor(public readonly errors: FieldError[], message = 'Validation failed') {
    super({ statusCode: 400, message, errors });
  }
}

export function validationExceptionFactory(errors: ValidationError[]) {
  return new FieldValidationException(flattenValidationErrors(errors));
}
