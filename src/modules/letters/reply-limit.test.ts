import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addMonths } from './reply-limit.js';

test('a period of months ends on the same day, or the last day of a shorter month (Civil Code Art. 202)', () => {
  assert.equal(addMonths('2026-03-05', 3), '2026-06-05');
  assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
  assert.equal(addMonths('2027-11-30', 3), '2028-02-29');
  assert.equal(addMonths('2026-10-31', 2), '2026-12-31');
  assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
});

test('adding months never goes backwards and lands in the month asked for', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
      fc.integer({ min: 1, max: 12 }),
      (d, n) => {
        const start = d.toISOString().slice(0, 10);
        const end = addMonths(start, n);
        assert.ok(end > start);
        const months =
          (Number(end.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
          Number(end.slice(5, 7)) -
          Number(start.slice(5, 7));
        assert.equal(months, n);
      },
    ),
  );
});
