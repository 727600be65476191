import type { UnitOfWork } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import { derivedFields, termsOf } from './clock-math.js';
import { appendEvent, findClock, type ClockEventKind, type ClockRow } from './repository.js';

/**
 * Applies a change of terms to a clock: recompute the deadline, bump the version, append the event.
 * The colour is left for the supervision loop, which alone raises signals: if the change moves the
 * colour, the clock is simply made due now.
 */
export async function changeClock(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  row: ClockRow,
  changes: Partial<ClockRow>,
  kind: ClockEventKind,
  data: Record<string, unknown>,
): Promise<ClockRow> {
  const next = { ...row, ...changes };
  const d = derivedFields(cal, termsOf(next), next.status, uow.now);
  const nextCheck = next.status !== 'running' ? null : d.colour !== row.colour ? uow.nowIso : d.next_check_at;
  const version = row.version + 1;
  const update = {
    ...changes,
    due_date: d.due_date,
    overdue_at: d.overdue_at,
    yellow_at: d.yellow_at,
    provisional: d.provisional,
    next_check_at: nextCheck,
    updated_at: uow.nowIso,
    version,
  };
  const res = await uow.db
    .updateTable('clocks')
    .set(update)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleVersion(row.version + 1, row.version);
  await appendEvent(uow.db, uow.nowIso, row.id, version, kind, uow.actor.id, {
    ...data,
    dueDate: d.due_date,
    previousDueDate: row.due_date,
  });
  return { ...next, ...update } as ClockRow;
}

export async function loadClock(uow: UnitOfWork, id: string): Promise<ClockRow> {
  const row = await findClock(uow.db, id);
  if (!row) throw notFound('clock', id);
  return row;
}

export function requireStatus(row: ClockRow, action: string, ...allowed: string[]): void {
  if (!allowed.includes(row.status)) {
    const can =
      row.status === 'running' ? 'pause, extend, stop' : row.status === 'paused' ? 'resume, stop' : '—';
    throw new AppError('invalid_state', { state: row.status, action, allowed: can });
  }
}
