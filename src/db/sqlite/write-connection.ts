import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { fileWritable } from './disk-headroom.js';

/** How often, at most, a read-only connection looks whether its file can be written again. */
const RECHECK_MS = 1000;

/**
 * The one write connection to an SQLite file. SQLite opens a file it may not write (its mode, its
 * owner, a read-only mount) read-only without a word, and every write on it fails with
 * SQLITE_READONLY; such a connection stays read-only when the file turns writable again. So a new
 * connection is tried once for a write, and one found read-only is replaced, between transactions,
 * as soon as the file can be written. The replacement may still be read-only: SQLite keeps state
 * per file and process (the shared-memory index), and the process's other connections (the read
 * connection, the checkpointer's, the intake thread's) may hold it as it was opened, read-only.
 * The process must then be restarted, and /readyz says so.
 */
export class WriteConnection {
  current: SQLite.Database;
  /** The current connection cannot write (it was opened on a file it could not write). */
  readOnly: boolean;
  private lastCheck = 0;

  constructor(
    private readonly file: string,
    private readonly configure: (connection: SQLite.Database) => void,
    /** Called when a new connection has replaced the old one (statement caches hold the old one's statements). */
    private readonly replaced: () => void = () => undefined,
    private readonly writable: (file: string) => boolean = fileWritable,
  ) {
    this.current = new SQLite(file);
    configure(this.current);
    this.readOnly = file !== ':memory:' && !canWrite(this.current);
  }

  /**
   * Replaces a read-only connection once the file can be written (looked at no more than once a
   * second). Only between transactions: the caller holds the connection and none is open on it.
   */
  reopenIfWritable(force = false): void {
    if (!this.readOnly || this.current.inTransaction) return;
    const now = performance.now();
    if (!force && now - this.lastCheck < RECHECK_MS) return;
    this.lastCheck = now;
    if (!this.writable(this.file)) return;
    const next = new SQLite(this.file);
    try {
      this.configure(next);
    } catch {
      next.close();
      return;
    }
    if (!canWrite(next)) {
      next.close();
      return;
    }
    const old = this.current;
    this.current = next;
    this.readOnly = false;
    this.replaced();
    old.close();
  }
}

/**
 * Whether a connection can write: a write that changes nothing (the header's user_version set to
 * itself), rolled back. SQLITE_BUSY means another connection is writing, so this file is writable.
 */
function canWrite(connection: SQLite.Database): boolean {
  const timeout = connection.pragma('busy_timeout', { simple: true }) as number;
  connection.pragma('busy_timeout = 0');
  try {
    connection.prepare('begin immediate').run();
    const v = connection.pragma('user_version', { simple: true }) as number;
    connection.pragma(`user_version = ${v}`);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'SQLITE_BUSY';
  } finally {
    if (connection.inTransaction) connection.prepare('rollback').run();
    connection.pragma(`busy_timeout = ${timeout}`);
  }
}
