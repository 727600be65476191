import path from 'node:path';
import type { AppContext } from '../../server/context.js';
import { FileSystemStorage } from '../documents/storage.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { ComplaintTracker } from './track-complaint.js';

export interface ComplaintModule {
  deps: ComplaintDeps;
  tracker: ComplaintTracker;
}

const modules = new WeakMap<AppContext, ComplaintModule>();

/** The reporting center's wiring for one application context (attachments stored with the case files). */
export function complaintModule(ctx: AppContext): ComplaintModule {
  let m = modules.get(ctx);
  if (m) return m;
  const deps: ComplaintDeps = {
    db: ctx.db,
    clock: ctx.clock,
    calendars: ctx.calendars,
    storage: new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs')),
    settings: ctx.config.complaints,
    ratings: ctx.config.ratings,
  };
  m = {
    deps,
    tracker: new ComplaintTracker(
      ctx.db,
      ctx.clock,
      ctx.database.dialect,
      ctx.calendars,
      deps.settings.reopenDays,
    ),
  };
  modules.set(ctx, m);
  return m;
}
