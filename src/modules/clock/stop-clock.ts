import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import { changeClock, loadClock, requireStatus } from './clock-actions.js';

/** Stops a clock for good (decided, withdrawn, answered …), keeping whether it finished in time. */
export async function stopClock(uow: UnitOfWork, cal: WorkingCalendar, clockId: string, outcome: string) {
  const row = await loadClock(uow, clockId);
  requireStatus(row, 'stop', 'running', 'paused');
  const onTime = uow.nowIso < row.overdue_at;
  return changeClock(
    uow,
    cal,
    row,
    { status: 'stopped', stopped_at: uow.nowIso, outcome, paused_since: null },
    'stopped',
    { outcome, onTime },
  );
}
