import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { CaseRow } from './repository.js';

/** What a case use case needs; built once by the composition root. */
export interface CaseDeps {
  db: Db;
  dialect: DialectName;
  clock: Clock;
  calendars: CalendarStore;
  documents: DocumentIssuer;
  fees: CaseFees;
}

export type PaymentPoint = 'before_acceptance' | 'before_decision' | 'before_delivery';

/**
 * The seam to unified fee collection (统一收费): the case tells the fee module when it reaches each
 * stage (so payment forms are issued at the item's payment point), and asks whether a stage may go
 * on while a fee is unpaid. Both run inside the case's unit of work.
 */
export interface CaseFees {
  /** The case has just reached `stage`; issue the payment forms whose payment point this is. */
  reached(uow: UnitOfWork, c: CaseRow, stage: 'received' | 'accepted' | 'decided'): Promise<void>;
  /** Throws (409, naming the unpaid forms) if the case may not pass this point yet. */
  assertPaid(uow: UnitOfWork, c: CaseRow, point: PaymentPoint): Promise<void>;
}

export interface IssuedDocument {
  id: string;
  number: string;
  sha256: string;
}

/** Issues a numbered, dated, stored official document for a case inside the caller's unit of work. */
export interface DocumentIssuer {
  issue(uow: UnitOfWork, c: CaseRow, kind: string, specific: Record<string, unknown>): Promise<IssuedDocument>;
}
