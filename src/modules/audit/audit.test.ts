import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { staff, Client } from '../../../test/http.js';
import { audited, MissingAuditError, type UnitOfWork } from './audited-transaction.js';
import { systemActor } from '../../shared/actor.js';

let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

test('a change that writes no audit event is rolled back and fails loudly', async () => {
  await assert.rejects(
    audited(t.db, t.clock, systemActor('test'), async (uow) => {
      await uow.db
        .insertInto('synonyms')
        .values({ term: '悄悄', synonyms: '[]', updated_at: uow.nowIso })
        .execute();
    }),
    MissingAuditError,
  );
  assert.equal(
    await t.db.selectFrom('synonyms').selectAll().where('term', '=', '悄悄').executeTakeFirst(),
    undefined,
  );
});

test('the audit event commits with the change, carrying who, when and from where', async () => {
  await audited(
    t.db,
    t.clock,
    { id: 'u1', role: 'admin', departmentId: null, ip: '10.1.2.3' },
    async (uow) => {
      await uow.db
        .insertInto('synonyms')
        .values({ term: '明明', synonyms: '[]', updated_at: uow.nowIso })
        .execute();
      await uow.audit({
        action: 'synonyms.replaced',
        entityType: 'synonyms',
        entityId: 'all',
        data: { count: 1 },
      });
    },
  );
  const e = await t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('actor_id', '=', 'u1')
    .executeTakeFirstOrThrow();
  assert.equal(e.actor_ip, '10.1.2.3');
  assert.equal(e.at, t.clock.now().toISOString());
});

test('a failure after the audit event rolls back both', async () => {
  await assert.rejects(
    audited(t.db, t.clock, systemActor('test'), async (uow) => {
      await uow.audit({
        action: 'synonyms.replaced',
        entityType: 'synonyms',
        entityId: 'rollback-me',
        data: { count: 0 },
      });
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.equal(
    await t.db
      .selectFrom('audit_events')
      .select('id')
      .where('entity_id', '=', 'rollback-me')
      .executeTakeFirst(),
    undefined,
  );
});

test('only administrators and supervisors read the audit trail, filtered and paged', async () => {
  const sup = await staff(t, 'sup', 'supervisor');
  const adm = await staff(t, 'adm', 'admin');
  const appl = new Client(t.app);
  assert.equal((await appl.req('GET', '/api/v1/audit-events')).statusCode, 401);
  const page = await sup.req('GET', '/api/v1/audit-events?action=user.created&pageSize=1');
  assert.equal(page.statusCode, 200);
  assert.equal(page.json().items.length, 1);
  assert.equal(page.json().total, 2);
  assert.equal((await adm.req('GET', '/api/v1/audit-events?from=not-a-date')).statusCode, 400);
});

test('a unit the database broke off to end a deadlock runs again; its first try leaves nothing', async () => {
  let tries = 0;
  const kept = await audited(t.db, t.clock, systemActor('test'), async (uow) => {
    tries++;
    await uow.db
      .insertInto('synonyms')
      .values({ term: `重试${tries}`, synonyms: '[]', updated_at: uow.nowIso })
      .execute();
    await uow.audit({
      action: 'synonyms.replaced',
      entityType: 'synonyms',
      entityId: 'all',
      data: { count: tries },
    });
    if (tries === 1) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    return tries;
  });
  assert.equal(kept, 2);
  assert.equal(
    await t.db.selectFrom('synonyms').selectAll().where('term', '=', '重试1').executeTakeFirst(),
    undefined,
  );
  assert.ok(await t.db.selectFrom('synonyms').selectAll().where('term', '=', '重试2').executeTakeFirst());
  // Not forever, and nothing else is retried.
  let n = 0;
  await assert.rejects(
    audited(t.db, t.clock, systemActor('test'), async () => {
      n++;
      throw Object.assign(new Error('could not serialize'), { code: '40001' });
    }),
    /could not serialize/,
  );
  assert.equal(n, 3);
  let m = 0;
  await assert.rejects(
    audited(t.db, t.clock, systemActor('test'), async () => {
      m++;
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    }),
    /duplicate key/,
  );
  assert.equal(m, 1);
});

test('an audit event must carry the data of its action: the compiler refuses anything else', () => {
  // Type checking is the test (npm run typecheck fails if any of these compiles); this never runs.
  const typed = (uow: UnitOfWork) => {
    const e = { entityType: 'synonyms', entityId: 'all' };
    // @ts-expect-error synonyms.replaced carries { count }, nothing else
    void uow.audit({ ...e, action: 'synonyms.replaced', data: { n: 1 } });
    // @ts-expect-error an action must be in the list
    void uow.audit({ ...e, action: 'synonyms.shuffled', data: { count: 1 } });
    // @ts-expect-error an action with data needs its data
    void uow.audit({ ...e, action: 'item.withdrawn' });
    void uow.audit({ ...e, action: 'item.withdrawn', data: { reason: 'r' } });
  };
  assert.equal(typeof typed, 'function');
});
