import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { systemActor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { audited } from './audited-transaction.js';
import { startClock } from '../clock/start-clock.js';
import { runSupervisionTick } from '../supervision/run-supervision-tick.js';
import { expandOutbox } from '../notifications/expand-outbox.js';
import { claimDeliveries } from '../notifications/claim-deliveries.js';
import { settleDeliveries } from '../notifications/settle-deliveries.js';
import { announceChannels } from '../notifications/announce-channels.js';

/**
 * Background work changes state through audited() like any use case: while the database refuses
 * audit rows, each pass fails and leaves nothing behind (its event is in the same transaction as its
 * change); once it accepts them, each pass writes its change and its event as the system.
 */
let t: TestContext;
before(async () => {
  t = await createTestContext();
});
after(() => t.close());

async function refuseAudit(on: boolean) {
  if (TEST_DIALECT === 'sqlite') {
    if (on)
      await sql`create trigger refuse_audit before insert on audit_events begin select raise(abort, 'audit refused'); end`.execute(
        t.db,
      );
    else await sql`drop trigger refuse_audit`.execute(t.db);
    return;
  }
  if (on) {
    await sql`create or replace function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(
      t.db,
    );
    await sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`.execute(
      t.db,
    );
  } else await sql`drop trigger refuse_audit on audit_events`.execute(t.db);
}

/** Runs the pass with audit rows refused (it must fail), then accepted; returns the second result. */
async function refusedThenAccepted<T>(pass: () => Promise<T>, unchanged: () => Promise<void>): Promise<T> {
  await refuseAudit(true);
  try {
    await assert.rejects(pass(), /audit refused/);
  } finally {
    await refuseAudit(false);
  }
  await unchanged();
  return pass();
}

const events = (action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['actor_role', 'entity_id', 'data'])
    .where('action', '=', action)
    .execute();

test('the supervision pass writes its clocks and its event together', async () => {
  const cal = await t.calendars.get();
  const clock = await audited(t.db, t.clock, systemActor('test'), async (uow) => {
    const k = await startClock(uow, cal, {
      subjectType: 'case',
      subjectId: 'bg-1',
      label: '后台',
      limitDays: 1,
    });
    const data = { claimed: 0, yellow: 0, red: [], recovered: 0 };
    await uow.audit({ action: 'supervision.swept', entityType: 'clock', entityId: k.id, data });
    return k;
  });
  t.clock.advance(10 * 86_400_000);
  const colour = async () =>
    (await t.db.selectFrom('clocks').select('colour').where('id', '=', clock.id).executeTakeFirstOrThrow())
      .colour;
  const before = (await events('supervision.swept')).length;
  const r = await refusedThenAccepted(
    () => runSupervisionTick(t.db, t.clock, cal, { dialect: TEST_DIALECT }),
    async () => assert.equal(await colour(), 'green'),
  );
  assert.ok(r.claimed >= 1 && r.red >= 1);
  assert.equal(await colour(), 'red');
  const swept = (await events('supervision.swept')).slice(before);
  assert.equal(swept.length, 1);
  assert.equal(swept[0]!.actor_role, 'system:supervision');
  assert.ok(JSON.parse(swept[0]!.data).red.includes(clock.id));
  // Nothing due: nothing changes, and no event is written.
  assert.equal((await runSupervisionTick(t.db, t.clock, cal, { dialect: TEST_DIALECT })).claimed, 0);
  assert.equal((await events('supervision.swept')).length, before + 1);
});

test('notification expansion, claims, settlements and channel announcements write their events with their changes', async () => {
  const nowIso = t.clock.now().toISOString();
  const outbox = newId();
  await t.db
    .insertInto('notification_outbox')
    .values({
      id: outbox,
      kind: 'no_such_kind',
      recipient_type: 'user',
      recipient_id: null,
      subject_type: 'case',
      subject_id: 'bg-2',
      payload: '{}',
      status: 'pending',
      attempts: 0,
      next_attempt_at: nowIso,
      created_at: nowIso,
    })
    .execute();
  const status = async () =>
    (
      await t.db
        .selectFrom('notification_outbox')
        .select('status')
        .where('id', '=', outbox)
        .executeTakeFirstOrThrow()
    ).status;
  const expanded = await refusedThenAccepted(
    () => expandOutbox(t.db, t.clock, new Map(), { dialect: TEST_DIALECT, batchSize: 10 }),
    async () => assert.equal(await status(), 'pending'),
  );
  assert.ok(expanded.rejected >= 1);
  assert.equal(await status(), 'failed');
  assert.equal((await events('notification.expanded')).at(-1)!.actor_role, 'system:notifications');
  assert.ok((await events('notification.rejected')).some((e) => e.entity_id === outbox));

  const delivery = newId();
  await t.db
    .insertInto('notification_deliveries')
    .values({
      id: delivery,
      outbox_id: outbox,
      channel: 'email',
      address: 'someone@example.org',
      status: 'pending',
      attempts: 0,
      last_error: null,
      next_attempt_at: nowIso,
      delivered_at: null,
      created_at: nowIso,
    })
    .execute();
  const row = () =>
    t.db
      .selectFrom('notification_deliveries')
      .select(['status', 'attempts'])
      .where('id', '=', delivery)
      .executeTakeFirstOrThrow();
  const claim = () =>
    claimDeliveries(t.db, t.clock, { dialect: TEST_DIALECT, batchSize: 10, channels: ['email'] });
  const claimed = await refusedThenAccepted(claim, async () => assert.equal((await row()).attempts, 0));
  const ours = claimed.find((d) => d.id === delivery)!;
  assert.ok(ours);
  assert.equal((await row()).attempts, 1);
  assert.equal((await events('notification.deliveries_claimed')).length, 1);

  await refusedThenAccepted(
    () => settleDeliveries(t.db, t.clock, [{ delivery: ours, ok: true }]),
    async () => assert.equal((await row()).status, 'pending'),
  );
  assert.equal((await row()).status, 'delivered');
  const settled = (await events('notification.deliveries_settled')).at(-1)!;
  assert.deepEqual(JSON.parse(settled.data).delivered, [delivery]);
  // Nothing left to claim: nothing changes, and no event is written.
  assert.deepEqual(await claim(), []);
  assert.equal((await events('notification.deliveries_claimed')).length, 1);

  const announced = () =>
    t.db.selectFrom('notification_channels').select('channel').where('channel', '=', 'sms').execute();
  await refusedThenAccepted(
    () => announceChannels(t.db, t.clock, ['sms']),
    async () => assert.equal((await announced()).length, 0),
  );
  assert.equal((await announced()).length, 1);
  const announcement = (await events('notification.channels_announced')).at(-1)!;
  assert.deepEqual(JSON.parse(announcement.data), { channels: ['sms'] });
});
