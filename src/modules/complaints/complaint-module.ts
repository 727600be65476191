import path from 'node:path';
import type { AppContext } from '../../server/context.js';
import { FileSystemStorage } from '../documents/storage.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { ComplaintTracker } from './track-complaint.js';
import { CommitGroup, commitGroupOf } from '../../db/commit-group.js';
import { writerThreadOf, writerUrl } from '../../db/writer-thread.js';
import type { WrittenComplaint } from './write-complaint.js';

const INTAKE_WRITER = writerUrl(import.meta.url, 'intake-writer');

export interface ComplaintModule {
  deps: ComplaintDeps;
  tracker: ComplaintTracker;
}

const modules = new WeakMap<AppContext, ComplaintModule>();

/** The reporting center's wiring for one application context (attachments stored with the case files). */
export function complaintModule(ctx: AppContext): ComplaintModule {
  let m = modules.get(ctx);
  if (m) return m;
  // One process on an SQLite file: new tickets are written by the writer thread that writes new
  // applications, in the same commit group. PostgreSQL: a burst of tickets shares transactions, so
  // it takes the ticket counter once per batch (a ticket computes all it writes inside its unit).
  const thread = writerThreadOf(ctx.database, ctx.config, ctx.clock, () => ctx.calendars.generation);
  const deps: ComplaintDeps = {
    db: ctx.db,
    clock: ctx.clock,
    calendars: ctx.calendars,
    storage: new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs')),
    settings: ctx.config.complaints,
    intake: commitGroupOf(ctx.db) ?? new CommitGroup(ctx.db, { name: 'complaint intake', optimistic: true }),
    ...(thread ? { writeTicket: (job) => thread.write<WrittenComplaint>(INTAKE_WRITER, job) } : {}),
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
