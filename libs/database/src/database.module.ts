import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options.js';

@Module({})
export class DatabaseModule {
  /** Connects to `url` and brings the schema up to date with the migrations (never `synchronize`). */
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url, { migrationsRun: true }), retryAttempts: 3, retryDelay: 1000 })],
    };
  }
}
