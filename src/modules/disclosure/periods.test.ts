import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  dueOn,
  isPeriod,
  nextPeriod,
  overduePeriods,
  periodBounds,
  periodOf,
  periodsBetween,
  periodState,
  type Cadence,
} from './periods.js';
import { standingOn } from './standing.js';

const day = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const cadence = fc.constantFrom<Cadence>('quarterly', 'monthly');

test('periods: a day lies within the bounds of its period, and the period is well formed', () => {
  fc.assert(
    fc.property(cadence, day, (c, d) => {
      const p = periodOf(c, d);
      const { start, end } = periodBounds(p);
      assert.ok(isPeriod(c, p), p);
      assert.ok(start <= d && d <= end, `${d} in ${p} ${start}..${end}`);
      assert.equal(periodOf(c, start), p);
      assert.equal(periodOf(c, end), p);
    }),
  );
});

test('periods: consecutive periods tile the calendar without gap or overlap', () => {
  fc.assert(
    fc.property(cadence, day, (c, d) => {
      const p = periodOf(c, d);
      const n = nextPeriod(c, p);
      assert.equal(periodBounds(n).start, addDays(periodBounds(p).end, 1));
    }),
  );
});

test('periods: between two days, in order, first holding the start and last holding the end', () => {
  fc.assert(
    fc.property(cadence, day, day, (c, a, b) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const ps = periodsBetween(c, from, to);
      assert.equal(ps[0], periodOf(c, from));
      assert.equal(ps.at(-1), periodOf(c, to));
      for (let i = 1; i < ps.length; i++) assert.equal(ps[i], nextPeriod(c, ps[i - 1]!));
    }),
    { numRuns: 50 },
  );
});

test('periods: a period is overdue exactly when its due day has passed and nothing was published', () => {
  fc.assert(
    fc.property(cadence, day, fc.integer({ min: 0, max: 60 }), day, (c, from, dueDays, today) => {
      fc.pre(from <= today);
      const over = overduePeriods({ cadence: c, dueDays, discloseFrom: from }, today, new Set());
      for (const p of periodsBetween(c, from, today)) {
        const listed = over.some((o) => o.period === p);
        assert.equal(listed, today > dueOn(p, dueDays));
        assert.equal(periodState(p, dueDays, today, null) === 'overdue', listed);
      }
      const none = overduePeriods(
        { cadence: c, dueDays, discloseFrom: from },
        today,
        new Set(over.map((o) => o.period)),
      );
      assert.deepEqual(none, []);
    }),
    { numRuns: 50 },
  );
});

test('periods: the examples the township uses', () => {
  assert.deepEqual(periodBounds('2026-Q3'), { start: '2026-07-01', end: '2026-09-30' });
  assert.deepEqual(periodBounds('2028-02'), { start: '2028-02-01', end: '2028-02-29' });
  assert.equal(dueOn('2026-Q3', 10), '2026-10-10');
  assert.equal(periodState('2026-Q3', 10, '2026-10-10', null), 'awaiting');
  assert.equal(periodState('2026-Q3', 10, '2026-10-11', null), 'overdue');
  assert.equal(periodState('2026-Q3', 10, '2026-10-11', '2026-10-11'), 'disclosed_late');
  assert.equal(periodState('2026-Q4', 10, '2026-11-01', null), 'current');
  assert.equal(isPeriod('quarterly', '2026-09'), false);
});

test('standing: expired is read from the day, never from the stored status', () => {
  fc.assert(
    fc.property(day, day, day, (effective, expires, today) => {
      fc.pre(effective <= expires);
      const s = standingOn({ status: 'valid', effective_on: effective, expires_on: expires }, today);
      assert.equal(s === 'expired', today > expires);
      assert.equal(s === 'not_yet_effective', today < effective);
      assert.equal(
        standingOn({ status: 'repealed', effective_on: effective, expires_on: expires }, today),
        'repealed',
      );
    }),
  );
});
