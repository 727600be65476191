import type { SpecialDay } from '../api/types';

export interface DayRun {
  name: string;
  kind: SpecialDay['kind'];
  from: string;
  to: string;
  days: number;
}

const next = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Consecutive days of the same holiday and kind, as one run ("国庆节 10-01 – 10-07, 7 days off"). */
export function groupDays(days: SpecialDay[]): DayRun[] {
  const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
  const runs: DayRun[] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.name === d.name && last.kind === d.kind && next(last.to) === d.date) {
      last.to = d.date;
      last.days += 1;
    } else {
      runs.push({ name: d.name, kind: d.kind, from: d.date, to: d.date, days: 1 });
    }
  }
  return runs;
}
