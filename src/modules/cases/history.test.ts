import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { verifyChains } from './event-chain.js';
import { eventHashV1, globalHash } from './event-hash.js';
import { verifyHistory } from './verify-history.js';
import type { HistoryDownloadT } from './schemas-history.js';

let t: TestContext;
let clerk: Client;
let dir: string;
const root = path.resolve(import.meta.dirname, '../../..');

before(async () => {
  t = await createTestContext({ start: '2026-11-30T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  clerk = await new Client(t.app).login('clerk', DEMO_PASSWORD);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-history-'));
});
after(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** A window application with its paper materials: its receipt number, check code and id. */
async function windowCase() {
  const food = (
    await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json().items[0];
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${food.id}`)).json();
  const materials = guide.materials
    .filter(
      (m: { required: boolean; source: string }) =>
        m.required && ['applicant', 'window_check'].includes(m.source),
    )
    .map((m: { name: string }) => ({ name: m.name, paper: true }));
  const r = await clerk.req('POST', '/api/v1/cases', {
    itemId: food.id,
    applicant: { kind: 'person', name: '李四', idNumber: '11010519491231002X' },
    form: {},
    materials,
  });
  assert.equal(r.statusCode, 201, r.body);
  return {
    id: r.json().case.id as string,
    receiptNo: r.json().case.receiptNo as string,
    code: r.json().checkCode as string,
    version: r.json().case.version as number,
  };
}

const download = (receiptNo: string, code: string) =>
  t.app.inject(`/api/v1/track/${receiptNo}/history?code=${code}`);

/** `onewindow history verify FILE`, as an applicant would run it: no database, no network. */
function cliVerify(h: unknown) {
  const file = path.join(dir, `h-${Math.random().toString(16).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(h, null, 2));
  return spawnSync(process.execPath, [path.join(root, 'bin/onewindow.mjs'), 'history', 'verify', file], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir },
  });
}

test('an applicant downloads the history through tracking and verifies it; a tampered file names its first broken link', async () => {
  const c = await windowCase();
  const accepted = await clerk.req('POST', `/api/v1/cases/${c.id}/accept`, { version: c.version });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const withdrawn = await clerk.req('POST', `/api/v1/cases/${c.id}/withdraw`, {
    version: accepted.json().case.version,
    reason: '申请人李四本人来电撤回',
  });
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);

  const r = await download(c.receiptNo, c.code);
  assert.equal(r.statusCode, 200, r.body);
  assert.match(String(r.headers['content-disposition']), /^attachment; filename\*=UTF-8''history-/);
  const h = r.json() as HistoryDownloadT;
  assert.equal(h.eventCount, 3);
  assert.deepEqual(
    h.events.map((e) => [e.seq, e.kind, e.v]),
    [
      [1, 'submitted', 2],
      [2, 'accept', 2],
      [3, 'withdraw', 2],
    ],
  );
  // Every field the hash covers is there, the personal ones only as their commitment.
  const clerkId = (
    await t.db.selectFrom('users').select('id').where('username', '=', 'clerk').executeTakeFirstOrThrow()
  ).id;
  assert.ok(!r.body.includes(clerkId), "the clerk's id is not shown");
  assert.ok(!r.body.includes('李四'), 'nor the withdrawal reason that names the applicant');
  assert.ok(!r.body.includes('salt'));
  assert.deepEqual(h.events[2]!.personalFields, ['actorId', 'data.reason']);
  assert.equal(h.events[2]!.actorRole, 'clerk');
  const row = await t.db
    .selectFrom('cases')
    .select(['last_hash'])
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  assert.equal(h.latestHash, row.last_hash, 'the hash the tracking page shows');

  const ok = verifyHistory(h);
  assert.equal(ok.ok, true, JSON.stringify(ok));
  const cli = cliVerify(h);
  assert.equal(cli.status, 0, cli.stdout + cli.stderr);
  assert.match(cli.stdout, /history verify: OK — 3 events/);

  // The published head is where this history was read, or later.
  const head = (await t.app.inject('/api/v1/transparency/head')).json();
  assert.equal(head.height, h.globalHead.height);
  assert.equal(head.hash, h.globalHead.hash);
  assert.equal(h.events[2]!.globalSeq, head.height);
  assert.equal(h.events[2]!.globalHash, head.hash, 'the last event of this case is the global head');

  const altered = structuredClone(h);
  altered.events[1]!.data.dueDate = '2027-01-01';
  const bad = cliVerify(altered);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /BROKEN at event 2 \(accept\): its content does not match its hash/);
  const unlinked = structuredClone(h);
  unlinked.events.splice(1, 1);
  assert.match(JSON.stringify(verifyHistory(unlinked)), /event 2 here/);
  const swapped = structuredClone(h);
  swapped.events[0]!.commitment = swapped.events[2]!.commitment;
  assert.match(JSON.stringify(verifyHistory(swapped)), /event 1 \(submitted\): its content does not match/);
  const otherHead = structuredClone(h);
  otherHead.globalHead.hash = 'f'.repeat(64);
  assert.match(JSON.stringify(verifyHistory(otherHead)), /head hash differs/);

  assert.equal((await download(c.receiptNo, 'WRONGCODE1')).statusCode, 404, 'the check code is checked');

  // Signed in, whoever may read the case gets the same public form; others get nothing.
  const signedIn = await clerk.req('GET', `/api/v1/cases/${c.id}/history`);
  assert.equal(signedIn.statusCode, 200, signedIn.body);
  assert.deepEqual(signedIn.json().events, h.events);
  assert.ok(!signedIn.body.includes(clerkId));
  const stranger = await new Client(t.app).login('enterprise', DEMO_PASSWORD);
  assert.equal((await stranger.req('GET', `/api/v1/cases/${c.id}/history`)).statusCode, 403);
  assert.equal((await new Client(t.app).req('GET', `/api/v1/cases/${c.id}/history`)).statusCode, 401);
});

test('the commitment binds the personal fields: changing an actor in the database breaks audit verify', async () => {
  const c = await windowCase();
  assert.deepEqual((await verifyChains(t.db)).breaks, []);
  const original = await t.db
    .selectFrom('case_events')
    .select('actor_id')
    .where('case_id', '=', c.id)
    .where('seq', '=', 1)
    .executeTakeFirstOrThrow();
  await t.db
    .updateTable('case_events')
    .set({ actor_id: 'someone-else' })
    .where('case_id', '=', c.id)
    .where('seq', '=', 1)
    .execute();
  const r = await verifyChains(t.db);
  assert.deepEqual(
    r.breaks.map((b) => [b.caseId, b.seq, b.reason]),
    [[c.id, 1, 'content does not match its hash (altered)']],
  );
  await t.db
    .updateTable('case_events')
    .set({ actor_id: original.actor_id })
    .where('case_id', '=', c.id)
    .where('seq', '=', 1)
    .execute();
  assert.deepEqual((await verifyChains(t.db)).breaks, []);
});

test('events hashed with version 1 before commitments keep verifying, in audit verify and in a download', async () => {
  const c = await windowCase();
  // Append a version 1 event as it was written before: actor id and data in the clear.
  const cur = await t.db
    .selectFrom('cases')
    .select(['last_hash', 'event_count'])
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  const head = await t.db.selectFrom('event_chain_head').selectAll().executeTakeFirstOrThrow();
  const e = {
    caseId: c.id,
    seq: cur.event_count + 1,
    globalSeq: Number(head.global_seq) + 1,
    at: t.clock.now().toISOString(),
    actorId: 'u-legacy',
    actorRole: 'clerk',
    kind: 'note',
    data: { note: 'from before' },
  };
  const hash = eventHashV1(e, cur.last_hash!);
  const gHash = globalHash(e, hash, head.global_hash);
  await t.db
    .insertInto('case_events')
    .values({
      id: `legacy-${c.id}`,
      case_id: c.id,
      seq: e.seq,
      global_seq: e.globalSeq,
      at: e.at,
      actor_id: e.actorId,
      actor_role: e.actorRole,
      kind: e.kind,
      data: JSON.stringify(e.data),
      prev_hash: cur.last_hash!,
      hash,
      global_prev_hash: head.global_hash,
      global_hash: gHash,
      hash_version: 1,
      salt: null,
    })
    .execute();
  await t.db.updateTable('event_chain_head').set({ global_seq: e.globalSeq, global_hash: gHash }).execute();
  await t.db
    .updateTable('cases')
    .set({ last_hash: hash, event_count: e.seq })
    .where('id', '=', c.id)
    .execute();

  assert.deepEqual((await verifyChains(t.db)).breaks, []);
  const h = (await download(c.receiptNo, c.code)).json() as HistoryDownloadT;
  assert.deepEqual(
    h.events.map((x) => x.v),
    [2, 1],
  );
  assert.equal(h.events[1]!.actorId, 'u-legacy', 'version 1 can only be checked with what it hashed');
  assert.equal(verifyHistory(h).ok, true, JSON.stringify(verifyHistory(h)));
});
