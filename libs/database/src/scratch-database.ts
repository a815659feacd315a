import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { findFreePort, startEmbeddedDatabase } from './embedded-database.js';

/** Replaces the database name of a postgres URL. */
export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Runs `fn` with the URL of an empty database that is dropped afterwards: on DATABASE_URL's server when
 * set, otherwise on a throw-away embedded cluster.
 */
export async function withScratchDatabase<T>(fn: (url: string) => Promise<T>, opts: { tmpDir?: string } = {}): Promise<T> {
  let serverUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  let dir: string | undefined;
  if (!serverUrl) {
    dir = fs.mkdtempSync(path.join(opts.tmpDir ?? os.tmpdir(), 'rumbo-pg-'));
    const db = await startEmbeddedDatabase({ dataDir: path.join(dir, 'pg'), port: await findFreePort(), persistent: false });
    serverUrl = db.url;
    stop = db.stop;
  }
  const name = `rumbo_scratch_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  try {
    return await fn(withDatabaseName(serverUrl, name));
  } finally {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}
