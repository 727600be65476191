import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { CaseRow } from './repository.js';
import type { IntakeJob, IntakeSummary } from './intake-job.js';
import type { CommitGroup } from '../../db/commit-group.js';

/** What a case use case needs; built once by the composition root. */
export interface CaseDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  calendars: CalendarStore;
  documents: DocumentIssuer;
  fees: CaseFees;
  /**
   * The commit group new applications share: SQLite's one for the database; on PostgreSQL one of
   * their own, so a burst of submissions takes the receipt counter and the chain head once per batch
   * instead of queueing for them one transaction at a time.
   */
  intake: CommitGroup;
  /**
   * Writes a checked application: writeSubmission in this thread, or, on the embedded database, a
   * thread of its own (src/db/writer-thread.ts), so the request thread goes on reading and checking
   * the next requests while one batch is written and made durable.
   */
  writeIntake: (job: IntakeJob) => Promise<IntakeSummary>;
  /** The invitation to rate the matter (好差评), sent in the unit that completes the case. */
  inviteRating: (uow: UnitOfWork, c: CaseRow) => Promise<void>;
}

/** What writing a new application needs (writeSubmission), in this thread or the intake thread. */
export type IntakeDeps = Pick<CaseDeps, 'db' | 'dialect' | 'clock' | 'calendars' | 'fees' | 'intake'>;

export type PaymentPoint = 'before_acceptance' | 'before_decision' | 'before_delivery';
export type CaseEnding = 'withdrawn' | 'not_accepted' | 'refused';

/**
 * The seam to unified fee collection (统一收费): the case tells the fee module when it reaches each
 * stage (so payment forms are issued at the item's payment point), and asks whether a stage may go
 * on while a fee is unpaid. Both run inside the case's unit of work.
 */
export interface CaseFees {
  /** The case has just reached `stage`; issue the payment forms whose payment point this is. */
  reached(
    uow: UnitOfWork,
    c: CaseRow,
    stage: 'received' | 'accepted' | 'decided',
    caseItems?: readonly { item_id: string; item_version_id: string }[],
  ): Promise<void>;
  /** Throws (409, naming the unpaid forms) if the case may not pass this point yet. */
  assertPaid(uow: UnitOfWork, c: CaseRow, point: PaymentPoint): Promise<void>;
  /**
   * The case has ended without the service its fees pay for (withdrawn, not accepted, refused):
   * nothing more is collected, and fee money already paid is put up for refund.
   */
  ended(uow: UnitOfWork, c: CaseRow, how: CaseEnding): Promise<void>;
}

export type { IssuedDocument } from '../documents/issue-document.js';
import type { IssuedDocument } from '../documents/issue-document.js';

/** Issues a numbered, dated official document for a case inside the caller's unit of work (rendered after its commit). */
export interface DocumentIssuer {
  issue(
    uow: UnitOfWork,
    c: CaseRow,
    kind: string,
    specific: Record<string, unknown>,
  ): Promise<IssuedDocument>;
}
