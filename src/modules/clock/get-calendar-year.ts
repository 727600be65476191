import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import type { CalendarStore } from './calendar-store.js';
import { calendarDaysOf, calendarYearOf } from './repository.js';

/** A year's named days, whether its notice is confirmed, and how many working days it has. */
export async function getCalendarYear(db: Db, calendars: CalendarStore, year: number) {
  const cal = await calendars.get();
  if (year > cal.toYear)
    throw new AppError('validation_failed', { summary: '/params/year' }, [
      {
        path: '/params/year',
        code: 'maximum',
        zh: `只能查询到 ${cal.toYear} 年`,
        en: `years up to ${cal.toYear} only`,
      },
    ]);
  // A year's working days are counted from the last day of the year before, which the calendar must hold.
  const first = cal.fromYear + 1;
  if (year < first)
    throw new AppError('validation_failed', { summary: '/params/year' }, [
      {
        path: '/params/year',
        code: 'minimum',
        zh: `只能查询 ${first} 年及以后`,
        en: `years from ${first} only`,
      },
    ]);
  const [days, status] = await Promise.all([calendarDaysOf(db, year), calendarYearOf(db, year)]);
  return { year, days, status, workingDays: cal.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`) };
}
