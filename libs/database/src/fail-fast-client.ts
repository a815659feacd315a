import pg from 'pg';

export const QUERY_READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * A pg client that gives up on its connection when a query's answer does not come in time (pg's `query_timeout`).
 *
 * pg itself only fails that one query and keeps the connection: whatever the request sends next on it (TypeORM's
 * ROLLBACK after a failed statement, or the next request's query once the connection is back in the pool) queues
 * behind the unanswered one and waits its own full timeout. Closing the socket instead fails those at once
 * ("Connection terminated"), TypeORM hands the client back to the pool as broken, and the pool opens a fresh
 * connection later. So a request to a hung server fails after one query timeout, not two or more.
 */
export class FailFastClient extends pg.Client {
  override query(...args: unknown[]): never {
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    const callback = args.find((a) => typeof a === 'function');
    if (!callback && result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(undefined, (error: unknown) => this.dropOnReadTimeout(error));
    }
    return result as never;
  }

  private dropOnReadTimeout(error: unknown): void {
    if ((error as Error | undefined)?.message !== QUERY_READ_TIMEOUT_MESSAGE) return;
    const connection = (this as unknown as { connection?: { stream?: { destroy(): void } } }).connection;
    connection?.stream?.destroy();
  }
}
