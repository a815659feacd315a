import type { AppConfig } from '../../platform/src/config/app-config.js';

/** How long the app waits on PostgreSQL, and how many connections it keeps (docs/resilience.md). */
export interface DatabaseSettings {
  poolSize: number;
  /** Server side: a statement running longer is cancelled (SQLSTATE 57014). */
  statementTimeoutMs: number;
  /** Server side: a statement waiting longer for a lock fails (SQLSTATE 55P03). */
  lockTimeoutMs: number;
  /** Client side: waiting for a pooled connection, or for a new one to be set up. */
  acquireTimeoutMs: number;
  /** Client side: waiting for the server's answer to a query; the only limit that works when the server hangs. */
  queryTimeoutMs: number;
}

export const DEFAULT_DATABASE_SETTINGS: DatabaseSettings = {
  poolSize: 10,
  statementTimeoutMs: 5000,
  lockTimeoutMs: 2000,
  acquireTimeoutMs: 1500,
  queryTimeoutMs: 2000,
};

/**
 * Migrations, the progress rebuild, demo seeding and the daily jobs may run statements for minutes on a large
 * database; they lift both the server and the client limits to this, for themselves only.
 */
export const LONG_OPERATION_TIMEOUT_MS = 10 * 60_000;

export function databaseSettings(config: AppConfig): DatabaseSettings {
  return {
    poolSize: config.RUMBO_DB_POOL_SIZE,
    statementTimeoutMs: config.RUMBO_DB_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.RUMBO_DB_LOCK_TIMEOUT_MS,
    acquireTimeoutMs: config.RUMBO_DB_ACQUIRE_TIMEOUT_MS,
    queryTimeoutMs: config.RUMBO_DB_QUERY_TIMEOUT_MS,
  };
}
