import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { colourOfStored } from './track-case-bytes.js';
import { liveColour, type TrackingSnapshot } from './tracking.js';

const iso = fc
  .date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

test('the colour read from a stored snapshot, as text or as its UTF-8 bytes, equals the colour of the parsed snapshot', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('running', 'paused', 'stopped'),
      fc.option(iso, { nil: null }),
      iso,
      iso,
      fc.boolean(),
      fc.string({ unit: 'grapheme' }),
      (status, yellowAt, overdueAt, now, provisional, title) => {
        const snapshot = {
          receiptNo: 'QH1',
          title,
          state: 'under_review',
          deadline: {
            status,
            dueDate: '2026-12-03',
            provisional,
            yellowAt,
            overdueAt,
            committedDays: 5,
            explanation: [{ zh: '受理之日起计算', en: 'from acceptance' }],
          },
          documents: [],
        };
        const text = JSON.stringify(snapshot);
        const expected = liveColour(snapshot as unknown as TrackingSnapshot, now);
        assert.equal(colourOfStored(text, now), expected);
        assert.equal(
          colourOfStored(Buffer.from(text), now),
          expected,
          'from the bytes, with any title (multi-byte characters) in front',
        );
      },
    ),
  );
  assert.equal(
    colourOfStored(
      Buffer.from(JSON.stringify({ title: '食品经营许可', deadline: null })),
      '2026-01-01T00:00:00.000Z',
    ),
    null,
  );
  assert.equal(colourOfStored(JSON.stringify({ deadline: null }), '2026-01-01T00:00:00.000Z'), null);
  // Read without parsing: the part after the deadline is never looked at.
  assert.equal(
    colourOfStored('{"receiptNo":"QH1","deadline":null,"documents":[', '2026-01-01T00:00:00.000Z'),
    null,
  );
  // A title that spells the key is a string value, escaped, and is not taken for it.
  const titled = {
    title: '"deadline":null',
    deadline: {
      status: 'running',
      dueDate: '2026-12-03',
      provisional: false,
      yellowAt: null,
      overdueAt: '2026-12-04T00:00:00.000Z',
    },
  };
  assert.equal(colourOfStored(JSON.stringify(titled), '2026-12-05T00:00:00.000Z'), 'red');
});
