/**
 * Writes that fail because of where the data lives, not because of what was asked: the disk is
 * full, the database is read-only, or the connection to it is gone. A client can do nothing about
 * the request itself; it may try again later (503 with Retry-After), and the instance is not ready
 * while it lasts (/readyz).
 */
export type StorageFailure = 'full' | 'read_only' | 'unavailable';

import { performance } from 'node:perf_hooks';

export interface StorageProblem {
  failure: StorageFailure;
  /** What was found, for /readyz and the log (not shown to applicants). */
  reason: string;
}

// PostgreSQL SQLSTATEs: disk_full; read_only_sql_transaction (a standby, default_transaction_read_only);
// admin_shutdown, crash_shutdown, cannot_connect_now; the connection_exception class.
const PG_FULL = new Set(['53100']);
const PG_READ_ONLY = new Set(['25006']);
const PG_UNAVAILABLE = new Set(['57P01', '57P02', '57P03']);
const NODE_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** Which storage failure an error from either engine's driver is, if it is one. */
export function storageFailureOf(e: unknown): StorageFailure | undefined {
  if (!(e instanceof Error)) return undefined;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code === 'SQLITE_FULL' || PG_FULL.has(code)) return 'full';
    if (code.startsWith('SQLITE_READONLY') || PG_READ_ONLY.has(code)) return 'read_only';
    if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return 'unavailable';
    if (PG_UNAVAILABLE.has(code) || code.startsWith('08') || NODE_UNAVAILABLE.has(code)) return 'unavailable';
  }
  // node-postgres reports a connection the server closed under a query without a code.
  if (/^Connection terminated/.test(e.message)) return 'unavailable';
  return undefined;
}

/** How long after a write failed for want of space the instance counts as not ready (/readyz). */
export const RECENT_FAILURE_MS = 10_000;

/**
 * Failures the probes cannot see for themselves (a disk that fills and empties between two looks,
 * PostgreSQL's own disk): one noted here keeps the instance out of rotation for a few seconds, then
 * it is tried again.
 */
export class RecentFailures {
  private readonly at = new Map<StorageFailure, number>();
  note(failure: StorageFailure): void {
    this.at.set(failure, performance.now());
  }
  recent(failure: StorageFailure): boolean {
    const at = this.at.get(failure);
    return at !== undefined && performance.now() - at < RECENT_FAILURE_MS;
  }
}
