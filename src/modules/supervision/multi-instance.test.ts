import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../../test/test-context.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { CalendarStore } from '../clock/calendar-store.js';
import { newClockRow } from '../clock/start-clock.js';
import { SupervisionRunner } from './supervision-runner.js';

let t: TestContext;
let second: DatabaseHandle | undefined;
after(async () => {
  await second?.close();
  await t.close();
});

/**
 * Two app instances on one database run supervision at the same moment over the same due clocks.
 * On PostgreSQL each has its own connection pool (as two servers would); each due clock must be
 * claimed by exactly one of them, so no signal, order or notification is raised twice.
 */
test(`two supervision workers on one ${TEST_DIALECT} database raise every signal and order exactly once`, async () => {
  t = await createTestContext({ start: '2026-11-26T02:00:00.000Z' });
  const N = 400;
  const cal = await t.calendars.get();
  const rows = Array.from({ length: N }, (_, i) =>
    newClockRow(cal, t.clock.now(), {
      subjectType: 'case',
      subjectId: `mi-${i}`,
      label: `件 ${i}`,
      limitDays: 3,
      yellowPct: 90,
    }),
  );
  for (let i = 0; i < rows.length; i += 100)
    await t.db
      .insertInto('clocks')
      .values(rows.slice(i, i + 100))
      .execute();
  t.clock.set('2026-12-15T02:00:00.000Z'); // every one of them overdue

  let otherHandle: DatabaseHandle = t.database;
  if (TEST_DIALECT === 'postgres') {
    const schema = await t.db
      .selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s'))
      .executeTakeFirstOrThrow();
    second = openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, pgSchema: schema.s, pgPoolSize: 4 });
    otherHandle = second;
  }
  const a = new SupervisionRunner(t.database, t.clock, new CalendarStore(t.db), { batchSize: 25 });
  const b = new SupervisionRunner(otherHandle, t.clock, new CalendarStore(otherHandle.db), { batchSize: 25 });
  const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
  const [ra2, rb2] = await Promise.all([a.drain(), b.drain()]);
  assert.equal(ra.red + rb.red, N, `instance A turned ${ra.red}, B ${rb.red}`);
  assert.equal(ra2.claimed + rb2.claimed, 0);
  if (TEST_DIALECT === 'postgres')
    assert.ok(ra.red > 0 && rb.red > 0, `both instances should share the work (A ${ra.red}, B ${rb.red})`);

  const count = async (table: 'supervision_signals' | 'supervision_orders' | 'notification_outbox') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  assert.equal(await count('supervision_signals'), N);
  assert.equal(await count('supervision_orders'), N);
  assert.equal(await count('notification_outbox'), N);
  const perClock = await t.db
    .selectFrom('clock_events')
    .select(['clock_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'colour_changed')
    .where(
      'clock_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('clock_id')
    .execute();
  assert.equal(perClock.length, N);
  assert.ok(
    perClock.every((r) => Number(r.n) === 1),
    'one colour change per clock',
  );
});
