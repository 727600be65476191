import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addCalendarDays,
  civilFromDays,
  dayOfWeek,
  daysFromCivil,
  formatDate,
  isDateString,
  isWeekend,
  parseDate,
  yearOf,
} from './calendar-day.js';

const MIN_DAY = daysFromCivil(1900, 1, 1);
const MAX_DAY = daysFromCivil(2200, 12, 31);
const DAY_MS = 86_400_000;

test('parseDate: strict YYYY-MM-DD, real dates only, years 1900–2200', () => {
  for (const bad of [
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-01-32',
    '2025-02-29',
    '1900-02-29',
    '2026-2-03',
    '2026-02-3',
    '26-02-03',
    '2026/02/03',
    '20260203',
    ' 2026-02-03',
    '2026-02-03 ',
    '2026-02-03T00:00',
    '1899-12-31',
    '2201-01-01',
    '０２６-01-01',
    '2026-0a-01',
    '2026-0:-01',
    '',
  ]) {
    assert.equal(parseDate(bad), null, bad);
    assert.equal(isDateString(bad), false, bad);
  }
  for (const good of ['1900-01-01', '2200-12-31', '2000-02-29', '2024-02-29', '2026-10-01'])
    assert.equal(isDateString(good), true, good);
  assert.equal(isDateString(20260101), false);
  assert.equal(parseDate('1970-01-01'), 0);
  assert.equal(parseDate('2026-10-01'), Date.UTC(2026, 9, 1) / DAY_MS);
});

test('day numbers agree with Date.UTC, and format/parse round-trip, over the whole supported span', () => {
  fc.assert(
    fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY }), (n) => {
      const iso = new Date(n * DAY_MS).toISOString().slice(0, 10);
      assert.equal(formatDate(n), iso);
      assert.equal(parseDate(iso), n);
      assert.equal(dayOfWeek(n), new Date(n * DAY_MS).getUTCDay());
      const { year, month, day } = civilFromDays(n);
      assert.equal(daysFromCivil(year, month, day), n);
    }),
    { numRuns: 2000 },
  );
});

test('parseDate accepts exactly the strings Date agrees are real dates', () => {
  const digits = fc
    .array(fc.constantFrom(...'0123456789'), { minLength: 8, maxLength: 8 })
    .map((d) => d.join(''));
  const shaped = fc.oneof(
    digits.map((d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`),
    fc
      .tuple(
        fc.integer({ min: 1890, max: 2210 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  );
  fc.assert(
    fc.property(shaped, (s) => {
      const t = Date.parse(`${s}T00:00:00Z`);
      const y = Number(s.slice(0, 4));
      const real = !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s && y >= 1900 && y <= 2200;
      assert.equal(parseDate(s) !== null, real, s);
    }),
    { numRuns: 3000 },
  );
});

test('day of week, weekends and calendar-day addition', () => {
  assert.equal(dayOfWeek(parseDate('2026-10-10')!), 6); // Saturday (a 2026 makeup workday)
  assert.equal(isWeekend(parseDate('2026-10-10')!), true);
  assert.equal(isWeekend(parseDate('2026-10-09')!), false);
  assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addCalendarDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addCalendarDays('2026-03-01', -1), '2026-02-28');
  assert.equal(yearOf('2026-12-31'), 2026);
  assert.throws(() => addCalendarDays('2026-02-30', 1), RangeError);
  assert.throws(() => addCalendarDays('2200-12-31', 1), RangeError);
  assert.throws(() => addCalendarDays('2026-01-01', 0.5), RangeError);
  fc.assert(
    fc.property(
      fc.integer({ min: MIN_DAY, max: MAX_DAY - 4000 }),
      fc.integer({ min: -3000, max: 4000 }),
      (n, k) => {
        fc.pre(n + k >= MIN_DAY);
        assert.equal(
          addCalendarDays(formatDate(n), k),
          new Date((n + k) * DAY_MS).toISOString().slice(0, 10),
        );
      },
    ),
  );
});
