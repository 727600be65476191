import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import type { RatingsConfig } from '../../config/ratings-config.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { AddressGate } from '../identity/address-failures.js';
import type { VisitLookup } from './visit-lookup.js';
import { sendRatingReminders } from './send-reminders.js';

/** What a rating use case needs; built once per application context. */
export interface RatingDeps {
  db: Db;
  clock: Clock;
  dialect: DialectName;
  calendars: CalendarStore;
  settings: RatingsConfig;
  /** The hall's visits, by ticket number (the on-site channel). */
  visits: VisitLookup;
  /** Wrong receipt/code pairs on the online rating page, counted per address like tracking's. */
  codeGate: AddressGate;
  publicBaseUrl: string;
}

const wired = new WeakMap<AppContext, RatingDeps>();

export function ratingDeps(ctx: AppContext): RatingDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = {
      db: ctx.db,
      clock: ctx.clock,
      dialect: ctx.database.dialect,
      calendars: ctx.calendars,
      settings: ctx.config.ratings,
      // Read at each use, so the lookup wired into the context (the hall's) is the one asked.
      visits: {
        find: (ticketNo, now) => ctx.visits.find(ticketNo, now),
        latestAt: (windowId, now) => ctx.visits.latestAt(windowId, now),
      },
      codeGate: new AddressGate(ctx.db, ctx.database.dialect, 'rate', { maxFailures: 10, windowMinutes: 10 }),
      publicBaseUrl: ctx.config.publicBaseUrl,
    };
    wired.set(ctx, d);
    const deps = d;
    // The reminder pass runs after each supervision pass, in every instance (it claims its rows).
    ctx.supervision.afterPass.push(() => sendRatingReminders(deps));
  }
  return d;
}
