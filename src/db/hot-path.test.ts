import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestContext, TEST_DIALECT } from '../../test/test-context.js';
import { audited, MissingAuditError } from '../modules/audit/audited-transaction.js';
import { systemActor } from '../shared/actor.js';
import { CommitGroup, commitGroupOf } from './commit-group.js';
import { insertAll, insertRows } from './insert-rows.js';
import { prepared } from './prepared.js';

const actor = systemActor('hot-path-test');

test('concurrent audited units share commits, and each one that fails fails alone', async () => {
  const ctx = await createTestContext();
  try {
    // On PostgreSQL no group is installed by default; the class works the same on either engine.
    const group = commitGroupOf(ctx.db) ?? new CommitGroup(ctx.db);
    const run = <T>(i: number, fail: 'throw' | 'no-audit' | null, out: T) =>
      group.run(async (trx) => {
        await trx
          .insertInto('counters')
          .values({ name: `unit-${i}`, value: i })
          .execute();
        if (fail === 'throw') throw new Error(`unit ${i} refuses`);
        if (fail !== 'no-audit')
          await trx
            .insertInto('audit_events')
            .values({
              id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
              at: '2026-11-26T02:00:00.000Z',
              actor_id: null,
              actor_role: 'system',
              actor_ip: null,
              action: 'test.unit',
              entity_type: 'counter',
              entity_id: `unit-${i}`,
              data: '{}',
            })
            .execute();
        return out;
      });
    const before = { ...group.stats };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => run(i, i % 7 === 3 ? 'throw' : null, i * 10)),
    );
    outcomes.forEach((o, i) => {
      if (i % 7 === 3) assert.equal(o.status, 'rejected', `unit ${i} should fail`);
      else assert.deepEqual(o, { status: 'fulfilled', value: i * 10 });
    });
    const rows = await ctx.db.selectFrom('counters').select('name').where('name', 'like', 'unit-%').execute();
    assert.deepEqual(
      rows.map((r) => r.name).sort(),
      Array.from({ length: 40 }, (_, i) => i)
        .filter((i) => i % 7 !== 3)
        .map((i) => `unit-${i}`)
        .sort(),
      'the failed units left nothing, the others are all there',
    );
    const batches = group.stats.batches - before.batches;
    assert.ok(
      batches >= 1 && batches < 40,
      `40 units arriving together were committed in ${batches} batches`,
    );
    assert.equal(group.stats.units - before.units, 40);
  } finally {
    await ctx.close();
  }
});

test('audited units in one batch see each other in arrival order, and a unit without its audit event is rolled back alone', async () => {
  const ctx = await createTestContext();
  try {
    const bump = () =>
      audited(ctx.db, ctx.clock, actor, async (uow) => {
        const r = await uow.db
          .insertInto('counters')
          .values({ name: 'shared', value: 1 })
          .onConflict((oc) =>
            oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })),
          )
          .returning('value')
          .executeTakeFirstOrThrow();
        const data = { receiptNo: 'shared', title: 'counter' };
        await uow.audit({ action: 'case.submit', entityType: 'counter', entityId: 'shared', data });
        return Number(r.value);
      });
    const silent = () =>
      audited(ctx.db, ctx.clock, actor, async (uow) => {
        await uow.db.insertInto('counters').values({ name: 'silent', value: 1 }).execute();
      });
    const results = await Promise.allSettled([bump(), bump(), silent(), bump(), bump()]);
    const values = results
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<number>).value);
    // With a commit group (SQLite) units run in arrival order; PostgreSQL's transactions may overtake.
    assert.deepEqual(commitGroupOf(ctx.db) ? values : values.sort(), [1, 2, 3, 4]);
    assert.ok((results[2] as PromiseRejectedResult).reason instanceof MissingAuditError);
    assert.equal(
      await ctx.db.selectFrom('counters').select('name').where('name', '=', 'silent').executeTakeFirst(),
      undefined,
    );
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'case.submit')
      .execute();
    assert.equal(audits.length, 4);
  } finally {
    await ctx.close();
  }
});

test('an optimistic group runs a batch without savepoints and, when a unit fails, runs it again unit by unit', async () => {
  const ctx = await createTestContext();
  try {
    const group = new CommitGroup(ctx.db, { name: 'optimistic-test', optimistic: true });
    const runs = new Map<number, number>();
    const unit = (i: number, fail: boolean) =>
      group.run(async (trx) => {
        runs.set(i, (runs.get(i) ?? 0) + 1);
        await trx
          .insertInto('counters')
          .values({ name: `opt-${i}`, value: i })
          .execute();
        if (fail) throw new Error(`unit ${i} refuses`);
        return i;
      });
    // All succeed: one pass.
    assert.deepEqual(
      await Promise.all(Array.from({ length: 10 }, (_, i) => unit(i, false))),
      Array.from({ length: 10 }, (_, i) => i),
    );
    assert.equal(group.stats.retried, 0);
    assert.ok(
      [...runs.values()].every((n) => n === 1),
      'each unit ran once',
    );
    // One fails: it fails alone, the others are kept, having run twice (the first pass was rolled back).
    runs.clear();
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => unit(100 + i, i === 4)));
    outcomes.forEach((o, i) => assert.equal(o.status, i === 4 ? 'rejected' : 'fulfilled'));
    const names = (
      await ctx.db.selectFrom('counters').select('name').where('name', 'like', 'opt-1__').execute()
    )
      .map((r) => r.name)
      .sort();
    assert.deepEqual(
      names,
      Array.from({ length: 10 }, (_, i) => 100 + i)
        .filter((i) => i !== 104)
        .map((i) => `opt-${i}`)
        .sort(),
    );
    assert.ok(group.stats.retried >= 1, 'the batch was run again');
    assert.ok(
      [...runs.values()].some((n) => n === 2),
      'units of the failed batch ran again',
    );
    assert.equal(group.stats.units, 20, 'every unit counted once, in the batch that was committed');
  } finally {
    await ctx.close();
  }
});

test(`insertRows writes exactly what Kysely's insert writes (${TEST_DIALECT})`, async () => {
  const ctx = await createTestContext();
  try {
    let n = 0;
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('测试', "o'hara", '"quoted"', '', '\\'),
    );
    const nullable = fc.option(text, { nil: null });
    const row = fc.record({
      actor_id: nullable,
      actor_role: text,
      actor_ip: fc.option(text, { nil: undefined }),
      action: text,
      entity_type: text,
      entity_id: text,
      data: text,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 5 }), async (rows) => {
        const run = ++n;
        const ids = (prefix: string) => rows.map((_, i) => `${prefix}-${run}-${i}`);
        await insertRows(
          ctx.db,
          'audit_events',
          rows.map((r, i) => ({ ...r, id: ids('fast')[i]!, at: '2026-11-26T02:00:00.000Z' })),
        );
        await ctx.db
          .insertInto('audit_events')
          .values(rows.map((r, i) => ({ ...r, id: ids('kysely')[i]!, at: '2026-11-26T02:00:00.000Z' })))
          .execute();
        const read = async (prefix: string) => {
          const got = await ctx.db
            .selectFrom('audit_events')
            .selectAll()
            .where('id', 'in', ids(prefix))
            .execute();
          return ids(prefix).map((id) => {
            const { id: _id, ...rest } = got.find((g) => g.id === id)!;
            return rest;
          });
        };
        assert.deepEqual(await read('fast'), await read('kysely'));
      }),
      { numRuns: 60 },
    );
  } finally {
    await ctx.close();
  }
});

test(`insertRows tells shapes apart by their columns and their order, in and out of a transaction (${TEST_DIALECT})`, async () => {
  const ctx = await createTestContext();
  try {
    const base = {
      at: '2026-11-26T02:00:00.000Z',
      actor_role: 'system',
      action: 'shape.test',
      entity_type: 'test',
      data: '{}',
    };
    await insertRows(ctx.db, 'audit_events', { id: 'shape-1', ...base, entity_id: 'one', actor_id: 'u1' });
    await insertRows(ctx.db, 'audit_events', { id: 'shape-2', ...base, entity_id: 'two' }); // one column fewer
    await insertRows(ctx.db, 'audit_events', { actor_id: 'u3', entity_id: 'three', ...base, id: 'shape-3' }); // the same columns in another order
    await ctx.db.transaction().execute(async (trx) => {
      await insertRows(trx, 'audit_events', { actor_id: 'u4', entity_id: 'four', ...base, id: 'shape-4' });
      await insertRows(trx, 'audit_events', { id: 'shape-5', ...base, entity_id: 'five' });
      await insertRows(trx, 'audit_events', [
        { id: 'shape-6', ...base, entity_id: 'six', actor_id: 'u6' },
        { id: 'shape-7', ...base, entity_id: 'seven', actor_id: 'u7' },
      ]);
    });
    const got = await ctx.db
      .selectFrom('audit_events')
      .select(['id', 'entity_id', 'actor_id'])
      .where('action', '=', 'shape.test')
      .orderBy('id')
      .execute();
    assert.deepEqual(got, [
      { id: 'shape-1', entity_id: 'one', actor_id: 'u1' },
      { id: 'shape-2', entity_id: 'two', actor_id: null },
      { id: 'shape-3', entity_id: 'three', actor_id: 'u3' },
      { id: 'shape-4', entity_id: 'four', actor_id: 'u4' },
      { id: 'shape-5', entity_id: 'five', actor_id: null },
      { id: 'shape-6', entity_id: 'six', actor_id: 'u6' },
      { id: 'shape-7', entity_id: 'seven', actor_id: 'u7' },
    ]);
  } finally {
    await ctx.close();
  }
});

test(`insertAll writes what inserts one after another write, parents and children in one go (${TEST_DIALECT})`, async () => {
  const ctx = await createTestContext();
  try {
    let n = 0;
    const text = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('测试', "o'hara", '$1', '$$', '\\'));
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 4 }),
        fc.array(text, { minLength: 0, maxLength: 3 }),
        async (labels, data) => {
          const run = ++n;
          const write = async (prefix: string, via: 'all' | 'one-by-one') => {
            const clockId = `${prefix}-clock-${run}`;
            const clocks = [
              {
                id: clockId,
                subject_type: 'test',
                subject_id: `s-${run}`,
                parent_id: null,
                label: labels.join('|'),
                department_id: null,
                item_id: null,
                start_date: '2026-11-26',
                limit_days: 5,
                extension_days: 0,
                extensions_count: 0,
                max_extension_days: 0,
                max_extensions: 0,
                paused_days: 0,
                status: 'running',
                paused_since: null,
                yellow_pct: 90,
                started_at: '2026-11-26T02:00:00.000Z',
                stopped_at: null,
                outcome: null,
                due_date: '2026-12-03',
                provisional: 0,
                yellow_at: '2026-12-02T16:00:00.000Z',
                overdue_at: '2026-12-03T16:00:00.000Z',
                colour: 'green',
                next_check_at: '2026-12-02T16:00:00.000Z',
                updated_at: '2026-11-26T02:00:00.000Z',
                version: 1,
              },
            ];
            // Children (events) of the clock in the same call: on PostgreSQL one statement, foreign keys checked at its end.
            const events = data.map((d, i) => ({
              id: `${prefix}-ev-${run}-${i}`,
              clock_id: clockId,
              seq: i + 1,
              at: '2026-11-26T02:00:00.000Z',
              kind: 'started',
              actor_id: null,
              data: JSON.stringify({ d }),
            }));
            const audits = labels.map((l, i) => ({
              id: `${prefix}-au-${run}-${i}`,
              at: '2026-11-26T02:00:00.000Z',
              actor_id: null,
              actor_role: 'system',
              actor_ip: null,
              action: l,
              entity_type: 'clock',
              entity_id: clockId,
              data: '{}',
            }));
            const parts = [
              { table: 'clocks' as const, rows: clocks },
              { table: 'clock_events' as const, rows: events },
              { table: 'audit_events' as const, rows: audits },
            ];
            if (via === 'all') await insertAll(ctx.db, parts);
            else
              for (const p of parts)
                if (p.rows.length)
                  await ctx.db
                    .insertInto(p.table)
                    .values(p.rows as never)
                    .execute();
            return clockId;
          };
          const read = async (prefix: string, clockId: string) => ({
            clock: await ctx.db
              .selectFrom('clocks')
              .select(['label', 'due_date', 'colour'])
              .where('id', '=', clockId)
              .execute(),
            events: await ctx.db
              .selectFrom('clock_events')
              .select(['seq', 'data'])
              .where('clock_id', '=', clockId)
              .orderBy('seq')
              .execute(),
            audits: (
              await ctx.db
                .selectFrom('audit_events')
                .select(['id', 'action'])
                .where('entity_id', '=', clockId)
                .orderBy('id')
                .execute()
            ).map((a) => ({ ...a, id: a.id.slice(prefix.length) })),
          });
          const fast = await write('all', 'all');
          const plain = await write('one', 'one-by-one');
          assert.deepEqual(await read('all', fast), await read('one', plain));
        },
      ),
      { numRuns: 40 },
    );
    // A child whose parent is in no part is refused, and nothing of the call is left.
    await assert.rejects(
      ctx.db.transaction().execute((trx) =>
        insertAll(trx, [
          {
            table: 'audit_events',
            rows: {
              id: 'orphan-audit',
              at: '2026-11-26T02:00:00.000Z',
              actor_id: null,
              actor_role: 'system',
              actor_ip: null,
              action: 'x',
              entity_type: 'clock',
              entity_id: 'none',
              data: '{}',
            },
          },
          {
            table: 'clock_events',
            rows: {
              id: 'orphan-event',
              clock_id: 'no-such-clock',
              seq: 1,
              at: '2026-11-26T02:00:00.000Z',
              kind: 'started',
              actor_id: null,
              data: '{}',
            },
          },
        ]),
      ),
    );
    assert.equal(
      (await ctx.db.selectFrom('audit_events').select('id').where('id', '=', 'orphan-audit').execute())
        .length,
      0,
    );
  } finally {
    await ctx.close();
  }
});

test('prepared queries give the same rows as building them, and a builder whose parameters are not its arguments in order is refused', async () => {
  const ctx = await createTestContext();
  try {
    await ctx.db
      .insertInto('counters')
      .values([
        { name: 'a', value: 1 },
        { name: 'b', value: 2 },
        { name: 'c', value: 3 },
      ])
      .execute();
    const between = prepared((db, lo: number, hi: number) =>
      db
        .selectFrom('counters')
        .select(['name', 'value'])
        .where('value', '>=', lo)
        .where('value', '<=', hi)
        .orderBy('name'),
    );
    for (const [lo, hi] of [
      [1, 2],
      [3, 3],
      [2, 3],
      [1, 3],
      [0, 0],
    ] as const) {
      const built = await ctx.db
        .selectFrom('counters')
        .select(['name', 'value'])
        .where('value', '>=', lo)
        .where('value', '<=', hi)
        .orderBy('name')
        .execute();
      assert.deepEqual(await between(ctx.db, lo, hi), built);
    }
    // Arguments used in the opposite order, or a constant slipped in as a parameter: refused.
    const reversed = prepared((db, hi: number, lo: number) =>
      db.selectFrom('counters').select(['name', 'value']).where('value', '>=', lo).where('value', '<=', hi),
    );
    await assert.rejects(reversed(ctx.db, 3, 1), /not its arguments in order/);
    const constant = prepared((db, name: string) =>
      db.selectFrom('counters').select('value').where('name', '=', name).where('value', '>', 0),
    );
    await assert.rejects(constant(ctx.db, 'a'), /not its arguments in order/);
    // Equal arguments cannot show the order; the query runs (built) until a call can.
    const same = prepared((db, a: number, b: number) =>
      db.selectFrom('counters').select('name').where('value', '>=', a).where('value', '<=', b),
    );
    assert.deepEqual(await same(ctx.db, 2, 2), [{ name: 'b' }]);
  } finally {
    await ctx.close();
  }
});
