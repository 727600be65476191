import type { UnitOfWork } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import { changeClock, loadClock, requireStatus } from './clock-actions.js';

export interface ExtendInput {
  days: number;
  approvedBy: string;
  approvedByName: string;
  reason: string;
  basis?: string;
}

/** Extends a limit within its legal ceiling (Art. 42: once, 10 days; Art. 26: 15 days for joint handling). */
export async function extendClock(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  clockId: string,
  input: ExtendInput,
) {
  const row = await loadClock(uow, clockId);
  requireStatus(row, 'extend', 'running', 'paused');
  if (!Number.isInteger(input.days) || input.days < 1)
    throw new AppError('extension_refused', {
      reason: 'days must be a whole number ≥ 1 / 延长天数须为正整数',
    });
  if (row.extensions_count >= row.max_extensions) {
    throw new AppError('extension_refused', {
      reason: `already extended ${row.extensions_count} time(s), at most ${row.max_extensions} allowed / 已延长 ${row.extensions_count} 次，最多 ${row.max_extensions} 次`,
    });
  }
  if (row.extension_days + input.days > row.max_extension_days) {
    throw new AppError('extension_refused', {
      reason: `at most ${row.max_extension_days} working days in all / 最多延长 ${row.max_extension_days} 个工作日`,
    });
  }
  return changeClock(
    uow,
    cal,
    row,
    { extension_days: row.extension_days + input.days, extensions_count: row.extensions_count + 1 },
    'extended',
    { ...input },
  );
}
