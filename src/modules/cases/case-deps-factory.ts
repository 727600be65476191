import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { AppContext } from '../../server/context.js';
import { FileSystemStorage, type BlobStorage } from '../documents/storage.js';
import type { CaseDeps } from './case-deps.js';
import { CaseDocumentIssuer } from './issue-document.js';
import { CaseTracker } from './track-case.js';
import { CaseTracker as CaseTrackerBytes } from './track-case-bytes.js';
import { deemAcceptOverdue } from './deem-accept.js';
import { feesModule } from '../fees/fees-module.js';
import { CommitGroup, commitGroupOf } from '../../db/commit-group.js';
import { refreshTracking } from './tracking.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { IntakeWriterThread } from './intake-writer-thread.js';
import { plain } from '../../db/plain.js';

export interface CaseModule {
  deps: CaseDeps;
  storage: BlobStorage;
  tracker: CaseTracker | CaseTrackerBytes;
  issuer: CaseDocumentIssuer;
  /** Where new applications are written on the embedded database (config.intakeThread). */
  intakeThread?: IntakeWriterThread;
}

const modules = new WeakMap<AppContext, CaseModule>();

/**
 * The case module's wiring for one application context: blob storage under DATA_DIR, the document
 * issuer, the tracker, and deemed acceptance after every supervision pass.
 */
export function caseModule(ctx: AppContext): CaseModule {
  let m = modules.get(ctx);
  if (m) return m;
  const storage = new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs'));
  const issuer = new CaseDocumentIssuer(storage, ctx.config.publicBaseUrl);
  const deps: CaseDeps = {
    db: ctx.db,
    dialect: ctx.database.dialect,
    clock: ctx.clock,
    calendars: ctx.calendars,
    documents: issuer,
    fees: feesModule(ctx).caseFees,
    // PostgreSQL: submissions share transactions; a submission computes all it writes inside its
    // unit, so it may run twice, and a batch goes without savepoints unless one of them fails.
    intake: (plain.has('group')
      ? undefined
      : (commitGroupOf(ctx.db) ??
        new CommitGroup(ctx.db, { name: 'intake', optimistic: true }))) as CommitGroup,
  };
  // One process on an SQLite file: applications are written by a thread of their own (the thread
  // wires this module too, without a thread of its own). Under HTTP_WORKERS the processes are the
  // parallelism; on PostgreSQL the server is.
  const threaded =
    ctx.config.intakeThread &&
    ctx.config.httpWorkers === 0 &&
    isMainThread &&
    ctx.database.dialect === 'sqlite' &&
    !!ctx.database.sqliteFile;
  const intakeThread = threaded
    ? new IntakeWriterThread(ctx.database, ctx.config, ctx.clock, ctx.calendars)
    : undefined;
  if (intakeThread) deps.writeIntake = (job) => intakeThread.write(job);
  m = {
    deps,
    storage,
    tracker: plain.has('tracking')
      ? new CaseTracker(ctx.db, ctx.clock)
      : new CaseTrackerBytes(ctx.db, ctx.clock),
    issuer,
    ...(intakeThread ? { intakeThread } : {}),
  };
  ctx.supervision.afterPass.push(() => deemAcceptOverdue(deps));
  // A confirmed or corrected holiday calendar moves deadlines: the public snapshots follow.
  ctx.calendars.afterReprojection.push((uow, cal, moved) => refreshMovedCases(uow, cal, moved));
  modules.set(ctx, m);
  return m;
}

/** The cases whose clocks a calendar change moved (their own, a stage's or a department's) get new tracking snapshots. */
async function refreshMovedCases(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  moved: readonly { subjectType: string; subjectId: string }[],
): Promise<void> {
  const ids = new Set(moved.filter((m) => CASE_SUBJECTS.has(m.subjectType)).map((m) => m.subjectId));
  const tasks = moved.filter((m) => m.subjectType === 'task').map((m) => m.subjectId);
  for (let i = 0; i < tasks.length; i += 500) {
    for (const t of await uow.db
      .selectFrom('case_tasks')
      .select('case_id')
      .where('id', 'in', tasks.slice(i, i + 500))
      .execute())
      ids.add(t.case_id);
  }
  const list = [...ids];
  for (let i = 0; i < list.length; i += 500) {
    // (a clock may time a subject of that type that is not a case of this module: only real cases, with a snapshot)
    const cases = await uow.db
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', list.slice(i, i + 500))
      .where('tracking', 'is not', null)
      .execute();
    for (const c of cases) await refreshTracking(uow.db, cal, c.id, uow.now);
  }
}
const CASE_SUBJECTS = new Set(['case', 'acceptance', 'delivery']);
