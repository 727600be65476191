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
});
