import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadChineseDays } from './calendar/chinese-days-source.js';
import { WorkingCalendar } from './calendar/working-calendar.js';
import { colourAt, project, type ClockTerms } from './projection.js';

const bundled = loadChineseDays();
const cal = new WorkingCalendar(bundled.specialDays, bundled.years, { from: 2020, to: 2030 });

const terms = (over: Partial<ClockTerms>): ClockTerms => ({
  startDate: '2026-12-01',
  limitDays: 1,
  extensionDays: 0,
  pausedDays: 0,
  pausedSince: null,
  yellowPct: 90,
  startedAt: '2026-12-01T02:00:00.000Z',
  ...over,
});

test('a one-day first inquiry is green when it starts and a minute later, red only after its day', () => {
  const p = project(cal, terms({}), '2026-12-01');
  assert.equal(p.yellowAt, null, 'no warning day fits before the due day');
  assert.equal(colourAt(p, '2026-12-01T02:00:00.000Z'), 'green');
  assert.equal(colourAt(p, '2026-12-01T02:01:00.000Z'), 'green');
  assert.equal(colourAt(p, '2026-12-03T00:00:00.000Z'), 'red');
});

test('a 0% threshold is yellow at once; any other threshold never before a whole working day has passed', () => {
  assert.equal(project(cal, terms({ yellowPct: 0 }), '2026-12-01').yellowAt, '2026-12-01T02:00:00.000Z');
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 60 }), (pct, limit) => {
      const t = terms({ yellowPct: pct, limitDays: limit });
      const p = project(cal, t, t.startDate);
      if (p.yellowAt === null) return;
      // Yellow comes at the end of a working day after the start, never on the start day itself.
      assert.ok(p.yellowAt > '2026-12-01T16:00:00.000Z', `${pct}% of ${limit}: ${p.yellowAt}`);
      assert.ok(p.yellowAt < p.overdueAt);
    }),
  );
});
