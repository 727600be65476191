import type { Actor } from '../../shared/actor.js';
import type { Updateable } from 'kysely';
import type { LetterTable } from '../../db/schema.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { notFound, staleVersion } from '../../server/errors.js';
import { assertCanActOnLetter, type LetterAction, type LetterState } from './letter-machine.js';
import type { LetterDeps } from './letter-deps.js';
import { findLetter, updateLetter, type LetterRow } from './repository.js';

export interface LetterStep {
  uow: UnitOfWork;
  cal: WorkingCalendar;
  l: LetterRow;
}

export interface LetterOutcome<T> {
  state?: LetterState;
  changes?: Omit<Updateable<LetterTable>, 'id' | 'version' | 'state'>;
  result: T;
}

/**
 * Every change to a registered letter goes through here: load it, check the action against the
 * machine and the actor's relation to the letter, check the version the actor read, do the work
 * (which records its audit event), and write the letter at the next version in the same
 * transaction. Two people acting on one letter at once: one wins, the other gets 409.
 */
export async function actOnLetter<T>(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  action: LetterAction,
  expectedVersion: number,
  work: (step: LetterStep) => Promise<LetterOutcome<T>>,
): Promise<T> {
  const cal = await deps.calendars.get();
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const l = await findLetter(uow.db, id);
    if (!l) throw notFound('letter', id);
    assertCanActOnLetter(actor, action, { state: l.state, departmentId: l.department_id });
    if (expectedVersion !== l.version) throw staleVersion(l.version, expectedVersion);
    const out = await work({ uow, cal, l });
    const ok = await updateLetter(uow.db, l.id, l.version, {
      ...out.changes,
      state: out.state ?? l.state,
      updated_at: uow.nowIso,
    });
    if (!ok) throw staleVersion(l.version + 1, l.version);
    return out.result;
  });
}

/** What every letter audit event carries: which letter, and the state it went from and to. */
export const letterStep = (l: LetterRow, to: LetterState = l.state as LetterState) => ({
  number: l.number,
  from: l.state,
  to,
});
