import path from 'node:path';
import type { AppContext } from '../../server/context.js';
import { FileSystemStorage, type BlobStorage } from '../documents/storage.js';
import type { CaseDeps, IntakeDeps } from './case-deps.js';
import type { Config } from '../../config/config.js';
import type { DatabaseHandle } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { CalendarStore } from '../clock/calendar-store.js';
import { FeeCaseSeam } from '../fees/case-fees.js';
import { CommitGroup, commitGroupOf } from '../../db/commit-group.js';
import { writeSubmission } from './write-submission.js';
import { CaseDocumentIssuer } from './issue-document.js';
import { CaseTracker } from './track-case.js';
import { deemAcceptOverdue } from './deem-accept.js';
import { feesModule } from '../fees/fees-module.js';
import { refreshTracking } from './tracking.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { IntakeWriterThread } from './intake-writer-thread.js';
import { inviteRating } from '../ratings/invite-rating.js';

export interface CaseModule {
  deps: CaseDeps;
  storage: BlobStorage;
  tracker: CaseTracker;
  issuer: CaseDocumentIssuer;
  /** Where new applications are written on the embedded database (config.intakeThread). */
  intakeThread?: IntakeWriterThread;
}

const modules = new WeakMap<AppContext, CaseModule>();

/**
 * The case module's wiring for one application context: blob storage under DATA_DIR, the document
 * issuer, the tracker, where applications are written, and deemed acceptance after every
 * supervision pass.
 */
export function caseModule(ctx: AppContext): CaseModule {
  let m = modules.get(ctx);
  if (m) return m;
  const storage = new FileSystemStorage(path.join(ctx.config.dataDir, 'blobs'));
  const issuer = new CaseDocumentIssuer(storage, ctx.config.publicBaseUrl);
  const fees = feesModule(ctx).caseFees;
  const intake: IntakeDeps = {
    db: ctx.db,
    dialect: ctx.database.dialect,
    clock: ctx.clock,
    calendars: ctx.calendars,
    fees,
    // PostgreSQL: submissions share transactions; a submission computes all it writes inside its
    // unit, so it may run twice, and a batch goes without savepoints unless one of them fails.
    intake: commitGroupOf(ctx.db) ?? new CommitGroup(ctx.db, { name: 'intake', optimistic: true }),
  };
  // One process on an SQLite file: applications are written by a thread of their own. Under
  // HTTP_WORKERS the processes are the parallelism; on PostgreSQL the server is.
  const intakeThread =
    ctx.config.intakeThread &&
    ctx.config.httpWorkers === 0 &&
    ctx.database.dialect === 'sqlite' &&
    ctx.database.sqliteFile
      ? new IntakeWriterThread(ctx.database, ctx.config, ctx.clock, ctx.calendars)
      : undefined;
  const deps: CaseDeps = {
    ...intake,
    documents: issuer,
    writeIntake: intakeThread ? (job) => intakeThread.write(job) : (job) => writeSubmission(intake, job),
    inviteRating: (uow, c) =>
      inviteRating(
        uow,
        { publicBaseUrl: ctx.config.publicBaseUrl, reminderDays: ctx.config.ratings.reminderDays },
        { caseId: c.id, receiptNo: c.receipt_no, title: c.title },
      ),
  };
  m = {
    deps,
    storage,
    tracker: new CaseTracker(ctx.db, ctx.clock, ctx.database.dialect),
    issuer,
    ...(intakeThread ? { intakeThread } : {}),
  };
  ctx.supervision.afterPass.push(() => deemAcceptOverdue(deps));
  // A confirmed or corrected holiday calendar moves deadlines: the public snapshots follow.
  ctx.calendars.afterReprojection.push((uow, cal, moved) => refreshMovedCases(uow, cal, moved));
  modules.set(ctx, m);
  return m;
}

/**
 * The intake thread's one composition: what writeSubmission needs, on the thread's own connection,
 * and nothing else (no routes, runners or listeners).
 */
export function composeIntake(config: Config, database: DatabaseHandle, clock: Clock): IntakeDeps {
  const calendars = new CalendarStore(database.db);
  return {
    db: database.db,
    dialect: database.dialect,
    clock,
    calendars,
    fees: new FeeCaseSeam({
      db: database.db,
      clock,
      calendars,
      config: config.fees,
      publicBaseUrl: config.publicBaseUrl,
    }),
    // Only applications are written there, and an application computes all it writes inside its
    // unit (it may run twice): a batch goes without a savepoint per unit, and only if one of its
    // units fails is it rolled back and run again unit by unit in savepoints.
    intake: new CommitGroup(database.db, { name: 'intake', optimistic: true }),
  };
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
