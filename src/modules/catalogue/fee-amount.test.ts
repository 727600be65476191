import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { feeAmountFen, feeRuleProblems } from './fee-amount.js';

test('fixed fees ignore quantity', () => {
  assert.equal(feeAmountFen({ kind: 'fixed', amountFen: 8000 }, 3), 8000);
});

test('per-unit fees multiply and clamp', () => {
  const r = { kind: 'per_unit' as const, unit: '平方米', unitFen: 150, minFen: 1000, maxFen: 100000 };
  assert.equal(feeAmountFen(r, 2), 1000);
  assert.equal(feeAmountFen(r, 100), 15000);
  assert.equal(feeAmountFen(r, 10000), 100000);
  assert.equal(feeAmountFen({ kind: 'per_unit', unit: '平方米', unitFen: 3 }, 0.5), 2); // 1.5 rounds half up
});

test('tiered fees are progressive', () => {
  const r = {
    kind: 'tiered' as const,
    unit: '平方米',
    tiers: [
      { upTo: 100, unitFen: 100 },
      { upTo: 500, unitFen: 80 },
      { upTo: null, unitFen: 50 },
    ],
  };
  assert.equal(feeAmountFen(r, 50), 5000);
  assert.equal(feeAmountFen(r, 100), 10000);
  assert.equal(feeAmountFen(r, 200), 10000 + 8000);
  assert.equal(feeAmountFen(r, 1000), 10000 + 32000 + 25000);
  assert.deepEqual(feeRuleProblems(r), []);
});

test('tiered amounts never decrease as quantity grows, and are integers', () => {
  const tiers = fc
    .uniqueArray(fc.integer({ min: 1, max: 10000 }), { minLength: 0, maxLength: 5 })
    .chain((limits) => {
      const sorted = [...limits].sort((a, b) => a - b);
      return fc
        .array(fc.integer({ min: 0, max: 10000 }), {
          minLength: sorted.length + 1,
          maxLength: sorted.length + 1,
        })
        .map((rates) => [
          ...sorted.map((upTo, i) => ({ upTo, unitFen: rates[i]! })),
          { upTo: null, unitFen: rates[sorted.length]! },
        ]);
    });
  fc.assert(
    fc.property(
      tiers,
      fc.double({ min: 0, max: 1e5, noNaN: true }),
      fc.double({ min: 0, max: 1e5, noNaN: true }),
      (t, a, b) => {
        const rule = { kind: 'tiered' as const, unit: 'u', tiers: t };
        assert.deepEqual(feeRuleProblems(rule), []);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = feeAmountFen(rule, lo);
        const y = feeAmountFen(rule, hi);
        assert.ok(Number.isInteger(x) && Number.isInteger(y));
        assert.ok(x <= y + 1, `${x} > ${y}`); // +1: rounding of two different fractional totals
      },
    ),
  );
});

test('rule shape problems are reported with paths', () => {
  assert.deepEqual(
    feeRuleProblems({ kind: 'per_unit', unit: 'u', unitFen: 1, minFen: 5, maxFen: 1 }).map((p) => p.path),
    ['/rule/minFen'],
  );
  const bad = feeRuleProblems({
    kind: 'tiered',
    unit: 'u',
    tiers: [
      { upTo: null, unitFen: 1 },
      { upTo: 10, unitFen: 1 },
    ],
  });
  assert.deepEqual(
    bad.map((p) => p.path),
    ['/rule/tiers/0/upTo', '/rule/tiers/1/upTo'],
  );
  assert.throws(() => feeAmountFen({ kind: 'fixed', amountFen: 1 }, -1), RangeError);
});
