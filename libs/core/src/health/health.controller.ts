import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../../../platform/src/auth/auth.decorators.js';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../../platform/src/http/http-exception.filter.js';

class HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: TypeOrmHealthIndicator) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponse, example: { status: 'ok', database: 'up' } })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable', type: HealthResponse, example: { status: 'error', database: 'down' } })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const result = await Promise.resolve(this.db.pingCheck('database', { timeout: 1500 })).catch(() => null);
    const up = (result as { database?: { status?: string } } | null)?.database?.status === 'up';
    res.status(up ? 200 : 503);
    if (!up) res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return { status: up ? 'ok' : 'error', database: up ? 'up' : 'down' };
  }
}
