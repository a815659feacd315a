import { createHash } from 'node:crypto';
import { QueryFailedError, type EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeListener(event: 'error', listener: (error: Error) => void): unknown;
}

interface PgDriver {
  obtainMasterConnection(): Promise<[PgClient, (error?: Error) => void]>;
}

const names = new Map<string, string>();

/** A stable statement name per SQL text (a name must never be reused for another text on a connection). */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) names.set(text, (name = `rumbo_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`));
  return name;
}

/**
 * Runs one statement of a hot path (report submission and its progress maintenance, the per-request user lookup,
 * the audit insert) as a named prepared statement: PostgreSQL parses and plans it once per pooled connection (and,
 * after a few runs, usually keeps a generic plan) instead of on every call, which is most of its work for such
 * short statements, and no query builder runs. On the transaction's connection when `em` belongs to one, else on a
 * pooled connection for this statement alone. Errors are wrapped like TypeORM's own (`QueryFailedError` with
 * `driverError`), so the HTTP error filter treats them the same. Returns the rows (also for UPDATE/DELETE …
 * RETURNING), never TypeORM's `[rows, affected]` pair.
 */
export async function preparedQuery<T>(em: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const config = { name: statementName(text), text, values };
  const runner = em.queryRunner;
  if (runner && !runner.isReleased) {
    const client = await (runner as unknown as { connect(): Promise<PgClient> }).connect();
    return run<T>(client, config);
  }
  const [client, release] = await (em.connection.driver as unknown as PgDriver).obtainMasterConnection();
  // The pool stops listening to a client's errors while it is checked out, and an 'error' event nobody listens to
  // crashes the process: a server shutting down (57P01) while this statement runs would take the app with it.
  // Keep the error, so the broken client is released as broken (the pool drops it) instead of being reused.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    return await run<T>(client, config);
  } finally {
    client.removeListener('error', onError);
    release(broken);
  }
}

async function run<T>(client: PgClient, config: { name: string; text: string; values: unknown[] }): Promise<T[]> {
  try {
    return (await client.query(config)).rows as T[];
  } catch (e) {
    throw new QueryFailedError(config.text, config.values, e as Error);
  }
}
