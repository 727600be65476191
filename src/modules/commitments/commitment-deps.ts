import path from 'node:path';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { FileSystemStorage, type BlobStorage } from '../documents/storage.js';
import { MEASURE_SOURCES, type MeasureSources } from './measure-sources.js';
import { assessDueCommitments } from './assess-commitments.js';
import { applyDueFeeChanges } from '../fee-review/apply-due-changes.js';

/**
 * What the conduct use cases need (commitments, self-inspection, fee review, learning): built once
 * per application context; uploaded evidence and study PDFs are stored with the case files.
 */
export interface ConductDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  storage: BlobStorage;
  /** Where each measurable commitment reads its figure; a module not yet built answers "no data". */
  sources: MeasureSources;
}

const wired = new WeakMap<AppContext, ConductDeps>();

export function conductDeps(ctx: AppContext): ConductDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = {
      db: ctx.db,
      clock: ctx.clock,
      calendars: ctx.calendars,
      storage: new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs')),
      sources: MEASURE_SOURCES,
    };
    wired.set(ctx, d);
    const wiredDeps = d;
    // Period ends are checked after every supervision pass, in every instance (the job is safe so).
    ctx.supervision.afterPass.push(() => assessDueCommitments(wiredDeps));
    // Approved fee changes reach the catalogue on their date, the same way.
    ctx.supervision.afterPass.push(() => applyDueFeeChanges(wiredDeps));
  }
  return d;
}
