import path from 'node:path';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { FileSystemStorage, type BlobStorage } from '../documents/storage.js';
import { complaintModule } from '../complaints/complaint-module.js';
import type { ComplaintDeps } from '../complaints/complaint-deps.js';

/** What an inspection use case needs; built once per application context. */
export interface InspectionDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  /** Inspection records (PDF), by SHA-256, beside the other documents under DATA_DIR/blobs. */
  storage: BlobStorage;
  /** Where an enterprise's code leads: its public verification page. */
  publicBaseUrl: string;
  /** The reporting center, which takes an enterprise's complaint about an inspection. */
  complaints: ComplaintDeps;
}

const wired = new WeakMap<AppContext, InspectionDeps>();

export function inspectionDeps(ctx: AppContext): InspectionDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = {
      db: ctx.db,
      clock: ctx.clock,
      calendars: ctx.calendars,
      storage: new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs')),
      publicBaseUrl: ctx.config.publicBaseUrl,
      complaints: complaintModule(ctx).deps,
    };
    wired.set(ctx, d);
  }
  return d;
}

/** The public page an enterprise's code (QR on its sign) leads to. */
export const verifyUrl = (deps: InspectionDeps, code: string) => `${deps.publicBaseUrl}/inspect/${code}`;
