import 'reflect-metadata';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedDatabase, type DatabaseHandle } from '../../../libs/database/src/embedded-database.js';
import { InvalidConfigError, loadConfig, type AppConfig } from '../../../libs/platform/src/config/app-config.js';
import { createApp } from './create-app.js';
import { DemoBanner } from './demo-banner.js';

const here = path.dirname(fileURLToPath(import.meta.url));

async function resolveDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  console.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${path.resolve(config.RUMBO_DATA_DIR, 'pg')} on port ${config.EMBEDDED_PG_PORT}…`);
  return startEmbeddedDatabase({ dataDir: path.join(config.RUMBO_DATA_DIR, 'pg'), port: config.EMBEDDED_PG_PORT, log: console.log });
}

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof InvalidConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const db = await resolveDatabase(config);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing…`);
    await app?.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  try {
    app = await createApp(config, db.url, { dashboardDir: path.resolve(here, '../../dashboard') });
    await app.listen(config.PORT, config.HOST);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    await app?.close().catch(() => undefined);
    await db.stop().catch(() => undefined);
    process.exit(1);
  }
  app.get(DemoBanner).print(`http://localhost:${config.PORT}`);
}

await main();
