import type { AppContext } from '../../server/context.js';
import type { BlobStorage } from '../documents/storage.js';
import { documentsModule } from '../documents/documents-module.js';
import type { DocumentRenderer } from '../documents/document-renderer.js';
import type { CaseDeps, IntakeDeps } from './case-deps.js';
import type { IntakeSummary } from './intake-job.js';
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
import { signalLapsedPromises } from './signal-lapsed-promises.js';
import { feesModule } from '../fees/fees-module.js';
import { refreshTracking } from './tracking.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { writerThreadOf, writerUrl, type WriterThread } from '../../db/writer-thread.js';
import { dialectOf } from '../../db/column-types.js';
import type { Database } from '../../db/schema.js';
import { inviteRating } from '../ratings/invite-rating.js';

export interface CaseModule {
  deps: CaseDeps;
  storage: BlobStorage;
  tracker: CaseTracker;
  issuer: CaseDocumentIssuer;
  /** Renders issued documents after their commit; a download waits on it. */
  renderer: DocumentRenderer;
  /** Where new applications are written on the embedded database (config.intakeThread), with new complaint tickets. */
  intakeThread?: WriterThread;
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
  const documents = documentsModule(ctx);
  const storage = documents.storage;
  const issuer = new CaseDocumentIssuer(documents.renderer, ctx.config.publicBaseUrl);
  // A document's PDF is part of what the public tracking page lists (its SHA-256).
  documents.renderer.afterRendered.push(refreshRenderedCase);
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
  const intakeThread = writerThreadOf(ctx.database, ctx.config, ctx.clock, () => ctx.calendars.generation);
  const deps: CaseDeps = {
    ...intake,
    documents: issuer,
    writeIntake: intakeThread
      ? (job) => intakeThread.write<IntakeSummary>(INTAKE_WRITER, job)
      : (job) => writeSubmission(intake, job),
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
    renderer: documents.renderer,
    tracker: new CaseTracker(ctx.db, ctx.clock, ctx.database.dialect),
    issuer,
    ...(intakeThread ? { intakeThread } : {}),
  };
  ctx.supervision.afterPass.push(() => deemAcceptOverdue(deps));
  ctx.supervision.afterPass.push(() => signalLapsedPromises(deps));
  // A confirmed or corrected holiday calendar moves deadlines: the public snapshots follow.
  ctx.calendars.afterReprojection.push((uow, cal, moved) => refreshMovedCases(uow, cal, moved));
  modules.set(ctx, m);
  return m;
}

const INTAKE_WRITER = writerUrl(import.meta.url, 'intake-writer');

/**
 * The intake thread's one composition: what writeSubmission needs, on the thread's own connection,
 * and nothing else (no routes, runners or listeners).
 */
export function composeIntake(
  config: Config,
  database: DatabaseHandle,
  clock: Clock,
  group: CommitGroup,
): IntakeDeps {
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
    // The thread's group: an application computes all it writes inside its unit (it may run
    // twice), so a batch goes without a savepoint per unit unless one of its units fails.
    intake: group,
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
/** The case of a document just rendered gets a new tracking snapshot (locked first: its own actions may be running). */
async function refreshRenderedCase(uow: UnitOfWork, doc: { case_id: string | null }, cal: WorkingCalendar) {
  if (!doc.case_id) return;
  if (dialectOf<Database>(uow.db) === 'postgres')
    await uow.db.selectFrom('cases').select('id').where('id', '=', doc.case_id).forUpdate().execute();
  await refreshTracking(uow.db, cal, doc.case_id, uow.now);
}
const CASE_SUBJECTS = new Set(['case', 'acceptance', 'delivery']);
