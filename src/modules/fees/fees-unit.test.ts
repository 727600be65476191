import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FeeRow } from '../catalogue/catalogue-reads.js';
import { loadConfig, ConfigError } from '../../config/config.js';
import { isPaymentCode, luhnDigit, newPaymentCode } from './codes.js';
import { planLines } from './fee-lines.js';
import { checkSignature, signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './gateway/signature.js';
import { LEDGER_KINDS, brokenIdentities, zeroTotals, BUCKETS } from './ledger.js';
import { parseStatement, yuanToFen, csvRecords } from './reconcile/parse-statement.js';
import { crc32 } from '../../shared/spreadsheet/zip.js';
import { csv } from '../../shared/spreadsheet/xlsx.js';

const fee = (code: string, rule: object, over: Partial<FeeRow> = {}): FeeRow => ({
  id: `id-${code}`,
  code,
  name: `费 ${code}`,
  department_id: 'd',
  category: 'administrative',
  basis: '依据',
  standard: '标准',
  management: '国库',
  rule: JSON.stringify(rule),
  status: 'published',
  created_at: '',
  updated_at: '',
  version: 1,
  ...over,
});
const catalogue = new Map([
  ['FEE-A', fee('FEE-A', { kind: 'fixed', amountFen: 8000 })],
  ['FEE-B', fee('FEE-B', { kind: 'per_unit', unit: '平方米', unitFen: 150, minFen: 1000 })],
  ['FEE-W', fee('FEE-W', { kind: 'fixed', amountFen: 100 }, { status: 'withdrawn' })],
  ['FEE-F', fee('FEE-F', { kind: 'fixed', amountFen: 500 }, { name: '申请表工本费' })],
]);

test('fee lines: a single fixed fee needs no quantity; others do; zero leaves a line out', () => {
  assert.deepEqual(
    planLines([{ feeCode: 'FEE-A' }], catalogue, {}).lines.map((l) => l.amountFen),
    [8000],
  );
  const two = planLines([{ feeCode: 'FEE-A' }, { feeCode: 'FEE-B' }], catalogue, {});
  assert.deepEqual(
    two.missing.map((m) => m.feeCode),
    ['FEE-A', 'FEE-B'],
  );
  const given = planLines([{ feeCode: 'FEE-A' }, { feeCode: 'FEE-B' }], catalogue, {
    'FEE-A': 2,
    'FEE-B': '100.5',
  });
  assert.deepEqual(
    given.lines.map((l) => [l.fee.code, l.amountFen]),
    [
      ['FEE-A', 16000],
      ['FEE-B', 15075],
    ],
  );
  assert.deepEqual(
    planLines([{ feeCode: 'FEE-A' }, { feeCode: 'FEE-B' }], catalogue, { 'FEE-A': 0, 'FEE-B': 0 }).lines,
    [],
    'zero: not charged, not even the minimum',
  );
  assert.deepEqual(
    planLines([{ feeCode: 'FEE-A' }], catalogue, { 'FEE-A': 1.5 }).invalid.map((i) => i.feeCode),
    ['FEE-A'],
  );
  assert.deepEqual(
    planLines([{ feeCode: 'FEE-B' }], catalogue, { 'FEE-B': -1 }).invalid.map((i) => i.feeCode),
    ['FEE-B'],
  );
  assert.deepEqual(
    planLines([{ feeCode: 'FEE-B' }], catalogue, { 'FEE-B': 'lots' }).invalid.map((i) => i.feeCode),
    ['FEE-B'],
  );
});

test('fee lines: unknown, withdrawn and application-form fees are refused by name', () => {
  const p = planLines(
    [{ feeCode: 'FEE-X' }, { feeCode: 'FEE-W' }, { feeCode: 'FEE-F' }, { feeCode: 'FEE-A' }],
    catalogue,
    { 'FEE-A': 1 },
  );
  assert.deepEqual(p.refused, [
    { feeCode: 'FEE-X', reason: 'not_in_catalogue' },
    { feeCode: 'FEE-W', reason: 'withdrawn' },
    { feeCode: 'FEE-F', reason: 'form_fee' },
  ]);
  assert.equal(p.lines.length, 1);
});

test('amounts are integer fen for any quantity', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (q) => {
      const p = planLines([{ feeCode: 'FEE-B' }], catalogue, { 'FEE-B': q });
      for (const l of p.lines) assert.ok(Number.isSafeInteger(l.amountFen) && l.amountFen >= 1000);
    }),
  );
});

test('payment codes are 20 digits with a Luhn check digit that catches any single wrong digit', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 19 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
      const code = newPaymentCode();
      assert.ok(isPaymentCode(code), code);
      const wrong = code.slice(0, pos) + String((Number(code[pos]) + delta) % 10) + code.slice(pos + 1);
      assert.ok(!isPaymentCode(wrong), `${code} → ${wrong}`);
    }),
  );
  assert.equal(luhnDigit('7992739871'), 3);
});

test('signatures: the right secret and a fresh timestamp pass; anything else is named', () => {
  const secret = 's'.repeat(40);
  const body = '{"a":1}';
  const now = 1_800_000_000_000;
  const ts = now / 1000;
  const headers = (sig: string, t = ts) => ({ [SIGNATURE_HEADER]: sig, [TIMESTAMP_HEADER]: String(t) });
  assert.deepEqual(checkSignature(secret, headers(signBody(secret, ts, body)), body, now, 300), {
    ok: true,
    timestamp: ts,
  });
  assert.deepEqual(checkSignature(secret, headers(signBody('x'.repeat(40), ts, body)), body, now, 300), {
    ok: false,
    reason: 'mismatch',
  });
  assert.deepEqual(checkSignature(secret, headers(signBody(secret, ts, body)), '{"a":2}', now, 300), {
    ok: false,
    reason: 'mismatch',
  });
  assert.deepEqual(
    checkSignature(secret, headers(signBody(secret, ts - 301, body), ts - 301), body, now, 300),
    { ok: false, reason: 'stale' },
  );
  assert.deepEqual(
    checkSignature(secret, headers(signBody(secret, ts, body), ts - 1), body, now, 300),
    { ok: false, reason: 'mismatch' },
    'the timestamp is signed',
  );
  assert.deepEqual(checkSignature(secret, { [SIGNATURE_HEADER]: 'sha256=zz' }, body, now, 300), {
    ok: false,
    reason: 'missing',
  });
  assert.deepEqual(checkSignature(secret, headers('md5=abc'), body, now, 300), {
    ok: false,
    reason: 'malformed',
  });
});

test('every ledger kind keeps the three identities', () => {
  for (const [kind, f] of Object.entries(LEDGER_KINDS)) {
    const t = { ...zeroTotals(), ...f(137) };
    assert.deepEqual(brokenIdentities(t, false), [], kind);
  }
  assert.equal(BUCKETS.length, 10);
  assert.ok(brokenIdentities({ ...zeroTotals(), charged: 5, outstanding: 4 }, true).length > 0);
  assert.ok(
    brokenIdentities({ ...zeroTotals(), held: -1, remitted: 1 }, true).some((d) => d.includes('negative')),
  );
});

test('statements: yuan parsed without floats, quoted fields, every bad row named', () => {
  assert.equal(yuanToFen('120'), 12000);
  assert.equal(yuanToFen('0.1'), 10);
  assert.equal(yuanToFen('1,234.56'), 123456);
  assert.equal(yuanToFen('19.99'), 1999);
  assert.equal(yuanToFen('1.234'), null);
  assert.deepEqual(csvRecords('a,"b,c","d""e"\r\n\r\n1,2,3'), [
    ['a', 'b,c', 'd"e'],
    ['1', '2', '3'],
  ]);
  const ok = parseStatement(
    '\ufeff交易流水号,缴款码,金额,交易时间\nT1,1,120.00,2026-11-30T10:00:00+08:00\nT2,,0.5,',
  );
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(
    ok.rows.map((r) => [r.transactionId, r.amountFen, r.paidAt]),
    [
      ['T1', 12000, '2026-11-30T02:00:00.000Z'],
      ['T2', 50, null],
    ],
  );
  const bad = parseStatement('transaction_id,amount_fen\nT1,12.5\nT1,100\n,100');
  assert.deepEqual(
    bad.errors.map((e) => e.path),
    ['/statement/2/amount', '/statement/3/transaction_id', '/statement/4/transaction_id'],
  );
  assert.equal(parseStatement('foo,bar\n1,2').errors[0]!.code, 'column_missing');
});

test('CSV export neutralises formulas; the zip CRC is the standard one', () => {
  assert.equal(csv([['=SUM(A1)', -5, 'a"b']]), '\ufeff"\'=SUM(A1)","-5","a""b"\r\n');
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
});

test('fee configuration: defaults, the gateway needs a long secret, the simulator is refused in production', () => {
  const d = loadConfig({}).fees;
  assert.deepEqual(d.refundDays, { review: 10, file: 5, approval: 10, payment: 10 });
  assert.equal(d.simulator, true);
  assert.equal(d.gateway, undefined);
  const named = (env: Record<string, string>, variable: string) =>
    assert.throws(
      () => loadConfig(env),
      (e: unknown) => e instanceof ConfigError && e.variable === variable,
    );
  named({ PAYMENT_GATEWAY_SECRET: 'short' }, 'PAYMENT_GATEWAY_SECRET');
  named({ PAYMENT_GATEWAY_NAME: 'bank' }, 'PAYMENT_GATEWAY_SECRET');
  named(
    { PAYMENT_GATEWAY_NAME: 'simulated', PAYMENT_GATEWAY_SECRET: 'x'.repeat(32) },
    'PAYMENT_GATEWAY_NAME',
  );
  named(
    { PAYMENT_GATEWAY_SECRET: 'x'.repeat(32), PAYMENT_GATEWAY_CHECKOUT_URL: 'https://pay.example/checkout' },
    'PAYMENT_GATEWAY_CHECKOUT_URL',
  );
  named({ NODE_ENV: 'production', PAYMENT_SIMULATOR: 'on' }, 'PAYMENT_SIMULATOR');
  named({ REFUND_REVIEW_DAYS: '0' }, 'REFUND_REVIEW_DAYS');
  named({ FEE_DUE_DAYS: 'ten' }, 'FEE_DUE_DAYS');
  assert.equal(loadConfig({ NODE_ENV: 'production' }).fees.simulator, false);
  const g = loadConfig({ PAYMENT_GATEWAY_SECRET: 'x'.repeat(32), REFUND_FILE_DAYS: '3' }).fees;
  assert.deepEqual(g.gateway, { name: 'gateway', secret: 'x'.repeat(32), checkoutUrl: undefined });
  assert.equal(g.refundDays.file, 3);
});
