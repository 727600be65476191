import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ageOn, compareQueued, estimatedWaitMinutes, positions, priorityOf, queueKey } from './queue.js';
import { bookableDays, daySlots, localInstant, sessionsValid } from './slots.js';

const queued = fc.record({
  id: fc.stringMatching(/^[0-9a-z]{8}$/),
  priority: fc.integer({ min: 0, max: 9 }),
  queued_at: fc
    .date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
});

test('the queue key sorts exactly as the calling order does', () => {
  fc.assert(
    fc.property(queued, queued, (a, b) => {
      const byKey = Math.sign(
        queueKey(a.priority, a.queued_at, a.id).localeCompare(queueKey(b.priority, b.queued_at, b.id)),
      );
      const byOrder = Math.sign(compareQueued(a, b));
      if (a.id === b.id && a.priority === b.priority && a.queued_at === b.queued_at) return byKey === 0;
      return byKey === byOrder;
    }),
  );
});

test('positions: a higher priority is always ahead, and within one priority the first queued', () => {
  fc.assert(
    fc.property(fc.uniqueArray(queued, { selector: (q) => q.id, maxLength: 30 }), (qs) => {
      const pos = positions(qs);
      for (const a of qs)
        for (const b of qs) {
          if (a.priority > b.priority) assert.ok(pos.get(a.id)! < pos.get(b.id)!);
          if (a.priority === b.priority && a.queued_at < b.queued_at)
            assert.ok(pos.get(a.id)! < pos.get(b.id)!);
        }
      assert.deepEqual(
        [...pos.values()].sort((x, y) => x - y),
        qs.map((_, i) => i),
      );
    }),
  );
});

test('the wait estimate shares the queue among the staffed windows, and a queue without staff still estimates', () => {
  assert.equal(estimatedWaitMinutes(0, 8, 2), 0);
  assert.equal(estimatedWaitMinutes(5, 6, 2), 15);
  assert.equal(estimatedWaitMinutes(5, 6, 0), 30);
  fc.assert(
    fc.property(
      fc.nat(500),
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 1, max: 20 }),
      (ahead, m, w) => {
        assert.ok(estimatedWaitMinutes(ahead, m, w) >= estimatedWaitMinutes(ahead, m, w + 1));
        assert.ok(estimatedWaitMinutes(ahead + 1, m, w) >= estimatedWaitMinutes(ahead, m, w));
      },
    ),
  );
});

test('priorities take the highest weight of the reasons; a weight of 0 is no priority', () => {
  const w = { disabled: 3, elderly: 2, appointment: 0 };
  assert.deepEqual(priorityOf(['appointment', 'elderly'], w), { priority: 2, reason: 'elderly' });
  assert.deepEqual(priorityOf(['appointment'], w), { priority: 0, reason: null });
  assert.equal(ageOn('11010519491231002X', '2026-12-30'), 76);
  assert.equal(ageOn('11010519491231002X', '2009-12-30'), 59, 'the day before the birthday');
  assert.equal(ageOn('11010519491231002X', '2009-12-31'), 60);
});

test('slots: whole slots inside each session, working days only, instants in China Standard Time', () => {
  const s = [
    ['09:00', '12:00'],
    ['13:30', '17:00'],
  ] as const;
  assert.ok(sessionsValid(s));
  assert.ok(!sessionsValid([['12:00', '09:00']]));
  assert.ok(
    !sessionsValid([
      ['09:00', '12:00'],
      ['11:00', '13:00'],
    ]),
  );
  assert.equal(daySlots(s, 45).length, 4 + 4);
  assert.equal(localInstant('2026-12-07', '09:00'), '2026-12-07T01:00:00.000Z');
  fc.assert(
    fc.property(fc.integer({ min: 5, max: 240 }), (m) =>
      daySlots(s, m).every((x) => s.some(([a, b]) => x.slot >= a && x.end <= b)),
    ),
  );
  const weekdays = bookableDays(
    '2026-12-04',
    7,
    (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()),
  );
  assert.deepEqual(weekdays, [
    '2026-12-04',
    '2026-12-07',
    '2026-12-08',
    '2026-12-09',
    '2026-12-10',
    '2026-12-11',
  ]);
});
