import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Clock } from '../../../libs/platform/src/clock/clock.js';
import type { AppConfig } from '../../../libs/platform/src/config/app-config.js';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

/** Builds the configured application (not yet listening); main.ts and the HTTP tests both use it. */
export async function createApp(config: AppConfig, databaseUrl: string, opts: { dashboardDir?: string; overrideClock?: Clock } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, databaseUrl, clock: opts.overrideClock }), { bufferLogs: true, bodyParser: false });
  configureApp(app, opts);
  return app;
}
