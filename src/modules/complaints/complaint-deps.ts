import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import type { BlobStorage } from '../documents/storage.js';
import type { ComplaintSettings } from '../../config/config.js';

/** What the reporting center's use cases need, wired once per application context (complaint-module.ts). */
export interface ComplaintDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  storage: BlobStorage;
  settings: ComplaintSettings;
}

export type { ComplaintSettings };
