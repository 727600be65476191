import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import type { BlobStorage } from '../documents/storage.js';
import type { ComplaintSettings } from '../../config/config.js';
import type { CommitGroup } from '../../db/commit-group.js';
import type { ComplaintJob, WrittenComplaint } from './write-complaint.js';
import type { RatingsConfig } from '../../config/ratings-config.js';

/** What the reporting center's use cases need, wired once per application context (complaint-module.ts). */
export interface ComplaintDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  storage: BlobStorage;
  settings: ComplaintSettings;
  /** The commit group new tickets share (SQLite: the database's; PostgreSQL: one for intake). */
  intake?: CommitGroup;
  /** Writes a checked ticket: in the writer thread where there is one, else writeComplaint here. */
  writeTicket?: (job: ComplaintJob) => Promise<WrittenComplaint>;
  /** A complaint's rating goes into the ratings store, which opens a rectification for a bad one. */
  ratings: RatingsConfig;
}

export type { ComplaintSettings };
