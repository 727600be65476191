import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson } from './json.js';

/** What canonicalJson has always meant: JSON.stringify with every object's keys sorted. */
const reference = (v: unknown): string =>
  JSON.stringify(v, (_k, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, (value as Record<string, unknown>)[k]]),
        )
      : value,
  );

const leaf = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e21, 5e-324),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('any'), { maxLength: 5 }),
  object: fc.dictionary(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        'a',
        'B',
        'é',
        '10',
        '2',
        '01',
        '-1',
        '1.5',
        '4294967294',
        '4294967295',
        '99999999999',
        '__proto__x',
      ),
      fc.nat().map(String),
    ),
    tie('any'),
    { maxKeys: 6 },
  ),
})).any;

test('canonical JSON is JSON.stringify with sorted keys, byte for byte (the event chain hashes it)', () => {
  fc.assert(
    fc.property(value, (v) => {
      assert.equal(canonicalJson(v), reference(v));
    }),
    { numRuns: 2000 },
  );
  assert.equal(
    canonicalJson({ b: 1, a: [undefined, () => 1, { d: undefined, c: new Date(0) }] }),
    '{"a":[null,null,{"c":"1970-01-01T00:00:00.000Z"}],"b":1}',
  );
  assert.equal(canonicalJson({ s: Object('x'), n: Object(2), t: Object(true) }), '{"n":2,"s":"x","t":true}');
  assert.equal(canonicalJson({ k: { toJSON: (key: string) => `key ${key}` } }), '{"k":"key k"}');
  assert.throws(() => canonicalJson({ n: 1n }), TypeError);
});

test('canonical JSON writes a value nested 100,000 deep instead of overflowing the stack', () => {
  let v: unknown = [1];
  for (let i = 0; i < 100_000; i++) v = { a: v };
  const text = canonicalJson(v);
  assert.equal(text, `${'{"a":'.repeat(100_000)}[1]${'}'.repeat(100_000)}`);
});
