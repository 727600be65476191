import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import { dialectOf } from './column-types.js';
import type { Db } from './open-database.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-clock.js';
import * as m0003 from './migrations/0003-seed-calendar.js';
import * as m0004 from './migrations/0004-cases.js';
import * as m0005 from './migrations/0005-fees.js';
import * as m0006 from './migrations/0006-counter-requests.js';
import * as m0007 from './migrations/0007-notification-channels.js';
import * as m0008 from './migrations/0008-guesses-and-usernames.js';
import * as m0009 from './migrations/0009-event-commitments.js';
import * as m0011 from './migrations/0011-letters.js';
import * as m0010 from './migrations/0010-complaints.js';
import * as m0017 from './migrations/0017-inspections.js';
import * as m0012 from './migrations/0012-document-renders.js';
import * as m0015 from './migrations/0015-hall.js';
import * as m0018 from './migrations/0018-government-conduct.js';
import * as m0016 from './migrations/0016-ratings.js';
import * as m0019 from './migrations/0019-web-ux.js';
import * as m0021 from './migrations/0021-dashboard.js';
import * as m0022 from './migrations/0022-disclosure.js';
import * as m0025 from './migrations/0025-account.js';
import * as m0023 from './migrations/0023-hall-devices.js';
import * as m0024 from './migrations/0024-inspection-department-caps.js';
import * as m0020 from './migrations/0020-assessment.js';
import * as m0026 from './migrations/0026-assessment-inspections.js';
import * as m0027 from './migrations/0027-shortfall-promises.js';
import * as m0028 from './migrations/0028-village-terms.js';
import * as m0029 from './migrations/0029-english-names.js';
import * as m0030 from './migrations/0030-bundle-english-names.js';

/** Migrations are listed here, not discovered from disk, so bundling and tsx both see the same set. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-clock': m0002,
  '0003-seed-calendar': m0003,
  '0004-cases': m0004,
  '0005-fees': m0005,
  '0006-counter-requests': m0006,
  '0007-notification-channels': m0007,
  '0008-guesses-and-usernames': m0008,
  '0009-event-commitments': m0009,
  '0011-letters': m0011,
  '0010-complaints': m0010,
  '0017-inspections': m0017,
  '0012-document-renders': m0012,
  '0015-hall': m0015,
  '0018-government-conduct': m0018,
  '0016-ratings': m0016,
  '0019-web-ux': m0019,
  '0021-dashboard': m0021,
  '0022-disclosure': m0022,
  '0025-account': m0025,
  '0023-hall-devices': m0023,
  '0024-inspection-department-caps': m0024,
  '0020-assessment': m0020,
  '0026-assessment-inspections': m0026,
  '0027-shortfall-promises': m0027,
  '0028-village-terms': m0028,
  '0029-english-names': m0029,
  '0030-bundle-english-names': m0030,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * On PostgreSQL the migration tables are looked up in the connection's own schema: Kysely otherwise
 * takes a kysely_migration table in any schema as its own (and another app, or another test, may
 * have one).
 */
async function migrationSchema(db: Db): Promise<string | undefined> {
  if (dialectOf(db) !== 'postgres') return undefined;
  const r = await sql<{ s: string }>`select current_schema() as s`.execute(db);
  return r.rows[0]?.s;
}

export async function migrator(db: Db): Promise<Migrator> {
  const schema = await migrationSchema(db);
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await (await migrator(db)).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}
