import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { newId, sha256 } from './ids.js';

test('sha256 gives the digest of the Hash object, for any text or bytes', () => {
  assert.equal(sha256('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.uint8Array().map((a) => Buffer.from(a)),
      ),
      (x) => {
        assert.equal(sha256(x), createHash('sha256').update(x).digest('hex'));
      },
    ),
    { numRuns: 500 },
  );
});

test('ids are UUIDv7, ordered by their time', () => {
  const a = newId(1_700_000_000_000);
  const b = newId(1_700_000_000_001);
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.ok(a < b);
  assert.equal(new Set(Array.from({ length: 1000 }, () => newId(1))).size, 1000);
});
