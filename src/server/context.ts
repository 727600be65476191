import type { Config } from '../config/config.js';
import type { DatabaseHandle, Db } from '../db/database.js';
import type { Clock } from '../shared/clock.js';

/** What the composition root hands to every route module: real dependencies, no container. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: Db;
  clock: Clock;
}
