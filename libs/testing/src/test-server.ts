import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApp } from '../../../apps/api/src/create-app.js';
import { loadConfig } from '../../platform/src/config/app-config.js';
import { findFreePort, startEmbeddedDatabase } from '../../database/src/embedded-database.js';
import { adminQuery, withDatabaseName } from '../../database/src/scratch-database.js';

export interface TestServer {
  serverUrl: string;
  template: string;
  teardown: () => Promise<void>;
}

/**
 * Real PostgreSQL for the test run: DATABASE_URL's server when set (CI), otherwise an embedded cluster in a
 * temp folder. Builds a template database by running the migrations and loading reference data; each test
 * file then copies it (`CREATE DATABASE … TEMPLATE …`), which takes milliseconds.
 */
export async function prepareTestServer(): Promise<TestServer> {
  let serverUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  let dir: string | undefined;
  if (!serverUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rumbo-test-pg-'));
    const db = await startEmbeddedDatabase({ dataDir: path.join(dir, 'pg'), port: await findFreePort(), persistent: false });
    serverUrl = db.url;
    stopServer = db.stop;
  }
  const template = `rumbo_tpl_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${template}`);
  // Boot the real app once on the template: it runs the migrations and loads the reference data.
  const templateUrl = withDatabaseName(serverUrl, template);
  const config = loadConfig({ RUMBO_DEMO: 'false', RUMBO_JWT_SECRET: 'x'.repeat(32), LOG_LEVEL: 'silent', DATABASE_URL: templateUrl });
  const app = await createApp(config, templateUrl);
  await app.init();
  await app.close();
  return {
    serverUrl,
    template,
    teardown: async () => {
      await dropTestDatabases(serverUrl!, template);
      await stopServer();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function dropTestDatabases(serverUrl: string, template: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2', [`${template}_%`, template]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, copied from the migrated template. */
export async function createTestDatabase(serverUrl: string, template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
  return { url: withDatabaseName(serverUrl, name), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
