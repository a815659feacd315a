import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { AppConfig } from '../../../libs/platform/src/config/app-config.js';
import { HttpExceptionFilter, localize } from '../../../libs/platform/src/http/http-exception.filter.js';
import { StorableTextPipe } from '../../../libs/platform/src/http/storable-text.pipe.js';
import { createValidationPipe } from '../../../libs/platform/src/http/validation.pipe.js';
import { createOpenApiDocument } from './openapi-document.js';

export const API_PREFIX = 'api/v1';

/** Everything about the HTTP edge, shared by main.ts and the tests so both run the same app. */
export function configureApp(app: NestExpressApplication, opts: { dashboardDir?: string } = {}): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  // X-Forwarded-For is believed only from the configured proxies (none by default): otherwise any client could
  // pick its own address, and with it a fresh login limit on every attempt.
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"], 'script-src': ["'self'"] },
      },
    }),
  );
  app.use(express.json({ limit: config.RUMBO_BODY_LIMIT }));
  app.use(bodyParserErrors);
  // Text PostgreSQL cannot store is refused first, then the DTOs are validated.
  app.useGlobalPipes(new StorableTextPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'publico', method: RequestMethod.GET }] });
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });

  const chartJsDir = path.dirname(createRequire(import.meta.url).resolve('chart.js'));
  app.use('/vendor/chart.js', express.static(chartJsDir, { maxAge: '1d' }));
  if (opts.dashboardDir && fs.existsSync(path.join(opts.dashboardDir, 'index.html'))) {
    serveDashboard(app, opts.dashboardDir);
  }
}

/** Serves the built single-page dashboard; unknown non-API paths get index.html so client routes work. */
function serveDashboard(app: NestExpressApplication, dir: string): void {
  app.use(express.static(dir, { index: 'index.html', maxAge: '1h' }));
  const index = path.join(dir, 'index.html');
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/') || req.path.startsWith('/vendor/')) return next();
    res.sendFile(index);
  });
}

/** Malformed or oversized JSON fails before Nest sees the request; shape it like every other error. */
function bodyParserErrors(err: unknown, req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (!err) return next();
  const body = localize(new HttpExceptionFilter().toBody(err), req.headers['accept-language']);
  res.status(body.statusCode).json({ ...body, requestId: (req as { id?: unknown }).id });
}
