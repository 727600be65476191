// Dates from the API are `YYYY-MM-DD` civil dates (no time zone); instants are ISO strings shown in
// China Standard Time, where the center works, whatever the browser's zone.

const locale = (lang: string) => (lang === 'en' ? 'en-GB' : 'zh-CN');

function civil(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** "2026-10-08" → "2026年10月8日 星期四" / "Thu 8 Oct 2026". */
export function formatDate(date: string, lang: string, withWeekday = true): string {
  const d = civil(date);
  if (!d) return date;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'UTC',
    year: 'numeric',
    month: lang === 'en' ? 'short' : 'long',
    day: 'numeric',
    ...(withWeekday ? { weekday: 'short' } : {}),
  }).format(d);
}

/**
 * An ISO instant in Beijing time, written like formatDate writes a date so a page shows one format:
 * "2026年11月26日 21:03" / "26 Nov 2026, 21:03" (never the ambiguous 11/12/2026).
 */
export function formatInstant(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: lang === 'en' ? 'short' : 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);
}

/** Today in Beijing as YYYY-MM-DD (the calculator's default start). */
export function todayInBeijing(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts; // en-CA formats as YYYY-MM-DD
}

export const isCivilDate = (s: string): boolean => {
  const d = civil(s);
  return d !== null && d.toISOString().slice(0, 10) === s;
};

/** A run of days within one year, without repeating what both ends share: "10月1日至7日" / "1–7 Oct". */
export function formatDayRange(from: string, to: string, lang: string): string {
  const a = civil(from);
  const b = civil(to);
  if (!a || !b) return `${from} – ${to}`;
  if (lang !== 'en') {
    // ICU renders zh ranges as "10/1 – 10/7"; the way a notice writes it reads better.
    const [m1, d1] = [a.getUTCMonth() + 1, a.getUTCDate()];
    const [m2, d2] = [b.getUTCMonth() + 1, b.getUTCDate()];
    if (from === to) return `${m1}月${d1}日`;
    return m1 === m2 ? `${m1}月${d1}日至${d2}日` : `${m1}月${d1}日至${m2}月${d2}日`;
  }
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short', day: 'numeric' });
  return from === to ? f.format(a) : f.formatRange(a, b);
}
