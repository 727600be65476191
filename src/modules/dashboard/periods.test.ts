import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addCalendarDays } from '../clock/calendar/calendar-day.js';
import { lastEndedQuarter, median, percentile, rollingYear } from './periods.js';

const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addCalendarDays('2000-01-01', n));

test('rolling year: ends on the day, starts the day after the same date a year back', () => {
  fc.assert(
    fc.property(day, (d) => {
      const { start, end } = rollingYear(d);
      assert.equal(end, d);
      const back = addCalendarDays(start, -1);
      assert.equal(Number(back.slice(0, 4)), Number(d.slice(0, 4)) - 1);
      assert.ok(start <= end && start > addCalendarDays(d, -367));
    }),
  );
  assert.deepEqual(rollingYear('2028-02-29'), { start: '2027-03-01', end: '2028-02-29' });
});

test('last ended quarter: ends before the day, and the next day starts the current quarter', () => {
  fc.assert(
    fc.property(day, (d) => {
      const q = lastEndedQuarter(d);
      assert.ok(q.end < d && q.start < q.end);
      const next = addCalendarDays(q.end, 1);
      assert.equal(lastEndedQuarter(d).quarter, lastEndedQuarter(next).quarter);
      assert.ok(Number(next.slice(5, 7)) <= Number(d.slice(5, 7)) || next.slice(0, 4) < d.slice(0, 4));
    }),
  );
  assert.deepEqual(lastEndedQuarter('2026-12-06'), {
    quarter: '2026-Q3',
    start: '2026-07-01',
    end: '2026-09-30',
  });
  assert.deepEqual(lastEndedQuarter('2027-02-01'), {
    quarter: '2026-Q4',
    start: '2026-10-01',
    end: '2026-12-31',
  });
});

test('percentile and median: within the values, ordered, the median splits them', () => {
  const values = fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 60 });
  fc.assert(
    fc.property(values, (v) => {
      const m = median(v)!;
      const p90 = percentile(v, 90)!;
      assert.ok(Math.min(...v) <= m && m <= Math.max(...v));
      assert.ok(v.includes(p90) && p90 >= percentile(v, 50)!);
      assert.ok(v.filter((x) => x <= p90).length >= 0.9 * v.length);
      assert.ok(
        v.filter((x) => x < m).length <= v.length / 2 && v.filter((x) => x > m).length <= v.length / 2,
      );
    }),
  );
  assert.equal(median([]), null);
  assert.equal(percentile([3, 1, 2, 10], 90), 10);
  assert.equal(median([4, 1, 2, 10]), 3);
});
