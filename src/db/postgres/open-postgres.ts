import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.js';
import type { DatabaseHandle, DatabaseOptions } from '../open-database.js';
import { runBeforeClose } from '../open-database.js';

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
    ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const beforeClose: (() => Promise<void>)[] = [];
  return {
    db,
    dialect: 'postgres',
    beforeClose,
    close: async () => {
      await runBeforeClose(beforeClose);
      await db.destroy();
    },
  };
}
