import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { fromJson } from '../../shared/json.js';
import { seeded, walkIn } from '../fees/fee-test-support.js';

let t: TestContext;
let clerk: Client;
before(async () => {
  let demo: (u: string) => Promise<Client>;
  ({ t, demo } = await seeded());
  clerk = await demo('clerk');
});
after(() => t.close());

const caseVersion = async (id: string): Promise<number> =>
  (await clerk.req('GET', `/api/v1/cases/${id}`)).json().version;

test('a first inquiry about an item that does not exist is refused with the field named', async () => {
  const ask = (itemId: string) =>
    clerk.req('POST', '/api/v1/inquiries', { personName: '孙女士', question: '需要什么材料？', itemId });
  const unknown = await ask('no-such-item-0001');
  assert.equal(unknown.statusCode, 400, unknown.body);
  assert.deepEqual(
    unknown.json().errors.map((e: { path: string; code: string }) => [e.path, e.code]),
    [['/body/itemId', 'unknown_item']],
  );
  const { itemId } = await walkIn(t, clerk, '普通护照签发');
  assert.equal((await ask(itemId)).statusCode, 201);
});

test('the acceptance notice names the window the guide and the tracking page name', async () => {
  const c = await walkIn(t, clerk, '食品经营许可');
  const accepted = await clerk.req('POST', `/api/v1/cases/${c.caseId}/accept`, {
    version: await caseVersion(c.caseId),
  });
  assert.equal(accepted.statusCode, 200, accepted.body);
  const notice = await t.db
    .selectFrom('documents')
    .select('content')
    .where('case_id', '=', c.caseId)
    .where('kind', '=', 'acceptance_notice')
    .executeTakeFirstOrThrow();
  const tracked = (await t.app.inject(`/api/v1/track/${c.receiptNo}?code=${c.checkCode}`)).json();
  assert.equal(c.guide.window, 'E04');
  assert.equal(tracked.window, 'E04');
  assert.equal(fromJson<{ window: string }>(notice.content, { window: '' }).window, 'E04');
});

test('after a supplement, only required materials are still missing; a second notice is not the one-time notice', async () => {
  const hit = (
    await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json().items[0];
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${hit.id}`)).json();
  const c0 = (
    await clerk.req('POST', '/api/v1/cases', {
      itemId: hit.id,
      applicant: { kind: 'person', name: '赵六', idNumber: '11010519491231002X' },
      form: {},
      materials: [],
    })
  ).json().case;
  const n1 = await clerk.req('POST', `/api/v1/cases/${c0.id}/supplement-request`, {
    version: c0.version,
    items: [{ name: '营业执照', requirement: '加盖公章' }],
  });
  assert.equal(n1.statusCode, 200, n1.body);
  const s1 = await clerk.req('POST', `/api/v1/cases/${c0.id}/supplement`, {
    version: n1.json().case.version,
    materials: [{ name: '营业执照', paper: true }],
  });
  assert.equal(s1.statusCode, 200, s1.body);
  const required = new Set(
    guide.materials.filter((m: { required: boolean }) => m.required).map((m: { name: string }) => m.name),
  );
  const stillMissing: string[] = s1.json().result.stillMissing;
  assert.ok(stillMissing.length > 0);
  assert.deepEqual(
    stillMissing.filter((n) => !required.has(n)),
    [],
    'optional materials are not missing',
  );
  const n2 = await clerk.req('POST', `/api/v1/cases/${c0.id}/supplement-request`, {
    version: s1.json().case.version,
    items: [{ name: '主要设备设施清单', requirement: '逐项列明' }],
    reason: '首次审查遗漏',
  });
  assert.equal(n2.statusCode, 200, n2.body);
  const notices = await t.db
    .selectFrom('notification_outbox')
    .select(['payload', 'created_at'])
    .where('subject_id', '=', c0.id)
    .where('kind', '=', 'supplement_requested')
    .orderBy('created_at')
    .execute();
  assert.deepEqual(
    notices.map((n) => fromJson<{ seq?: number; reason?: string }>(n.payload, {})),
    [
      { receiptNo: c0.receiptNo, title: c0.title, materials: ['营业执照'], seq: 1 },
      {
        receiptNo: c0.receiptNo,
        title: c0.title,
        materials: ['主要设备设施清单'],
        seq: 2,
        reason: '首次审查遗漏',
      },
    ],
  );
});
