import { QueryRunnerAlreadyReleasedError } from 'typeorm';

/** Classifies errors raised by PostgreSQL / the pg driver, so the filter can answer with the right status. */
export type DatabaseErrorKind = 'unavailable' | 'unique' | 'foreign_key' | 'check' | 'serialization' | null;

/**
 * "Try again shortly" (503): the server is unreachable, restarting, out of connections — or too slow to answer
 * within our limits: 57014 is a statement cancelled by `statement_timeout`, 55P03 a lock not obtained within
 * `lock_timeout`. The client-side limits (pool acquire, query read timeout) are recognised by their messages.
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '53300', '57014', '55P03']);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Query read timeout/i,
  /Client has encountered a connection error/i,
  /Connection is not established/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

export function classifyDatabaseError(error: unknown): DatabaseErrorKind {
  if (!error || typeof error !== 'object') return null;
  // A transaction's connection died between two statements (the server shut down, or was restarted): TypeORM
  // gave the connection back when it broke, and the transaction's next statement or COMMIT finds it released.
  // Nothing was committed; as retryable as any other lost connection.
  if (error instanceof QueryRunnerAlreadyReleasedError) return 'unavailable';
  const e = error as { code?: string; driverError?: { code?: string; message?: string }; message?: string };
  const code = e.driverError?.code ?? e.code;
  const message = e.driverError?.message ?? e.message ?? '';
  if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return 'unavailable';
  if (UNAVAILABLE_MESSAGES.some((re) => re.test(message))) return 'unavailable';
  if (code === '23505') return 'unique';
  if (code === '23503') return 'foreign_key';
  if (code === '23514' || code === '23502') return 'check';
  if (code === '40001' || code === '40P01') return 'serialization';
  return null;
}
