import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cliSandbox } from '../../../test/cli-sandbox.js';

let box: Awaited<ReturnType<typeof cliSandbox>>;
let dir: string;
before(async () => {
  box = await cliSandbox('fees-cli');
  dir = box.dir;
});
after(() => box.cleanup());

const cli = (args: string[]) => box.cli(args);
const open = () => box.open();

test('fees check: OK on a sound ledger, exit 1 naming an orphan entry', async () => {
  const ok = cli(['fees', 'check']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^fees check: OK/);
  const h = open();
  try {
    await h.db
      .insertInto('fee_ledger')
      .values({
        id: 'orphan-1',
        at: '2026-11-30T02:00:00.000Z',
        day: '2026-11-30',
        kind: 'charge',
        case_id: 'no-case',
        form_id: 'no-form',
        line_id: null,
        department_id: 'd',
        fee_code: null,
        ref_type: null,
        ref_id: null,
        charged: 100,
        waived: 0,
        paid: 0,
        outstanding: 100,
        held: 0,
        remitted: 0,
        refunded: 0,
        excess: 0,
        excess_held: 0,
        excess_refunded: 0,
      })
      .execute();
  } finally {
    await h.close();
  }
  const bad = cli(['fees', 'check']);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /FAILED/);
  assert.match(bad.stdout, /orphan: ledger row \(form\) orphan-1/);
  const h2 = open();
  await h2.db.deleteFrom('fee_ledger').where('id', '=', 'orphan-1').execute();
  await h2.close();
});

test('fees reconcile FILE: lists what the ledger lacks; a bad file names the line', () => {
  const file = path.join(dir, 'statement.csv');
  fs.writeFileSync(
    file,
    'transaction_id,payment_code,amount,paid_at\nT-CLI-1,12345678901234567897,88.00,2026-11-30T10:00:00+08:00\n',
  );
  const r = cli(['fees', 'reconcile', file, '--gateway', 'bank-a', '--date', '2026-11-30']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /bank-a 2026-11-30 — 1 rows, 0 matched, 1 to resolve/);
  assert.match(r.stdout, /missing\s+T-CLI-1\s+statement ¥88\.00\s+ledger —/);
  fs.writeFileSync(file, 'transaction_id,amount\nT-1,eighty\n');
  const bad = cli(['fees', 'reconcile', file, '--date', '2026-11-30']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /\/statement\/2\/amount/);
  assert.equal(cli(['fees', 'reconcile']).status, 2);
  assert.equal(cli(['fees', 'nope']).status, 2);
});
