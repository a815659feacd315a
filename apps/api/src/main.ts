import 'reflect-metadata';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveDatabase } from '../../../libs/database/src/resolve-database.js';
import { loadConfigOrExit } from '../../../libs/platform/src/config/app-config.js';
import { createApp } from './create-app.js';
import { DemoBanner } from './demo-banner.js';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const db = await resolveDatabase(config).catch((e: Error) => {
    console.error(e.message);
    process.exit(1);
  });
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
