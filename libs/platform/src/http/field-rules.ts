import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { buildMessage, IsString, Matches, MaxLength, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';
import { isValidDate } from '../util/dates.js';

/**
 * Composite field rules shared by the plan and institution DTOs (validate once, at the edge).
 * A calendar date `YYYY-MM-DD` that exists: `2025-02-30` is refused, not rolled over to March.
 */
export function IsDateOnly(options?: ValidationOptions): PropertyDecorator {
  // Documented as `format: date` too; the field's own @ApiProperty (above it) adds the rest.
  return applyDecorators(ApiProperty({ format: 'date' }), ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown) => isValidDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a calendar date YYYY-MM-DD`, options),
      },
    },
    options,
  ));
}

export const STATE_CODE_PATTERN = /^\d{2}$/;

/** A two-digit INEGI state code, validated and documented as a pattern. */
export function IsStateCode(): PropertyDecorator {
  return applyDecorators(ApiProperty({ pattern: STATE_CODE_PATTERN.source }), Matches(STATE_CODE_PATTERN, { message: 'stateCode must be a two-digit INEGI code' }));
}

/** Optional, but when the key is sent it must hold a value: `null` is validated (and refused), unlike `@IsOptional()`. */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}

export const JUSTIFICATION_MAX = 2000;

/** Why a change was made: a non-blank text kept in the audit trail. */
export function IsJustification(): PropertyDecorator {
  return applyDecorators(
    IsString({ message: 'justification is required and must be a text' }),
    Matches(/\S/, { message: 'justification must not be blank' }),
    MaxLength(JUSTIFICATION_MAX),
  );
}
