import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  checkCreditCode,
  checkResidentId,
  creditCodeCheckChar,
  residentIdCheckChar,
  CREDIT_ALPHABET,
} from './id-checks.js';

const today = new Date('2026-11-26T00:00:00Z');

test('resident ID: the standard example and real-shaped numbers pass', () => {
  assert.equal(checkResidentId('11010519491231002X', today), null);
  assert.equal(checkResidentId('440524188001010014', today), 'birth_date'); // before 1900
  assert.equal(checkResidentId('110105194912310021', today), 'check_char');
  assert.equal(checkResidentId('11010519490231002X', today), 'birth_date'); // 31 Feb
  assert.equal(checkResidentId('1101051949123100', today), 'format');
  assert.equal(checkResidentId('11010520991231002X', today), 'birth_date'); // future
});

test('resident ID: a lower-case x is accepted as X', () => {
  assert.equal(checkResidentId('11010519491231002x', today), null);
});

const idPrefix = fc
  .record({
    area: fc.integer({ min: 110000, max: 659999 }),
    date: fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(
    ({ area, date, seq }) =>
      `${area}${date.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
  );

test('resident ID: every 17-digit prefix with its computed check char is valid, any other char is not', () => {
  fc.assert(
    fc.property(idPrefix, fc.constantFrom(...'0123456789X'), (p, c) => {
      const good = p + residentIdCheckChar(p);
      assert.equal(checkResidentId(good, today), null);
      if (c !== residentIdCheckChar(p)) assert.equal(checkResidentId(p + c, today), 'check_char');
    }),
  );
});

test('credit code: published examples pass, typos fail', () => {
  assert.equal(checkCreditCode('91350100M000100Y43'), null);
  assert.equal(checkCreditCode('91350100M000100Y44'), 'check_char');
  assert.equal(checkCreditCode('91350100M000I00Y43'), 'format'); // I is not in the alphabet
  // First character may be a letter (A, N, Y), and positions 3-8 need not be digits.
  const letterFirst = 'N2AB0000MB0000001';
  assert.equal(checkCreditCode(letterFirst + creditCodeCheckChar(letterFirst)), null);
});

test('credit code: check character property over the whole alphabet', () => {
  const ch = fc.constantFrom(...CREDIT_ALPHABET);
  const first = fc.constantFrom(...'123456789ANY');
  fc.assert(
    fc.property(first, fc.array(ch, { minLength: 16, maxLength: 16 }), ch, (f, rest, other) => {
      const p = f + rest.join('');
      assert.equal(checkCreditCode(p + creditCodeCheckChar(p)), null);
      if (other !== creditCodeCheckChar(p)) assert.equal(checkCreditCode(p + other), 'check_char');
    }),
  );
});
