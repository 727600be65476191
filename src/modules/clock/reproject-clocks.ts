import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from './calendar/working-calendar.js';
import { changeClock } from './clock-actions.js';
import { derivedFields, termsOf } from './clock-math.js';

/**
 * After a year's calendar changes, every open clock whose period reaches the changed dates is
 * projected again; each one whose deadline or provisional status moves gets a 'reprojected' event.
 * Returns what the moved clocks time.
 */
export async function reprojectClocks(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  year: number,
  firstChangedDate: string,
  change: 'confirmed' | 'corrected',
): Promise<{ subjectType: string; subjectId: string }[]> {
  const moved: { subjectType: string; subjectId: string }[] = [];
  let after = '';
  for (;;) {
    const rows = await uow.db
      .selectFrom('clocks')
      .selectAll()
      .where('status', 'in', ['running', 'paused'])
      .where('due_date', '>=', firstChangedDate)
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const d = derivedFields(cal, termsOf(row), row.status, uow.now);
      if (d.due_date === row.due_date && d.provisional === row.provisional) continue;
      await changeClock(uow, cal, row, {}, 'reprojected', { year, change });
      moved.push({ subjectType: row.subject_type, subjectId: row.subject_id });
    }
    after = rows[rows.length - 1]!.id;
  }
  return moved;
}
