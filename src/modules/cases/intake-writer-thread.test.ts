import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client, staff } from '../../../test/http.js';
import { holdTransaction } from '../../../test/hold-transaction.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { verifyChains } from './event-chain.js';
import { caseModule } from './case-deps-factory.js';
import { fromWire, toWire, type WriterThread } from '../../db/writer-thread.js';
import { AppError } from '../../server/errors.js';

// The intake thread is the embedded database's: these tests run on an SQLite file in both suites.
let t: TestContext;
let dir: string;
let thread: WriterThread;
let citizen: Client;
let foodId: string;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const form = { 经营场所: '清河市人民路1号', 经营项目: '热食类食品制售' };

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-intake-'));
  t = await createTestContext({
    start: '2026-11-30T01:30:00.000Z',
    sqliteFile: path.join(dir, 'onewindow.db'),
  });
  await seedDemo(t.db, t.clock);
  citizen = await new Client(t.app).login('citizen', DEMO_PASSWORD);
  foodId = (
    await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json().items[0].id;
  thread = caseModule(t.appContext).intakeThread!;
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const submit = (key: string, body: Record<string, unknown> = { itemId: foodId, form, materials: [] }) =>
  citizen.req('POST', '/api/v1/cases', body, { 'idempotency-key': key });

test('on an SQLite file, applications are written by the intake thread and share its commits', async () => {
  assert.ok(thread, 'one process on a file: the case module has an intake thread');
  const before = { ...thread.stats };
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) => submit(`thread-many-${String(i).padStart(4, '0')}`)),
  );
  for (const a of answers) assert.equal(a.statusCode, 201, a.body);
  const receipts = new Set(answers.map((a) => a.json().case.receiptNo));
  assert.equal(receipts.size, 40, 'every case has a receipt number of its own');
  const units = thread.stats.units - before.units;
  const batches = thread.stats.batches - before.batches;
  assert.equal(units, 40, 'the thread wrote every one of them');
  assert.ok(batches < units, `concurrent applications share durable commits (${units} in ${batches})`);
  // Written by the thread's connection, read at once by the request thread's: committed before the answer.
  const one = answers[17]!.json().case;
  const c = (await citizen.req('GET', `/api/v1/cases/${one.id}`)).json();
  assert.equal(c.receiptNo, one.receiptNo);
  assert.equal(c.state, 'received');
  assert.equal(c.clocks.acceptance.limitDays, 5);
  // The thread keeps the request thread's time (the tests' clock is not the real one).
  assert.ok(
    Math.abs(Date.parse(c.submittedAt) - t.clock.now().getTime()) < 60_000,
    `submitted at ${c.submittedAt}, the clock says ${t.clock.now().toISOString()}`,
  );
  const chains = await verifyChains(t.db);
  assert.deepEqual(chains.breaks, []);
  assert.ok(chains.cases >= 40);
});

test('a retry racing its first attempt makes one case, through the thread', async () => {
  const [a, b] = await Promise.all([submit('thread-race-0001'), submit('thread-race-0001')]);
  assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 201], `${a.body} ${b.body}`);
  assert.equal(a.json().case.id, b.json().case.id);
  const n = await t.db
    .selectFrom('idempotency_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', 'thread-race-0001')
    .executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 1);
});

test('an error raised in the thread reaches the request as it was raised', async () => {
  const boundary = '----owthread';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const up = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: citizen.cookie,
      'x-csrf-token': citizen.csrf,
    },
  });
  assert.equal(up.statusCode, 201, up.body);
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${foodId}`)).json();
  const name = guide.materials.find(
    (m: { required: boolean; source: string }) => m.required && m.source === 'applicant',
  ).name;
  const withFile = { itemId: foodId, form, materials: [{ name, fileId: up.json().id }] };
  // Both pass the check before the write; the thread's claim lets only one of them have the upload.
  const [a, b] = await Promise.all([
    submit('thread-file-0001', withFile),
    submit('thread-file-0002', withFile),
  ]);
  const lost = [a, b].find((r) => r.statusCode !== 201)!;
  assert.ok([a, b].some((r) => r.statusCode === 201));
  assert.equal(lost.statusCode, 400, lost.body);
  assert.equal(lost.json().code, 'validation_failed');
  assert.equal(lost.json().errors[0].path, '/body/materials/0/fileId');
  assert.equal(lost.json().errors[0].code, 'file_not_yours');
});

test('a calendar confirmed here reaches the thread before its next application', async () => {
  const acceptanceDue = async (key: string) => {
    const r = await submit(key);
    assert.equal(r.statusCode, 201, r.body);
    return (await citizen.req('GET', `/api/v1/cases/${r.json().case.id}`)).json().clocks.acceptance
      .dueDate as string;
  };
  const before = await acceptanceDue('thread-calendar-0001');
  const admin = await new Client(t.app).login('admin', DEMO_PASSWORD);
  const admin2 = await staff(t, 'admin.thread', 'admin');
  const prop = await admin.req('POST', '/api/v1/admin/calendar/proposals', {
    format: 'holiday-cn',
    source: '测试通知',
    content: {
      year: 2026,
      papers: ['测试用通知（非真实）'],
      days: [
        { name: '测试假日', date: '2026-12-01', isOffDay: true },
        { name: '测试假日', date: '2026-12-02', isOffDay: true },
      ],
    },
  });
  assert.equal(prop.statusCode, 201, prop.body);
  assert.equal(
    (await admin2.req('POST', `/api/v1/admin/calendar/proposals/${prop.json().id}/confirm`, {})).statusCode,
    200,
  );
  // At once, not after the thread's own once-a-second check: the request thread counts its changes.
  const after = await acceptanceDue('thread-calendar-0002');
  assert.ok(after > before, `two more days off move the five-working-day limit (${before} → ${after})`);
});

test('on a file, tracking is answered from the read-only connection, also while a write transaction holds the other', async () => {
  const submitted = (await submit('track-while-writing')).json();
  const url = `/api/v1/track/${submitted.case.receiptNo}?code=${submitted.checkCode}`;
  const writing = await holdTransaction(t.db);
  try {
    // The transaction is released only after the lookup is answered, so a lookup that waited for it
    // would never be: the timer only ends such a test instead of leaving it hanging.
    const answer = await Promise.race([
      t.app.inject(url),
      new Promise<'waited'>((r) => setTimeout(() => r('waited'), 30_000).unref()),
    ]);
    assert.notEqual(answer, 'waited', 'the lookup did not wait for the transaction');
    if (answer === 'waited') return;
    assert.equal(answer.statusCode, 200);
    const body = answer.json();
    assert.equal(body.receiptNo, submitted.case.receiptNo);
    assert.equal(body.state, 'received');
    assert.equal(body.fees, null);
    assert.match(body.checkedAt, /^2026-11-30T/);
  } finally {
    writing.release();
    await writing.done;
  }
  const wrong = await t.app.inject({
    url: `/api/v1/track/${submitted.case.receiptNo}?code=WRONGCODE1`,
    remoteAddress: '10.9.9.9',
  });
  assert.equal(wrong.statusCode, 404, 'a wrong code is refused');
  assert.equal(
    (
      await t.db
        .selectFrom('guess_counters')
        .select('attempts')
        .where('key', '=', 'track:10.9.9.9')
        .executeTakeFirst()
    )?.attempts,
    1,
    'and counted',
  );
});

test('errors cross between threads with their code and fields', () => {
  const app = fromWire(
    toWire(
      new AppError('validation_failed', { summary: '/body/x' }, [
        { path: '/body/x', code: 'required', zh: '必填', en: 'required' },
      ]),
    ),
  );
  assert.ok(app instanceof AppError);
  assert.equal(app.status, 400);
  assert.deepEqual(app.fieldErrors, [{ path: '/body/x', code: 'required', zh: '必填', en: 'required' }]);
  const sqlite = Object.assign(
    new Error('UNIQUE constraint failed: idempotency_keys.scope, idempotency_keys.key'),
    { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' },
  );
  const back = fromWire(toWire(sqlite)) as Error & { code?: string };
  assert.equal(back.message, sqlite.message);
  assert.equal(back.code, 'SQLITE_CONSTRAINT_PRIMARYKEY');
});

test('a thread that dies is replaced by the next application, and the counts go on', async () => {
  const worker = thread.start();
  const before = { ...thread.stats };
  const exited = new Promise((r) => worker.once('exit', r));
  await worker.terminate();
  await exited;
  const r = await submit('thread-after-death-0001');
  assert.equal(r.statusCode, 201, r.body);
  assert.notEqual(thread.start(), worker, 'a new thread');
  assert.equal(
    thread.stats.units,
    before.units + 1,
    'the new thread counts on from what the old one committed',
  );
  assert.ok(thread.stats.batches > before.batches);
});

test('a thread that ends with applications in hand answers them 503 intake_interrupted; sent again with its key, the application makes one case', async () => {
  const worker = thread.start();
  const key = 'thread-interrupted-0001';
  // The write lock is held elsewhere: the thread's batch waits for it, with the application in hand.
  const writing = await holdTransaction(t.db);
  let answer;
  try {
    const sending = submit(key);
    // Until the thread has it, however long a loaded machine takes (30 s only ends a hang).
    for (const end = Date.now() + 30_000; thread.inHand === 0 && Date.now() < end;)
      await new Promise((r) => setTimeout(r, 5));
    assert.equal(thread.inHand, 1, 'the thread has the application');
    await worker.terminate();
    answer = await sending;
  } finally {
    writing.release();
    await writing.done;
  }
  assert.equal(answer.statusCode, 503, answer.body);
  assert.equal(answer.json().code, 'intake_interrupted');
  assert.equal(answer.headers['retry-after'], '1');
  assert.match(answer.json().detail, /Idempotency-Key/);
  const again = await submit(key);
  assert.equal(again.statusCode, 201, again.body);
  const replay = await submit(key);
  assert.equal(replay.statusCode, 200, 'a third sending finds the case');
  assert.equal(replay.json().case.id, again.json().case.id);
});

test('stopping lets the thread close its connection and end; nothing more is taken', async () => {
  const worker = thread.start();
  const exited = new Promise<number>((r) => worker.once('exit', r));
  const answer = await submit('thread-closing-0001');
  assert.equal(answer.statusCode, 201, answer.body);
  await thread.stop(); // what closing the database does first
  assert.equal(await exited, 0, 'the thread closed its connection and ended by itself');
  const refused = await submit('thread-closing-0002');
  assert.equal(refused.statusCode, 503, refused.body);
  assert.equal(refused.json().code, 'not_ready');
});
