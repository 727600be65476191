import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addDays, periodBounds, type Cadence } from './periods.js';
import { earliestStart, refuseStart, termPeriods, withChange, type Term } from './terms.js';

const first: Term = { startsOn: '2026-01-01', cadence: 'quarterly', dueDays: 10 };

test('terms: a change starts only where a period of the present cadence starts, and not in the past', () => {
  const today = '2026-11-30';
  assert.equal(refuseStart([first], 'monthly', '2026-11', today), 'not_a_boundary');
  assert.equal(refuseStart([first], 'monthly', '2026-10', today), 'ended');
  assert.equal(refuseStart([first], 'quarterly', '2026-Q3', today), 'ended');
  assert.equal(refuseStart([first], 'quarterly', '2025-Q4', today), 'before_first');
  assert.equal(refuseStart([first], 'monthly', '2027-Q1', today), 'not_a_period');
  assert.equal(refuseStart([first], 'quarterly', '2026-Q4', today), null);
  assert.equal(earliestStart([first], 'monthly', today), '2027-01');
  assert.equal(earliestStart([first], 'quarterly', today), '2026-Q4');
  // In a quarter's first month, monthly may begin with it: October has not ended.
  assert.equal(earliestStart([first], 'monthly', '2026-10-15'), '2026-10');
  const monthly = withChange([first], { startsOn: '2027-01-01', cadence: 'monthly', dueDays: 5 });
  assert.equal(earliestStart(monthly, 'quarterly', '2027-02-10'), '2027-Q2');
  assert.equal(earliestStart(monthly, 'monthly', '2027-02-10', '2027-02-28'), '2027-03');
});

const arbChange = fc.record({
  day: fc.integer({ min: 0, max: 900 }),
  cadence: fc.constantFrom<Cadence>('quarterly', 'monthly'),
  dueDays: fc.integer({ min: 0, max: 60 }),
});

test('terms: any run of allowed changes covers every day once and keeps the due days of ended periods', () => {
  fc.assert(
    fc.property(fc.array(arbChange, { maxLength: 6 }), (changes) => {
      let terms: Term[] = [first];
      const seen = new Map<string, string>();
      for (const c of changes.sort((a, b) => a.day - b.day)) {
        const today = addDays('2026-01-01', c.day);
        // What has ended by today is settled: its due day never moves afterwards.
        for (const p of termPeriods(terms, today))
          if (periodBounds(p.period).end < today && !seen.has(p.period)) seen.set(p.period, p.dueOn);
        const from = earliestStart(terms, c.cadence, today);
        if (from === null) continue;
        terms = withChange(terms, {
          startsOn: periodBounds(from).start,
          cadence: c.cadence,
          dueDays: c.dueDays,
        });
      }
      const all = termPeriods(terms, '2029-12-31');
      for (const [i, p] of all.entries()) {
        const next = all[i + 1];
        if (next) assert.equal(addDays(periodBounds(p.period).end, 1), periodBounds(next.period).start);
        if (seen.has(p.period)) assert.equal(p.dueOn, seen.get(p.period), p.period);
      }
      for (const period of seen.keys())
        assert.ok(
          all.some((p) => p.period === period),
          period,
        );
    }),
    { numRuns: 300 },
  );
});
