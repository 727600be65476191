import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { commitGroupsOf } from '../../db/commit-group.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { departmentId, report, submit } from './test-helpers.js';
import { verifyHistory } from './repository-history.js';

// The writer thread is the embedded database's: these tests run on an SQLite file in both suites.
let t: TestContext;
let dir: string;
let scj: string;
const threadStats = () => commitGroupsOf(t.db).find((g) => g.name === 'intake thread')!.stats;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-complaint-intake-'));
  t = await createTestContext({
    start: '2026-11-30T01:30:00.000Z',
    sqliteFile: path.join(dir, 'onewindow.db'),
  });
  await seedDemo(t.db, t.clock);
  scj = await departmentId(t, 'SCJ');
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('on an SQLite file, new tickets are written by the writer thread, share its commits, and are durable when answered', async () => {
  const anon = new Client(t.app);
  const first = await submit(anon, report(scj));
  assert.ok(
    commitGroupsOf(t.db).some((g) => g.name === 'intake thread'),
    'the writer thread is there',
  );
  const before = { ...threadStats() };
  const answers = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      submit(anon, report(scj, { description: `${report(scj).description}，第${i}次` })),
    ),
  );
  const tickets = new Set(answers.map((a) => a.ticketNo));
  assert.equal(tickets.size, 30, 'every ticket has a number of its own');
  const units = threadStats().units - before.units;
  const batches = threadStats().batches - before.batches;
  assert.equal(units, 30, 'the thread wrote every one of them');
  assert.ok(batches < units, `concurrent tickets share durable commits (${units} in ${batches})`);
  // Written by the thread's connection, committed before the answer: found at once, chain intact,
  // with its real-name acceptance clock and audit event.
  for (const a of answers) {
    const row = await t.db
      .selectFrom('complaints')
      .select(['acceptance_clock_id', 'terms'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.acceptance_clock_id, 'a real-name report starts its notice clock');
    assert.match(row.terms!, /资料费/, 'the jieba words are kept with the ticket');
    assert.equal(await verifyHistory(t.db, a.id), null);
  }
  const audits = await t.db
    .selectFrom('audit_events')
    .select('entity_id')
    .where('action', '=', 'complaint.submitted')
    .where(
      'entity_id',
      'in',
      answers.map((a) => a.id),
    )
    .execute();
  assert.equal(audits.length, 30, 'each ticket wrote its audit event in its unit');
  // The one before them is their likely duplicate, found among the committed tickets.
  const later = await submit(anon, report(scj));
  assert.ok(later.possibleDuplicates.some((d) => d.ticketNo === first.ticketNo));
});

test('in a burst, a report refused at its check fails alone with a bilingual error; the others are written', async () => {
  const anon = new Client(t.app);
  const before = await t.db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const answers = await Promise.all([
    anon.req('POST', '/api/v1/complaints', report(scj)),
    anon.req('POST', '/api/v1/complaints', report(scj, { categoryCode: 'no_such' })),
    anon.req('POST', '/api/v1/complaints', report(scj)),
  ]);
  assert.deepEqual(
    answers.map((a) => a.statusCode),
    [201, 400, 201],
  );
  assert.match(answers[1]!.json().errors[0].message, /没有这个类别/);
  const after = await t.db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(after.n) - Number(before.n), 2);
});
