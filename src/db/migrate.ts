import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-clock.js';
import * as m0003 from './migrations/0003-seed-calendar.js';
import * as m0004 from './migrations/0004-cases.js';

/** Migrations are listed here, not discovered from disk, so bundling and tsx both see the same set. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-clock': m0002,
  '0003-seed-calendar': m0003,
  '0004-cases': m0004,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function migrator(db: Db): Migrator {
  return new Migrator({ db, provider });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
