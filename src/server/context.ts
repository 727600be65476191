import type { Config } from '../config/config.js';
import type { DatabaseHandle, Db } from '../db/database.js';
import type { Clock, OffsetClock } from '../shared/clock.js';
import type { CalendarStore } from '../modules/clock/calendar-store.js';
import type { SupervisionRunner } from '../modules/supervision/supervision-runner.js';
import type { NotificationRunner } from '../modules/notifications/notification-runner.js';
import type { VisitLookup } from '../modules/ratings/visit-lookup.js';

/** What the composition root hands to every route module: real dependencies, no container. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  supervision: SupervisionRunner;
  notifications: NotificationRunner;
  /** The hall's visits by ticket number, for the on-site rating (评价器). */
  visits: VisitLookup;
  /** Only in the test time mode: the clock an administrator may move forward. */
  testClock?: OffsetClock;
}
