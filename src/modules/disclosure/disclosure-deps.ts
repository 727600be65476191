import path from 'node:path';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { AppContext } from '../../server/context.js';
import { FileSystemStorage, type BlobStorage } from '../documents/storage.js';
import { signalOverdueDisclosures } from './signal-overdue.js';

/** What the disclosure use cases need; statements' attachments are stored with the case files. */
export interface DisclosureDeps {
  db: Db;
  clock: Clock;
  storage: BlobStorage;
}

const wired = new WeakMap<AppContext, DisclosureDeps>();

export function disclosureDeps(ctx: AppContext): DisclosureDeps {
  let d = wired.get(ctx);
  if (!d) {
    d = {
      db: ctx.db,
      clock: ctx.clock,
      storage: new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs')),
    };
    wired.set(ctx, d);
    const wiredDeps = d;
    // Overdue village disclosures are looked for after every supervision pass, in every instance
    // (each period is claimed and recorded once).
    ctx.supervision.afterPass.push(() => signalOverdueDisclosures(wiredDeps));
  }
  return d;
}
