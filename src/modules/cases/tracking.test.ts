import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { colourOfStored } from './track-case.js';
import { liveColour, type TrackingSnapshot } from './tracking.js';

const iso = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

test('the colour read from a stored snapshot string equals the colour of the parsed snapshot', () => {
  fc.assert(fc.property(fc.constantFrom('running', 'paused', 'stopped'), fc.option(iso, { nil: null }), iso, iso, fc.boolean(), (status, yellowAt, overdueAt, now, provisional) => {
    const snapshot = { receiptNo: 'QH1', state: 'under_review', deadline: { status, dueDate: '2026-12-03', provisional, yellowAt, overdueAt, committedDays: 5, explanation: [] }, documents: [] };
    const text = JSON.stringify(snapshot);
    assert.equal(colourOfStored(text, now), liveColour(snapshot as unknown as TrackingSnapshot, now));
  }));
  assert.equal(colourOfStored(JSON.stringify({ deadline: null }), '2026-01-01T00:00:00.000Z'), null);
  // Read without parsing: the part after the deadline is never looked at.
  assert.equal(colourOfStored('{"receiptNo":"QH1","deadline":null,"documents":[', '2026-01-01T00:00:00.000Z'), null);
  // A title that spells the key is a string value, escaped, and is not taken for it.
  const titled = { title: '"deadline":null', deadline: { status: 'running', dueDate: '2026-12-03', provisional: false, yellowAt: null, overdueAt: '2026-12-04T00:00:00.000Z' } };
  assert.equal(colourOfStored(JSON.stringify(titled), '2026-12-05T00:00:00.000Z'), 'red');
});
