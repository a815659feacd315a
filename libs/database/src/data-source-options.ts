import type { DataSourceOptions } from 'typeorm';
import { DEFAULT_DATABASE_SETTINGS, type DatabaseSettings } from './database-settings.js';
import { ENTITIES } from './entities.js';
import { FailFastClient } from './fail-fast-client.js';
import { MIGRATIONS } from './migrations.js';
import { RumboNamingStrategy } from './naming.strategy.js';

/** The one place the PostgreSQL connection is described; the app, the tests and the scripts all use it. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}, settings: DatabaseSettings = DEFAULT_DATABASE_SETTINGS): DataSourceOptions {
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
    extra: poolOptions(settings),
    ...overrides,
  } as DataSourceOptions;
}

/**
 * Fail fast when PostgreSQL is away or hung, instead of queueing requests; the pool reconnects when it is back.
 * `statement_timeout` and `lock_timeout` are sent with each new connection (startup parameters), so they hold on
 * every pooled connection without a `SET` round trip.
 */
export function poolOptions(settings: DatabaseSettings): Record<string, unknown> {
  return {
    Client: FailFastClient,
    max: settings.poolSize,
    connectionTimeoutMillis: settings.acquireTimeoutMs,
    idleTimeoutMillis: 30000,
    statement_timeout: settings.statementTimeoutMs,
    lock_timeout: settings.lockTimeoutMs,
    query_timeout: settings.queryTimeoutMs,
  };
}
