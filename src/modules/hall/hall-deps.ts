import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import type { HallConfig } from '../../config/hall-config.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { HallFeed } from './hall-feed.js';
import { TicketWatchers } from './ticket-watch.js';

/** What a hall use case needs; built once per application context. */
export interface HallDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  config: HallConfig;
  /** The hall's events as they commit, for displays and phones (SSE). */
  feed: HallFeed;
  /** The phones following their tickets on this instance. */
  watchers: TicketWatchers;
}

const wired = new WeakMap<AppContext, HallDeps>();

export function hallDeps(ctx: AppContext): HallDeps {
  let d = wired.get(ctx);
  if (!d) {
    const feed = new HallFeed(ctx.db);
    d = {
      db: ctx.db,
      clock: ctx.clock,
      calendars: ctx.calendars,
      config: ctx.config.hall,
      feed,
      watchers: new TicketWatchers(ctx.db, feed),
    };
    wired.set(ctx, d);
  }
  return d;
}
