import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Database } from '../../db/schema.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import type { AuditInput } from './audit-event.js';
import { auditRow } from './repository.js';
import { insertAll, insertRows, type InsertPart } from '../../db/insert-rows.js';
import { commitGroupOf, type CommitGroup } from '../../db/commit-group.js';

export interface UnitOfWork {
  db: Transaction<Database>;
  /** The moment of this change; every row written in it carries the same time. */
  now: Date;
  nowIso: string;
  actor: Actor;
  /** Records an audit event of this unit; it is written with the unit's next write() or at its end. */
  audit(event: AuditInput): Promise<void>;
  /** Writes rows (insertAll: one statement on PostgreSQL) together with the audit events recorded so far. */
  write(parts: readonly InsertPart[]): Promise<void>;
  /**
   * Ends a unit that found nothing to change (a background pass with nothing due): its transaction
   * is rolled back, so nothing written in it stays, and audited() returns the value.
   */
  unchanged<T>(value: T): never;
  /**
   * Runs `fn` once the unit is committed (durably, with its group), never if it is rolled back:
   * for work that must see the committed rows, such as rendering a document issued in the unit.
   */
  afterCommit(fn: () => void): void;
}

/** How unchanged() leaves the unit: thrown, so the transaction (or its savepoint) is rolled back. */
class Unchanged {
  constructor(readonly value: unknown) {}
}

export class MissingAuditError extends Error {
  constructor() {
    super('A state change tried to commit without writing its audit event; the transaction was rolled back.');
  }
}

/**
 * The only way use cases change state: one transaction, with its audit events written inside it.
 * A unit of work that records no audit event is rolled back and fails loudly, unless it says it
 * changed nothing (uow.unchanged), which rolls it back quietly. Where the database
 * has a commit group (SQLite), concurrent units share one durable commit, each in its own savepoint.
 */
export async function audited<T>(
  db: Db,
  clock: Clock,
  actor: Actor,
  work: (uow: UnitOfWork) => Promise<T>,
  opts: { group?: CommitGroup } = {},
): Promise<T> {
  // What the attempt that commits asked to run after its commit (a unit may run more than once).
  let afterCommit: (() => void)[] = [];
  const unit = async (trx: Transaction<Database>): Promise<T> => {
    afterCommit = [];
    // The moment is taken when the work runs, so times follow the order of commits.
    const now = clock.now();
    let written = 0;
    // Audit rows wait for the unit's next write or its end: either way they are in its transaction.
    let pending: ReturnType<typeof auditRow>[] = [];
    const uow: UnitOfWork = {
      db: trx,
      now,
      nowIso: now.toISOString(),
      actor,
      audit: async (e) => {
        pending.push(auditRow(now, actor, e));
        written++;
      },
      write: async (parts) => {
        const audits = pending;
        pending = [];
        await insertAll(trx, audits.length ? [...parts, { table: 'audit_events', rows: audits }] : parts);
      },
      unchanged: (value) => {
        throw new Unchanged(value);
      },
      afterCommit: (fn) => {
        afterCommit.push(fn);
      },
    };
    const result = await work(uow);
    if (written === 0) throw new MissingAuditError();
    if (pending.length) await insertRows(trx, 'audit_events', pending);
    return result;
  };
  // On SQLite (one writer) every unit shares commits through the database's commit group; on
  // PostgreSQL only the callers that bring a group of their own (intake) do.
  const group = opts.group ?? commitGroupOf(db);
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await (group ? group.run(unit) : db.transaction().execute(unit));
      for (const fn of afterCommit.splice(0)) fn();
      return result;
    } catch (e) {
      if (e instanceof Unchanged) return e.value as T;
      // PostgreSQL chose this unit's transaction to break a deadlock (two units taking the same
      // rows in opposite orders, e.g. a submission and a supplement racing for one upload) or to
      // keep serialisable order: nothing of it was kept, and the same unit run again decides
      // afresh on what the other committed.
      if (attempt >= MAX_ATTEMPTS || !retryable(e)) throw e;
      await new Promise((r) => setTimeout(r, 2 + Math.floor(Math.random() * 8 * attempt)));
    }
  }
}

const MAX_ATTEMPTS = 3;
/** deadlock_detected, serialization_failure */
const RETRYABLE = new Set(['40P01', '40001']);
const retryable = (e: unknown): boolean =>
  typeof (e as { code?: unknown })?.code === 'string' && RETRYABLE.has((e as { code: string }).code);
