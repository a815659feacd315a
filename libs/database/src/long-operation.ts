import type { EntityManager } from 'typeorm';
import { LONG_OPERATION_TIMEOUT_MS } from './database-settings.js';

interface PgClientInternals {
  connectionParameters?: { query_timeout?: number };
}

/**
 * Runs `work` inside the transaction `tx` with the statement limits lifted to `timeoutMs`: the server's
 * `statement_timeout` for this transaction only (`SET LOCAL`), and the client's read timeout on this transaction's
 * connection until `work` ends (it is put back before COMMIT, which is quick). For the few operations whose single
 * statements may legitimately run long on a big database — the progress rebuild, demo seeding, the daily jobs.
 */
export async function withLongStatements<T>(tx: EntityManager, work: () => Promise<T>, timeoutMs = LONG_OPERATION_TIMEOUT_MS): Promise<T> {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('withLongStatements needs a transaction (dataSource.transaction(tx => …))');
  await tx.query(`SELECT set_config('statement_timeout', $1, true)`, [String(timeoutMs)]);
  // pg reads this on every query, so the change holds for this connection's next queries; restored below, before
  // the connection goes back to the pool.
  const params = ((await (runner as unknown as { connect(): Promise<unknown> }).connect()) as PgClientInternals).connectionParameters;
  const previous = params?.query_timeout;
  if (params) params.query_timeout = timeoutMs + 5000;
  try {
    return await work();
  } finally {
    if (params) params.query_timeout = previous;
  }
}
