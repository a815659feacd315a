import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './clock/clock.js';
import { AppConfig } from './config/app-config.js';

/** Configuration and the clock, available everywhere. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, clock: Clock = new Clock()): DynamicModule {
    return { module: PlatformModule, providers: [{ provide: AppConfig, useValue: config }, { provide: Clock, useValue: clock }], exports: [AppConfig, Clock] };
  }
}
