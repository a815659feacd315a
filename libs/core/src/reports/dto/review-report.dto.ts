import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const REVIEW_DECISIONS = ['accept', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REASON_MAX = 2000;

export class ReviewReportDto {
  @ApiProperty({ enum: REVIEW_DECISIONS, example: 'return' })
  @IsIn(REVIEW_DECISIONS, { message: `decision must be one of: ${REVIEW_DECISIONS.join(', ')}` })
  decision: ReviewDecision;

  @ApiPropertyOptional({ example: 'La liga del conjunto de datos no abre; corrijan la URL y vuelvan a reportar.', description: 'Required to return a report', maxLength: REASON_MAX, type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(REASON_MAX)
  reason?: string | null;
}
