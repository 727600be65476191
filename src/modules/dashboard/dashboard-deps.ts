import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { complaintModule } from '../complaints/complaint-module.js';
import type { ComplaintDeps } from '../complaints/complaint-deps.js';
import { inspectionDeps, type InspectionDeps } from '../inspections/inspection-deps.js';
import { FigureCache } from './figure-cache.js';
import { reviewItemCommitments } from './review-item-commitments.js';

/** What the public dashboard's use cases need; built once per application context. */
export interface DashboardDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  complaints: ComplaintDeps;
  inspections: InspectionDeps;
  /** Computed figures, kept 60 s in this instance's memory. */
  cache: FigureCache;
  /** Below this many records a figure is shown marked as a small sample. */
  minSample: number;
}

export const FIGURES_TTL_MS = 60_000;
export const MIN_SAMPLE = 10;

const wired = new WeakMap<AppContext, DashboardDeps>();

export function dashboardDeps(ctx: AppContext): DashboardDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = {
      db: ctx.db,
      clock: ctx.clock,
      calendars: ctx.calendars,
      complaints: complaintModule(ctx).deps,
      inspections: inspectionDeps(ctx),
      cache: new FigureCache(ctx.clock, FIGURES_TTL_MS),
      minSample: MIN_SAMPLE,
    };
    wired.set(ctx, d);
    const deps = d;
    // The quarterly review of the items' commitments: checked after each supervision pass in every
    // instance; a quarter is claimed once (FOR UPDATE SKIP LOCKED), so it is reviewed once.
    ctx.supervision.afterPass.push(() => reviewItemCommitments(deps));
  }
  return d;
}
