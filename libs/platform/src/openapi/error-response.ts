import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'percent', description: 'Dotted path of the field (`activities.2.weight`), `body`, or a path/query parameter name' })
  field: string;

  @ApiProperty({ example: 'percent must not be greater than 100' })
  message: string;
}

/** The one shape of every error the API answers (see HttpExceptionFilter). */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Validation failed' })
  message: string;

  @ApiProperty({ type: [FieldErrorResponse], description: 'Field-level problems; empty when the error is not about a field' })
  errors: FieldErrorResponse[];

  @ApiPropertyOptional({ example: 'req-7', description: 'Quote it when reporting a problem: it finds the request in the logs' })
  requestId?: string;
}
