import pg from 'pg';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { dataSourceOptions } from '../../libs/database/src/data-source-options.js';
import { DEFAULT_DATABASE_SETTINGS, type DatabaseSettings } from '../../libs/database/src/database-settings.js';
import { withLongStatements } from '../../libs/database/src/long-operation.js';
import { preparedQuery } from '../../libs/database/src/prepared-query.js';
import { classifyDatabaseError } from '../../libs/platform/src/http/database-errors.js';
import { HttpExceptionFilter } from '../../libs/platform/src/http/http-exception.filter.js';
import { createTestDatabase } from '../../libs/testing/src/test-server.js';

/**
 * The database time limits, with real PostgreSQL errors: each one, raised through the app's own pool options,
 * is classified "unavailable" and shaped as a 503. Limits are set short here so the statements that cross them
 * stay short; the request path under a hung server is in test/e2e/database-hang.spec.ts, and writes under a
 * restart and a hang in `npm run bench:faults`.
 */
describe('database time limits and broken connections against PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  const sources: DataSource[] = [];

  async function connect(settings: Partial<DatabaseSettings>): Promise<DataSource> {
    const ds = new DataSource(dataSourceOptions(url, {}, { ...DEFAULT_DATABASE_SETTINGS, ...settings }));
    await ds.initialize();
    sources.push(ds);
    return ds;
  }
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('the statement should have failed'), (e: unknown) => e);
  const shaped = (e: unknown) => new HttpExceptionFilter().toBody(e);

  beforeAll(async () => {
    const db = await createTestDatabase(inject('pgServerUrl'), inject('pgTemplate'));
    url = db.url;
    drop = db.drop;
  });
  afterAll(async () => {
    for (const ds of sources) await ds.destroy();
    await drop();
  });

  it('sets statement_timeout and lock_timeout on every pooled connection', async () => {
    const ds = await connect({ statementTimeoutMs: 4321, lockTimeoutMs: 1234 });
    const [row] = await ds.query(`SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock`);
    expect(row).toEqual({ statement: '4321ms', lock: '1234ms' });
  });

  it('a statement cancelled by statement_timeout (57014) is a 503', async () => {
    const ds = await connect({ statementTimeoutMs: 100 });
    const e = await failure(ds.query('SELECT pg_sleep(2)'));
    expect((e as { driverError?: { code?: string } }).driverError?.code).toBe('57014');
    expect(classifyDatabaseError(e)).toBe('unavailable');
    expect(shaped(e)).toMatchObject({ statusCode: 503, errors: [] });
  });

  it('a lock not obtained within lock_timeout (55P03) is a 503', async () => {
    const ds = await connect({ lockTimeoutMs: 100 });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE state IN ACCESS EXCLUSIVE MODE');
      const e = await failure(ds.query('SELECT count(*) FROM state'));
      expect((e as { driverError?: { code?: string } }).driverError?.code).toBe('55P03');
      expect(classifyDatabaseError(e)).toBe('unavailable');
      expect(shaped(e)).toMatchObject({ statusCode: 503 });
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });

  it('no connection free within the acquire timeout is a 503', async () => {
    const ds = await connect({ poolSize: 1, acquireTimeoutMs: 200 });
    const busy = ds.createQueryRunner();
    await busy.connect();
    try {
      const e = await failure(ds.query('SELECT 1'));
      expect(String((e as Error).message)).toMatch(/timeout exceeded when trying to connect/);
      expect(shaped(e)).toMatchObject({ statusCode: 503 });
    } finally {
      await busy.release();
    }
    await expect(ds.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
  });

  it('an answer that does not come within the query timeout is a 503, and that connection is not reused', async () => {
    const ds = await connect({ poolSize: 1, queryTimeoutMs: 200, statementTimeoutMs: 5000 });
    const [{ pid: before }] = await ds.query('SELECT pg_backend_pid() AS pid');
    const e = await failure(ds.transaction((tx) => tx.query('SELECT pg_sleep(2)')));
    expect(String((e as Error).message)).toMatch(/Query read timeout/);
    expect(shaped(e)).toMatchObject({ statusCode: 503 });
    // The connection still waiting for that answer was closed; the pool opened a new one.
    const [{ pid: after }] = await ds.query('SELECT pg_backend_pid() AS pid');
    expect(after).not.toBe(before);
  });

  it('long operations lift both limits for their own transaction only', async () => {
    const ds = await connect({ poolSize: 1, statementTimeoutMs: 150, queryTimeoutMs: 300 });
    const inside = await ds.transaction((tx) =>
      withLongStatements(
        tx,
        async () => {
          await tx.query('SELECT pg_sleep(0.6)');
          return tx.query(`SELECT current_setting('statement_timeout') AS statement`);
        },
        30_000,
      ),
    );
    expect(inside).toEqual([{ statement: '30s' }]);
    // The same (only) connection afterwards: the server limit was transaction-local, the client one put back.
    expect(await ds.query(`SELECT current_setting('statement_timeout') AS statement`)).toEqual([{ statement: '150ms' }]);
    expect(String(((await failure(ds.query('SELECT pg_sleep(0.6)'))) as Error).message)).toMatch(/statement timeout|Query read timeout/);
    await expect(ds.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
  });

  it('an error event on a connection checked out for a prepared statement is caught, and that connection dropped', async () => {
    // The server can send its FATAL (e.g. 57P01 at a fast shutdown) in the same packet as the statement's answer:
    // pg then emits 'error' on the client before it is back in the pool, where nobody listened, which crashed the
    // app under `npm run bench:faults`. Here the event is raised by hand while the statement runs.
    const ds = await connect({ poolSize: 1 });
    const pool = (ds.driver as unknown as { master: { _clients: pg.Client[]; idleCount: number } }).master;
    const [{ pid: before }] = await ds.query('SELECT pg_backend_pid() AS pid');
    const running = preparedQuery<{ pid: number }>(ds.manager, 'SELECT pg_backend_pid() AS pid, pg_sleep(0.3)', []);
    while (pool.idleCount > 0) await new Promise((r) => setTimeout(r, 5)); // until the statement has its connection
    const [client] = pool._clients;
    expect(() => client.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
    await expect(running).resolves.toEqual([expect.objectContaining({ pid: before })]);
    const [{ pid: after }] = await ds.query('SELECT pg_backend_pid() AS pid');
    expect(after).not.toBe(before);
  });

  it('a transaction whose connection is terminated between two statements is a 503, and nothing is committed', async () => {
    const ds = await connect({});
    const admin = await connect({});
    await admin.query('CREATE TABLE fault_probe (n int)');
    const e = await failure(
      ds.transaction(async (tx) => {
        await tx.query('INSERT INTO fault_probe VALUES (1)');
        const [{ pid }] = await tx.query('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        // Until pg has seen the connection end and TypeORM has handed it back (as the app would, while doing other work).
        while (!tx.queryRunner!.isReleased) await new Promise((r) => setTimeout(r, 5));
      }),
    );
    expect(classifyDatabaseError(e)).toBe('unavailable');
    expect(shaped(e)).toMatchObject({ statusCode: 503 });
    await expect(ds.query('SELECT count(*)::int AS n FROM fault_probe')).resolves.toEqual([{ n: 0 }]);
  });
});
