import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations.js';
import { RumboNamingStrategy } from './naming.strategy.js';

/** The one place the PostgreSQL connection is described; the app, the tests and the scripts all use it. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    namingStrategy: new RumboNamingStrategy(),
    // Fail fast when PostgreSQL is away, instead of queueing requests; pg reconnects when it is back.
    extra: { max: Number(process.env.RUMBO_DB_POOL_SIZE ?? 10), connectionTimeoutMillis: 3000, idleTimeoutMillis: 30000 },
    ...overrides,
  } as DataSourceOptions;
}
