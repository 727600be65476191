import { PostgresAdapter, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export function dialectOf<DB>(db: Kysely<DB>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The one migration set serves both engines; only these physical types differ.
 * Values read back are normalised by the PostgreSQL type parsers in postgres/open-postgres.ts.
 */
export function columnTypes<DB>(db: Kysely<DB>) {
  const pg = dialectOf(db) === 'postgres';
  return {
    timestamp: pg ? ('timestamptz' as const) : ('text' as const),
    date: pg ? ('date' as const) : ('text' as const),
    autoId: pg ? ('bigserial' as const) : ('integer' as const),
  };
}
