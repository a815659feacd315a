import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { EmbeddedDatabaseError, findFreePort, startEmbeddedDatabase } from '../../libs/database/src/embedded-database.js';

async function selectOne(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('SELECT 1 AS one')).rows[0].one;
  } finally {
    await c.end();
  }
}

/** The embedded PostgreSQL that `npm start` uses when DATABASE_URL is unset. */
describe('embedded PostgreSQL', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rumbo-embedded-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('initialises a cluster with an app database, and starts again on the same folder after a clean stop', async () => {
    const port = await findFreePort();
    const first = await startEmbeddedDatabase({ dataDir: path.join(dir, 'a'), port });
    expect(await selectOne(first.url)).toBe(1);
    await first.stop();
    const again = await startEmbeddedDatabase({ dataDir: path.join(dir, 'a'), port });
    expect(await selectOne(again.url)).toBe(1);
    await again.stop();
  });

  it('stops a server left running on its folder (as after a killed process) and goes on', async () => {
    const dataDir = path.join(dir, 'b');
    await startEmbeddedDatabase({ dataDir, port: await findFreePort() });
    const orphanPid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // Start again without stopping the first one: the leftover server must be stopped first.
    const port = await findFreePort();
    const db = await startEmbeddedDatabase({ dataDir, port });
    expect(() => process.kill(orphanPid, 0)).toThrow();
    expect(await selectOne(db.url)).toBe(1);
    await db.stop();
  });

  it('says plainly when its port is taken', async () => {
    const blocker = net.createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const attempt = startEmbeddedDatabase({ dataDir: path.join(dir, 'c'), port });
      await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseError);
      await expect(attempt).rejects.toThrow(/Port \d+ is already in use.*EMBEDDED_PG_PORT/s);
    } finally {
      blocker.close();
    }
  });
});
