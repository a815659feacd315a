import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '../../../libs/core/src/audit/audit.module.js';
import { AuthModule } from '../../../libs/core/src/auth/auth.module.js';
import { ReferenceDataModule } from '../../../libs/core/src/reference-data/reference-data.module.js';
import { InstitutionsModule } from '../../../libs/core/src/institutions/institutions.module.js';
import { PlansModule } from '../../../libs/core/src/plans/plans.module.js';
import { ProgramsModule } from '../../../libs/core/src/programs/programs.module.js';
import { ReportsModule } from '../../../libs/core/src/reports/reports.module.js';
import { ProgressModule } from '../../../libs/core/src/progress/progress.module.js';
import { ReportingRoundsModule } from '../../../libs/core/src/reporting-rounds/reporting-rounds.module.js';
import { IndicatorsModule } from '../../../libs/core/src/indicators/indicators.module.js';
import { ReviewsModule } from '../../../libs/core/src/reviews/reviews.module.js';
import { ExportsModule } from '../../../libs/core/src/exports/exports.module.js';
import { RisksModule } from '../../../libs/core/src/risks/risks.module.js';
import { CommentsModule } from '../../../libs/core/src/comments/comments.module.js';
import { ConsultationsModule } from '../../../libs/core/src/consultations/consultations.module.js';
import { ConvocatoriaModule } from '../../../libs/core/src/convocatoria/convocatoria.module.js';
import { MailModule } from '../../../libs/core/src/mail/mail.module.js';
import { PublicModule } from '../../../libs/core/src/public/public.module.js';
import { DemoModule } from '../../../libs/core/src/demo/demo.module.js';
import { HealthModule } from '../../../libs/core/src/health/health.module.js';
import { StatesModule } from '../../../libs/core/src/states/states.module.js';
import { UsersModule } from '../../../libs/core/src/users/users.module.js';
import { DatabaseModule } from '../../../libs/database/src/database.module.js';
import { databaseSettings } from '../../../libs/database/src/database-settings.js';
import { DemoBanner } from './demo-banner.js';
import type { Clock } from '../../../libs/platform/src/clock/clock.js';
import type { AppConfig } from '../../../libs/platform/src/config/app-config.js';
import { RequestContextMiddleware } from '../../../libs/platform/src/http/request-context.middleware.js';
import { PlatformModule } from '../../../libs/platform/src/platform.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Tests move time with their own clock; nothing else is swapped. */
  clock?: Clock;
}

@Module({})
export class AppModule implements NestModule {
  static forRoot({ config, databaseUrl, clock }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, clock),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
          },
        }),
        DatabaseModule.forRoot(databaseUrl, databaseSettings(config)),
        ScheduleModule.forRoot(),
        AuditModule,
        HealthModule,
        StatesModule,
        UsersModule,
        AuthModule,
        ProgramsModule,
        PlansModule,
        InstitutionsModule,
        ReportsModule,
        ProgressModule,
        ReportingRoundsModule,
        IndicatorsModule,
        ReviewsModule,
        ExportsModule,
        RisksModule,
        MailModule,
        CommentsModule,
        ConvocatoriaModule,
        ConsultationsModule,
        PublicModule,
        ReferenceDataModule,
        DemoModule,
      ],
      providers: [DemoBanner],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
