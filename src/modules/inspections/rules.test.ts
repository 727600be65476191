import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  capBroken,
  overran,
  rangeProblems,
  SEVERITIES,
  withinStandard,
  type PenaltyRange,
} from './rules.js';

const band = fc
  .record({
    severity: fc.constantFrom(...SEVERITIES),
    warning: fc.boolean(),
    fromFen: fc.integer({ min: 0, max: 10_000_000 }),
    span: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map(({ span, ...r }): PenaltyRange => ({ ...r, toFen: r.fromFen + span }));

test('a fine inside its band is within the standard, one fen outside is not', () => {
  fc.assert(
    fc.property(band, fc.double({ min: 0, max: 1, noNaN: true }), (r, at) => {
      fc.pre(r.toFen > 0 && r.fromFen > 0);
      const fine = r.fromFen + Math.floor((r.toFen - r.fromFen) * at);
      const p = { severity: r.severity, warning: false };
      assert.equal(withinStandard([r], { ...p, fineFen: fine }), true);
      assert.equal(withinStandard([r], { ...p, fineFen: r.toFen + 1 }), false);
      // One fen below the band, or no fine and no warning at all: outside either way.
      assert.equal(withinStandard([r], { ...p, fineFen: r.fromFen - 1 }), false);
    }),
  );
});

test('a warning only where the band allows one; a penalty of another severity is outside', () => {
  const ranges: PenaltyRange[] = [
    { severity: 'minor', warning: true, fromFen: 0, toFen: 0 },
    { severity: 'ordinary', warning: false, fromFen: 100_000, toFen: 500_000 },
  ];
  assert.equal(withinStandard(ranges, { severity: 'minor', warning: true, fineFen: 0 }), true);
  assert.equal(withinStandard(ranges, { severity: 'minor', warning: false, fineFen: 0 }), false);
  assert.equal(withinStandard(ranges, { severity: 'minor', warning: true, fineFen: 100 }), false);
  assert.equal(withinStandard(ranges, { severity: 'ordinary', warning: true, fineFen: 200_000 }), false);
  assert.equal(withinStandard(ranges, { severity: 'serious', warning: false, fineFen: 200_000 }), false);
  assert.deepEqual(rangeProblems(ranges), []);
  assert.deepEqual(rangeProblems([{ severity: 'minor', warning: false, fromFen: 5, toFen: 1 }]), [
    '/body/ranges/0/toFen',
  ]);
});

test('the department cap is named before the total cap, and neither below both', () => {
  fc.assert(
    fc.property(
      fc.nat(20),
      fc.nat(20),
      fc.integer({ min: 1, max: 20 }),
      fc.integer({ min: 1, max: 20 }),
      (d, t, cd, ct) => {
        const r = capBroken({ department: d, total: t }, { department: cd, total: ct });
        if (d >= cd) assert.equal(r, 'department_cap');
        else if (t >= ct) assert.equal(r, 'total_cap');
        else assert.equal(r, null);
      },
    ),
  );
});

test('a visit overruns only past its maximum, and days move across months and years', () => {
  assert.equal(overran('2026-12-01T01:00:00.000Z', '2026-12-01T03:00:00.000Z', 120), false);
  assert.equal(overran('2026-12-01T01:00:00.000Z', '2026-12-01T03:01:00.000Z', 120), true);
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  fc.assert(
    fc.property(fc.integer({ min: -400, max: 400 }), (n) =>
      assert.equal(addDays(addDays('2026-06-15', n), -n), '2026-06-15'),
    ),
  );
});

test('an inspection may be rated once its result is recorded, as a subject of its department', async () => {
  const { inspectionRatingSubject } = await import('./rating-hook.js');
  const i = { id: 'x', number: 'JC20260000001', department_id: 'd', state: 'started' };
  assert.equal(inspectionRatingSubject(i).rateable, false);
  assert.deepEqual(inspectionRatingSubject({ ...i, state: 'concluded' }), {
    subjectType: 'inspection',
    subjectId: 'x',
    reference: 'JC20260000001',
    departmentId: 'd',
    rateable: true,
  });
});
