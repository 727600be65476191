import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { composeDocument, DocumentInputError } from './compose-document.js';
import type { DocumentContent, DocumentInput } from './document-types.js';
import { renderDocument } from './render-pdf.js';
import { SAMPLE_INPUTS } from './sample-inputs.js';
import { amountText, yuan, yuanInCapitals } from './money-text.js';

const allText = (c: DocumentContent) =>
  c.sections
    .flatMap((s) => [
      s.heading ?? '',
      ...(s.paragraphs ?? []),
      ...(s.list ?? []),
      ...(s.table ?? []).flatMap((r) => [r.label, r.value]),
    ])
    .join('\n');

test('yuan prints integer fen with two decimals and thousands separators', () => {
  assert.equal(yuan(0), '0.00');
  assert.equal(yuan(5), '0.05');
  assert.equal(yuan(123456), '1,234.56');
  assert.equal(yuan(-1500), '-15.00');
  assert.throws(() => yuan(1.5), RangeError);
});

test('amounts in Chinese capitals follow the receipt convention', () => {
  const cases: [number, string][] = [
    [0, '零元整'],
    [5, '伍分'],
    [12, '壹角贰分'],
    [100, '壹元整'],
    [1005, '壹拾元零伍分'],
    [12000, '壹佰贰拾元整'],
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [10_000_000, '壹拾万元整'],
    [10_010_000, '壹拾万零壹佰元整'],
    [100_000_000, '壹佰万元整'],
    [10_000_000_100, '壹亿零壹元整'],
    [100_050, '壹仟元伍角'],
  ];
  for (const [fen, words] of cases) assert.equal(yuanInCapitals(fen), words, String(fen));
  assert.equal(amountText(8000), '¥80.00（人民币捌拾元整）');
});

test('capitals never contain a doubled zero and always end in 整 or 分 or 角', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (n) => {
      const w = yuanInCapitals(n);
      assert.ok(!w.includes('零零'), w);
      assert.match(w, /(整|分|角)$/);
      assert.ok(!w.startsWith('零'), w);
    }),
  );
});

test('payment form: payer, unit, code, lines with basis, waiver with its legal basis, total, due date, how to pay', () => {
  const c = composeDocument(SAMPLE_INPUTS.payment_form);
  assert.equal(c.title, '非税收入一般缴款书');
  assert.equal(c.addressee, '');
  assert.equal(c.qrCaption, '扫码验证真伪');
  const text = allText(c);
  for (const s of [
    '缴款人',
    '执收单位',
    '3701 0026 0305 0001 2344',
    '2026年3月19日前',
    '特种设备检验检测费（FEE-SC-TSSB）',
    '2 台',
    '鲁价费发〔2017〕88号',
    '减免 ¥300.00（依据：《关于小微企业免征有关收费的通知》',
    '¥1,260.00（人民币壹仟贰佰陆拾元整）',
    '申请表格一律免费',
    'https://zwfw.qinghe.gov.cn/pay/',
  ]) {
    assert.ok(text.includes(s), `missing ${s}`);
  }
});

test('receipt: what was paid, by which channel and reference, when, and its check code', () => {
  const c = composeDocument(SAMPLE_INPUTS.receipt);
  assert.equal(c.title, '非税收入电子收款票据');
  const text = allText(c);
  for (const s of [
    'JK202600000123',
    '¥960.00',
    '¥300.00',
    '¥1,260.00（人民币壹仟贰佰陆拾元整）',
    '交易流水号 T2026030611120001',
    '2026年3月6日 11:11',
    'K7P3Q9M2',
    '不重号、不跳号',
  ]) {
    assert.ok(text.includes(s), `missing ${s}`);
  }
  assert.ok(
    allText(composeDocument({ ...SAMPLE_INPUTS.receipt, replaces: 'SJ202600000044' })).includes(
      '替代已作废票据 SJ202600000044',
    ),
  );
});

function rejects(input: unknown, field: string): void {
  assert.throws(
    () => composeDocument(input as DocumentInput),
    (e: unknown) => e instanceof DocumentInputError && e.field === field,
  );
}

test('inconsistent fee documents are refused, naming the field', () => {
  const f = SAMPLE_INPUTS.payment_form;
  rejects({ ...f, totalFen: 126001 }, 'totalFen');
  rejects({ ...f, paymentCode: '1234' }, 'paymentCode');
  rejects({ ...f, lines: [] }, 'lines');
  rejects({ ...f, lines: [{ ...f.lines[0]!, amountFen: 10.5 }] }, 'lines[0].amountFen');
  rejects({ ...f, lines: [{ ...f.lines[1]!, waiverBasis: '' }] }, 'lines[0].waiverBasis');
  rejects({ ...f, lines: [{ ...f.lines[0]!, waivedFen: 100000 }] }, 'lines[0].waivedFen');
  rejects({ ...f, dueDate: '2026-03-01' }, 'dueDate');
  rejects({ ...f, payChannels: [] }, 'payChannels');
  const r = SAMPLE_INPUTS.receipt;
  rejects({ ...r, amountFen: 1 }, 'amountFen');
  rejects({ ...r, lines: [{ code: 'X', name: 'y', amountFen: 0 }] }, 'lines[0].amountFen');
  rejects({ ...r, checkCode: ' ' }, 'checkCode');
  rejects({ ...r, paidAt: '2026-03-06' }, 'paidAt');
});

test('fee documents render to one page with the verification QR caption', async () => {
  for (const input of [SAMPLE_INPUTS.payment_form, SAMPLE_INPUTS.receipt]) {
    const { pdf } = await renderDocument(input);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.toString('latin1'), /\/Type \/Pages\s*\/Count 1/);
  }
});
