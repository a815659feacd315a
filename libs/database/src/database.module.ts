import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions, poolOptions } from './data-source-options.js';
import { DEFAULT_DATABASE_SETTINGS, LONG_OPERATION_TIMEOUT_MS, type DatabaseSettings } from './database-settings.js';

@Module({})
export class DatabaseModule {
  /** Connects to `url` and brings the schema up to date with the migrations (never `synchronize`). */
  static forRoot(url: string, settings: DatabaseSettings = DEFAULT_DATABASE_SETTINGS): DynamicModule {
    const options = dataSourceOptions(url, {}, settings);
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...options, retryAttempts: 3, retryDelay: 1000 }),
          dataSourceFactory: async (opts) => {
            await runMigrations(url, settings);
            return new DataSource(opts as DataSourceOptions);
          },
        }),
      ],
    };
  }
}

/**
 * Migrations run on a connection of their own, before the app's pool opens, with the statement limits lifted: an
 * index build on a large table may take minutes, which the request limits (seconds) would cancel.
 */
export async function runMigrations(url: string, settings: DatabaseSettings = DEFAULT_DATABASE_SETTINGS): Promise<void> {
  const long = { ...settings, poolSize: 1, statementTimeoutMs: LONG_OPERATION_TIMEOUT_MS, queryTimeoutMs: LONG_OPERATION_TIMEOUT_MS + 5000 };
  const migrator = new DataSource(dataSourceOptions(url, { extra: poolOptions(long) }));
  await migrator.initialize();
  try {
    await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await migrator.destroy();
  }
}
