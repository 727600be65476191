import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../schema.js';
import type { DatabaseHandle, DatabaseOptions } from '../open-database.js';
import { runBeforeClose } from '../open-database.js';
import { DatabaseLog } from '../database-log.js';
import { RecentFailures } from '../storage-failure.js';
import { NamedStatements } from './named-statements.js';
import { installWriteBuffer } from './write-buffer.js';

// PostgreSQL hands back the same shapes SQLite does: ISO strings, YYYY-MM-DD, numbers.
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_DATE = 1082;
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === PG_TIMESTAMPTZ || oid === PG_TIMESTAMP)
      return (v: string) => new Date(oid === PG_TIMESTAMP ? `${v}Z` : v).toISOString();
    if (oid === PG_DATE) return (v: string) => v;
    if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

/** A pool of connections to the server, working in opts.pgSchema when one is given (tests give each file its own). */
export function openPostgres(opts: DatabaseOptions & { databaseUrl: string }): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: opts.pgPoolSize ?? 10,
    types: pgTypes,
    application_name: applicationName(opts),
    ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
  });
  const log = new DatabaseLog();
  survivesLostConnections(pool, log);
  if (opts.pgPreparedStatements ?? true) new NamedStatements().install(pool);
  const db = new Kysely<Database>({
    // Every connection can hold a commit group's writes until the next statement (write-buffer.ts).
    dialect: new PostgresDialect({ pool, onCreateConnection: async (c) => installWriteBuffer(c) }),
  });
  const beforeClose: (() => Promise<void>)[] = [];
  const failures = new RecentFailures();
  return {
    db,
    dialect: 'postgres',
    beforeClose,
    setLogger: (l) => log.setLogger(l),
    writeFailed: (failure) => failures.note(failure),
    needsRestart: () => false,
    writeProblem: async () => {
      // A standby (a failover not yet promoted) or a server told to refuse writes answers reads only.
      const r = await sql<{ recovery: boolean; readOnly: string }>`
        select pg_is_in_recovery() as recovery, current_setting('transaction_read_only') as "readOnly"`.execute(
        db,
      );
      const { recovery, readOnly } = r.rows[0]!;
      if (recovery || readOnly === 'on')
        return {
          failure: 'read_only',
          reason: recovery ? 'the PostgreSQL server is in recovery' : 'transactions are read-only',
        };
      if (failures.recent('full'))
        return { failure: 'full', reason: 'the PostgreSQL server was out of disk space just now' };
      return undefined;
    },
    close: async () => {
      await runBeforeClose(beforeClose);
      await db.destroy();
    },
  };
}

/**
 * A connection the server ends (pg_terminate_backend, a restart, a failover, a proxy's idle timeout)
 * makes its client emit 'error': while idle in the pool the pool re-emits it, while checked out the
 * client itself does, and an 'error' event nobody listens to ends the process. So both are heard:
 * the pool has already dropped an idle client, and a checked-out one is dropped when it is released
 * (it is no longer queryable); the query in flight on it fails (and its transaction with it, so
 * nothing it wrote was acknowledged), and the next one gets a fresh connection.
 */
function survivesLostConnections(pool: pg.Pool, log: DatabaseLog): void {
  pool.on('connect', (client) =>
    client.on('error', (e: Error & { code?: string }) =>
      log.warn(
        { err: e.message, code: e.code, pid: (client as pg.Client & { processID?: number }).processID },
        'PostgreSQL connection lost; it is dropped and replaced',
      ),
    ),
  );
  // (an idle client's error reaches the pool too, which has dropped it; the client's listener logged it)
  pool.on('error', () => undefined);
}

/** Shown in pg_stat_activity: the URL's own, else one that names the schema (tests, drills) or the product. */
function applicationName(opts: DatabaseOptions & { databaseUrl: string }): string {
  const given = new URL(opts.databaseUrl).searchParams.get('application_name');
  return given ?? (opts.pgSchema ? `onewindow/${opts.pgSchema}` : 'onewindow');
}
