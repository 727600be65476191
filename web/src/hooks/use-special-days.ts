import { useMemo } from 'react';
import { catalogueApi } from '../api/catalogue';
import type { SpecialDays } from '../domain/working-days';
import { useApi } from './use-api';

/**
 * The published holidays and make-up workdays of `year` and the next (a deadline may cross the new
 * year), from /calendar/{year}: what a date picker needs to offer only the days the server accepts.
 * Null while loading; a year not yet published counts as Monday to Friday, as the server does.
 */
export function useSpecialDays(year: number): SpecialDays | null {
  const q = useApi(`calendar:${year}`, async (signal) => {
    const years = await Promise.all(
      [year, year + 1].map((y) => catalogueApi.calendarYear(y, signal).catch(() => null)),
    );
    return years.flatMap((y) => y?.days ?? []);
  });
  return useMemo(() => (q.data ? new Map(q.data.map((d) => [d.date, d.kind])) : null), [q.data]);
}
