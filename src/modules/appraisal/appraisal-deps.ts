import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import type { RatingsConfig } from '../../config/ratings-config.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { AddressGate } from '../identity/address-failures.js';

export interface AppraisalDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  settings: RatingsConfig;
  /** Wrong ballot codes, counted per address: a code cannot be guessed by trying. */
  codeGate: AddressGate;
}

const wired = new WeakMap<AppContext, AppraisalDeps>();

export function appraisalDeps(ctx: AppContext): AppraisalDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = {
      db: ctx.db,
      clock: ctx.clock,
      calendars: ctx.calendars,
      settings: ctx.config.ratings,
      codeGate: new AddressGate(ctx.db, ctx.database.dialect, 'ballot', {
        maxFailures: 10,
        windowMinutes: 10,
      }),
    };
    wired.set(ctx, d);
  }
  return d;
}
