import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { expandOutbox } from './expand-outbox.js';
import { inboxChannel } from './channels/inbox-channel.js';
import { Client, staff } from '../../../test/http.js';
import { enqueueNotifications } from '../supervision/signals.js';

let t: TestContext;
let alice: Client;
let bob: Client;
const ids: Record<string, string> = {};
before(async () => {
  t = await createTestContext();
  alice = await staff(t, 'alice', 'supervisor');
  bob = await staff(t, 'bob', 'supervisor');
  for (const u of await t.db.selectFrom('users').select(['id', 'username']).execute()) ids[u.username] = u.id;
  await t.db.updateTable('users').set({ locale: 'en' }).where('username', '=', 'alice').execute();
  // Through the real worker (inbox channel only, as the test context's configuration has no SMTP or SMS).
  await enqueueNotifications(
    t.db,
    [
      {
        kind: 'supervision_order_answered',
        recipientType: 'user',
        recipientId: ids.alice!,
        subjectType: 'supervision_order',
        subjectId: 'o-1',
        payload: { answer: 'first' },
      },
      {
        kind: 'supervision_order_answered',
        recipientType: 'user',
        recipientId: ids.bob!,
        subjectType: 'supervision_order',
        subjectId: 'o-2',
        payload: { answer: 'for bob' },
      },
    ],
    t.clock.now().toISOString(),
  );
  t.clock.advance(60_000);
  await enqueueNotifications(
    t.db,
    [
      {
        kind: 'supervision_order_answered',
        recipientType: 'user',
        recipientId: ids.alice!,
        subjectType: 'supervision_order',
        subjectId: 'o-3',
        payload: { answer: 'second' },
      },
    ],
    t.clock.now().toISOString(),
  );
  const pass = await t.notifications.drain();
  assert.equal(pass.delivered, 3);
});
after(() => t.close());

test('the inbox routes are in the OpenAPI document', async () => {
  const doc = (await t.app.inject('/api/v1/openapi.json')).json();
  assert.ok(doc.paths['/api/v1/inbox'].get.parameters.some((p: { name: string }) => p.name === 'unread'));
  assert.ok(doc.paths['/api/v1/inbox/{id}/read'].post);
});

test('a visitor who is not logged in has no inbox: 401 problem+json', async () => {
  const anon = new Client(t.app);
  const list = await anon.req('GET', '/api/v1/inbox');
  assert.equal(list.statusCode, 401);
  assert.equal(list.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(list.json().code, 'unauthenticated');
  const anyId = (await t.db.selectFrom('inbox_messages').select('id').executeTakeFirstOrThrow()).id;
  assert.equal((await anon.req('POST', `/api/v1/inbox/${anyId}/read`)).statusCode, 401);
});

test('the inbox lists only your own messages, newest first, paged, with the unread count', async () => {
  const res = await alice.req('GET', '/api/v1/inbox');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.total, 2);
  assert.equal(body.unread, 2);
  assert.deepEqual(
    body.items.map((m: { subjectId: string }) => m.subjectId),
    ['o-3', 'o-1'],
  );
  assert.equal(body.items[0].title, 'Supervision order answered', 'in the English of her locale');
  assert.match(body.items[0].body, /second/);
  assert.equal(body.items[0].readAt, null);
  assert.equal(body.items[0].userId, undefined, 'the owner id stays on the server');
  const page2 = (await alice.req('GET', '/api/v1/inbox?page=2&pageSize=1')).json();
  assert.deepEqual(
    [page2.total, page2.items.length, page2.items[0].subjectId, page2.page, page2.pageSize],
    [2, 1, 'o-1', 2, 1],
  );
  const bobs = (await bob.req('GET', '/api/v1/inbox')).json();
  assert.deepEqual(
    bobs.items.map((m: { subjectId: string; title: string }) => [m.subjectId, m.title]),
    [['o-2', '督办单已答复']],
  );
  assert.equal((await alice.req('GET', '/api/v1/inbox?pageSize=500')).statusCode, 400);
});

test("you mark your own message read, once; someone else's is refused and an unknown one is 404", async () => {
  const [newest, oldest] = (await alice.req('GET', '/api/v1/inbox')).json().items as { id: string }[];
  const bobsId = (await bob.req('GET', '/api/v1/inbox')).json().items[0].id as string;

  const other = await alice.req('POST', `/api/v1/inbox/${bobsId}/read`);
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().code, 'forbidden');
  assert.equal((await bob.req('GET', '/api/v1/inbox')).json().unread, 1, "bob's message is still unread");

  const missing = await alice.req('POST', '/api/v1/inbox/no-such-message/read', undefined, {
    'accept-language': 'en',
  });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().detail, 'Inbox message not found: no-such-message');

  const read = await alice.req('POST', `/api/v1/inbox/${oldest!.id}/read`);
  assert.equal(read.statusCode, 200, read.body);
  assert.equal(read.json().message.readAt, t.clock.now().toISOString());
  assert.equal(read.json().unread, 1);
  t.clock.advance(5_000);
  const again = await alice.req('POST', `/api/v1/inbox/${oldest!.id}/read`);
  assert.equal(again.json().message.readAt, read.json().message.readAt, 'reading again keeps the first time');

  const unreadOnly = (await alice.req('GET', '/api/v1/inbox?unread=true')).json();
  assert.deepEqual(
    [unreadOnly.total, unreadOnly.unread, unreadOnly.items.map((m: { id: string }) => m.id)],
    [1, 1, [newest!.id]],
  );
  const audit = await t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'entity_id'])
    .where('action', '=', 'notification.read')
    .execute();
  assert.deepEqual(
    audit,
    [{ actor_id: ids.alice, entity_id: oldest!.id }],
    'one audit event, for the one change',
  );
});

test(
  'SQLite: a notice another writer took while this one was planning is not expanded again',
  { skip: TEST_DIALECT !== 'sqlite' && 'the SQLite path plans outside the transaction' },
  async () => {
    await enqueueNotifications(
      t.db,
      [
        {
          kind: 'supervision_order_answered',
          recipientType: 'user',
          recipientId: ids.bob!,
          subjectType: 'supervision_order',
          subjectId: 'o-taken',
          payload: { answer: 'taken elsewhere' },
        },
        {
          kind: 'supervision_order_answered',
          recipientType: 'user',
          recipientId: ids.bob!,
          subjectType: 'supervision_order',
          subjectId: 'o-left',
          payload: { answer: 'left for us' },
        },
      ],
      t.clock.now().toISOString(),
    );
    const taken = (
      await t.db
        .selectFrom('notification_outbox')
        .select('id')
        .where('subject_id', '=', 'o-taken')
        .executeTakeFirstOrThrow()
    ).id;
    const r = await expandOutbox(t.db, t.clock, new Map([['inbox', inboxChannel(t.db)]]), {
      dialect: 'sqlite',
      batchSize: 100,
      // Between the reads and the write: another worker expands one of the two.
      beforeWrite: async () => {
        await t.db
          .updateTable('notification_outbox')
          .set({ status: 'expanded' })
          .where('id', '=', taken)
          .execute();
      },
    });
    assert.equal(r.claimed, 1, 'only the row still pending is expanded');
    assert.equal(r.delivered, 1);
    const inbox = await t.db
      .selectFrom('inbox_messages')
      .select('subject_id')
      .where('user_id', '=', ids.bob!)
      .where('subject_id', 'in', ['o-taken', 'o-left'])
      .execute();
    assert.deepEqual(
      inbox.map((m) => m.subject_id),
      ['o-left'],
    );
    const deliveries = await t.db
      .selectFrom('notification_deliveries')
      .select('outbox_id')
      .where('outbox_id', '=', taken)
      .execute();
    assert.equal(deliveries.length, 0, 'no delivery for the row the other writer took');
  },
);

test('a message reads in the language its reader asks for, whatever it was written in', async () => {
  const zh = (await bob.req('GET', '/api/v1/inbox', undefined, { 'accept-language': 'zh-CN' })).json();
  assert.equal(zh.items[0].title, '督办单已答复');
  const en = (await bob.req('GET', '/api/v1/inbox', undefined, { 'accept-language': 'en' })).json();
  assert.equal(
    en.items[0].title,
    'Supervision order answered',
    "bob's account is Chinese; he asked in English",
  );
  assert.match(en.items[0].body, /^The department head has answered/);
  const stored = await t.db
    .selectFrom('inbox_messages')
    .select('title')
    .where('id', '=', en.items[0].id)
    .executeTakeFirstOrThrow();
  assert.equal(stored.title, '督办单已答复', 'the stored text stays as written');
});
