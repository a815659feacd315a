import * as path from 'node:path';
import type { AppConfig } from '../../platform/src/config/app-config.js';
import { startEmbeddedDatabase, type DatabaseHandle } from './embedded-database.js';

/** DATABASE_URL when set; otherwise the embedded PostgreSQL in `$RUMBO_DATA_DIR/pg` on EMBEDDED_PG_PORT. */
export async function resolveDatabase(config: AppConfig, log: (line: string) => void = console.log): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  const dataDir = path.resolve(config.RUMBO_DATA_DIR, 'pg');
  log(`No DATABASE_URL: starting the embedded PostgreSQL in ${dataDir} on port ${config.EMBEDDED_PG_PORT}…`);
  return startEmbeddedDatabase({ dataDir, port: config.EMBEDDED_PG_PORT, log });
}
