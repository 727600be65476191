/** A period of assessment: a year "2026", a quarter "2026-Q4" or a month "2026-11". */
export interface Period {
  code: string;
  start: string;
  end: string;
}

const mm = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parsePeriod(code: string): Period | null {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(code);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[2]) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { code, start: `${y}-${mm(first)}-01`, end: `${y}-${mm(first + 2)}-${lastDay(y, first + 2)}` };
  }
  if (m[3]) {
    const month = Number(m[3]);
    return { code, start: `${y}-${mm(month)}-01`, end: `${y}-${mm(month)}-${lastDay(y, month)}` };
  }
  return { code, start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The quarter a day falls in, as a period code. */
export const quarterOf = (day: string) =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
