import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DOCUMENT_KINDS, DOCUMENT_KIND_INFO, formatDocumentNumber } from './document-kinds.js';

test('numbers follow 清政服受〔2026〕第000123号', () => {
  assert.equal(formatDocumentNumber('acceptance_notice', 2026, 123), '清政服受〔2026〕第000123号');
  assert.equal(formatDocumentNumber('approval_decision', 2026, 1), '清政服准许〔2026〕第000001号');
  assert.equal(formatDocumentNumber('non_acceptance_notice', 2027, 999_999), '清政服不受〔2027〕第999999号');
  assert.equal(formatDocumentNumber('delivery_receipt', 2026, 5, '清审批'), '清审批送〔2026〕第000005号');
});

test('every kind has its official title and a distinct prefix', () => {
  assert.equal(DOCUMENT_KINDS.length, 13);
  const titles = DOCUMENT_KINDS.map((k) => DOCUMENT_KIND_INFO[k].title);
  assert.deepEqual(titles, [
    '受理通知书',
    '补正材料告知书',
    '不予受理通知书',
    '容缺受理通知书',
    '延期告知书',
    '特别程序告知书',
    '准予行政许可决定书',
    '不予行政许可决定书',
    '送达回证',
    '非税收入一般缴款书',
    '非税收入电子收款票据',
    '来函答复函',
    '检查记录',
  ]);
  assert.equal(new Set(DOCUMENT_KINDS.map((k) => DOCUMENT_KIND_INFO[k].prefix)).size, 13);
});

test('bad years, sequences and kinds are refused', () => {
  assert.throws(() => formatDocumentNumber('acceptance_notice', 26, 1), /year/);
  assert.throws(() => formatDocumentNumber('acceptance_notice', 2026, 0), /seq/);
  assert.throws(() => formatDocumentNumber('acceptance_notice', 2026, 1.5), /seq/);
  assert.throws(() => formatDocumentNumber('acceptance_notice', 2026, 1_000_000), /seq/);
  assert.throws(() => formatDocumentNumber('nope' as never, 2026, 1), /kind/);
  assert.throws(() => formatDocumentNumber('acceptance_notice', 2026, 1, ' '), /issuer/);
});

test('different kind, year or sequence never gives the same number', () => {
  const key = fc.tuple(
    fc.constantFrom(...DOCUMENT_KINDS),
    fc.integer({ min: 2000, max: 2100 }),
    fc.integer({ min: 1, max: 999_999 }),
  );
  fc.assert(
    fc.property(key, key, (a, b) => {
      fc.pre(a.join() !== b.join());
      assert.notEqual(formatDocumentNumber(...a), formatDocumentNumber(...b));
    }),
  );
});
