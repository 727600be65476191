import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, TEST_DIALECT } from '../../test/test-context.js';
import { CommitGroup } from './commit-group.js';
import { compiledRows, insertAll, insertRows, runWrite } from './insert-rows.js';
import { tablesOf } from './postgres/write-buffer.js';

const start = () => new Promise((r) => setImmediate(r));

test(`a batch's held writes are seen by every later statement, in order, and nothing is lost (${TEST_DIALECT})`, async () => {
  const ctx = await createTestContext();
  try {
    const group = new CommitGroup(ctx.db, { name: 'held-test', optimistic: true });
    await insertRows(ctx.db, 'counters', { name: 'total', value: 0 });
    // Each unit inserts its row (held), moves a shared row by key (held), then reads both tables:
    // it must see its own writes and those of the units before it in the batch.
    const unit = (i: number) =>
      group.run(async (trx) => {
        await insertAll(trx, [
          { table: 'counters', rows: { name: `held-${i}`, value: i } },
          { table: 'counters', rows: [{ name: `held-${i}-b`, value: -i }] },
        ]);
        await runWrite(
          trx,
          trx
            .updateTable('counters')
            .set((eb) => ({ value: eb('value', '+', i) }))
            .where('name', '=', 'total'),
        );
        const seen = await trx
          .selectFrom('counters')
          .select((eb) => [eb.fn.countAll<number>().as('n')])
          .where('name', 'like', 'held-%')
          .executeTakeFirstOrThrow();
        const total = await trx
          .selectFrom('counters')
          .select('value')
          .where('name', '=', 'total')
          .executeTakeFirstOrThrow();
        return { seen: Number(seen.n), total: Number(total.value) };
      });
    const units = Array.from({ length: 12 }, (_, i) => i + 1);
    const out = await Promise.all(units.map((i) => unit(i)));
    // Units of a batch run in arrival order; a later batch sees every earlier one.
    out.forEach((o, k) => {
      assert.equal(o.seen, 2 * (k + 1), `unit ${k + 1} sees the rows of the units up to itself`);
      assert.equal(o.total, ((k + 1) * (k + 2)) / 2, `unit ${k + 1} sees the shared row moved up to itself`);
    });
    const rows = await ctx.db
      .selectFrom('counters')
      .select(['name', 'value'])
      .where('name', 'like', 'held-%')
      .execute();
    assert.equal(rows.length, 24);
    assert.equal(
      (
        await ctx.db
          .selectFrom('counters')
          .select('value')
          .where('name', '=', 'total')
          .executeTakeFirstOrThrow()
      ).value,
      78,
    );
    if (TEST_DIALECT === 'postgres') {
      assert.ok(group.held.batches >= 1, 'the batches held their writes');
      assert.ok(
        group.held.statements < group.held.writes,
        `${group.held.writes} writes went in ${group.held.statements} statements`,
      );
    }
  } finally {
    await ctx.close();
  }
});

test(`a held write that fails fails its own unit only, after the batch runs again unit by unit (${TEST_DIALECT})`, async () => {
  const ctx = await createTestContext();
  try {
    const group = new CommitGroup(ctx.db, { name: 'held-fail-test', optimistic: true });
    await insertRows(ctx.db, 'counters', { name: 'taken', value: 1 });
    const unit = (i: number, name: string) =>
      group.run(async (trx) => {
        // Held on PostgreSQL: the duplicate is found by whatever statement carries it.
        await insertRows(trx, 'counters', { name, value: i });
        await trx.selectFrom('counters').select('name').where('name', '=', 'taken').execute();
        return i;
      });
    await start();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => unit(i, i === 3 ? 'taken' : `ok-${i}`)),
    );
    outcomes.forEach((o, i) => {
      if (i === 3) assert.equal(o.status, 'rejected', 'the duplicate fails');
      else assert.deepEqual(o, { status: 'fulfilled', value: i });
    });
    assert.match(String((outcomes[3] as PromiseRejectedResult).reason), /unique|duplicate|constraint/i);
    assert.ok(group.stats.retried >= 1, 'the batch with the duplicate ran again unit by unit');
    const names = (await ctx.db.selectFrom('counters').select('name').where('name', 'like', 'ok-%').execute())
      .map((r) => r.name)
      .sort();
    assert.deepEqual(names, ['ok-0', 'ok-1', 'ok-2', 'ok-4', 'ok-5', 'ok-6', 'ok-7']);
    // A batch whose last write fails at its flush, before the commit, fails too and nothing of it stays.
    const last = await Promise.allSettled([
      group.run(async (trx) => insertRows(trx, 'counters', { name: 'flush-ok', value: 1 })),
      group.run(async (trx) => insertRows(trx, 'counters', { name: 'taken', value: 2 })),
    ]);
    assert.equal(last[0].status, 'fulfilled');
    assert.equal(last[1].status, 'rejected');
    const taken = await ctx.db.selectFrom('counters').select('value').where('name', '=', 'taken').execute();
    assert.deepEqual(taken, [{ value: 1 }]);
    assert.equal(
      (await ctx.db.selectFrom('counters').select('name').where('name', '=', 'flush-ok').execute()).length,
      1,
    );
  } finally {
    await ctx.close();
  }
});

test(`rows merged from several writes are the rows Kysely's multi-row insert writes (${TEST_DIALECT})`, async () => {
  const ctx = await createTestContext();
  try {
    const rows = Array.from({ length: 5 }, (_, i) => ({ name: `m-${i}`, value: i * 7 }));
    const ours = compiledRows(ctx.db, 'counters', rows)!;
    const kysely = ctx.db.insertInto('counters').values(rows).compile();
    assert.equal(ours.text, kysely.sql);
    assert.deepEqual(ours.params, kysely.parameters);
    const skip = compiledRows(ctx.db, 'counters', rows, 'name')!;
    const kyselySkip = ctx.db
      .insertInto('counters')
      .values(rows)
      .onConflict((oc) => oc.column('name').doNothing())
      .compile();
    assert.equal(skip.text, kyselySkip.sql);
    // Merged, they write the same rows.
    await ctx.db.executeQuery({ ...kysely, sql: ours.text, parameters: ours.params } as typeof kysely);
    assert.equal(
      (await ctx.db.selectFrom('counters').select('name').where('name', 'like', 'm-%').execute()).length,
      5,
    );
  } finally {
    await ctx.close();
  }
});

test('the tables a statement touches are told from its text, or it is not told at all', () => {
  assert.deepEqual(tablesOf('select * from "event_chain_head" where "id" = $1 for update'), [
    'event_chain_head',
  ]);
  assert.deepEqual(
    tablesOf('update "counters" set "value" = "value" + 1 where "name" = $1 returning "value"'),
    ['counters'],
  );
  assert.deepEqual(
    tablesOf(
      'select "a"."x" from "cases" as "a" inner join "case_items" on "case_items"."case_id" = "a"."id"',
    )?.sort(),
    ['case_items', 'cases'],
  );
  assert.equal(tablesOf('select now()'), undefined);
  assert.equal(tablesOf('select * from "t" where x in (select y from u)'), undefined, 'an unquoted table');
  assert.equal(tablesOf('select extract(year from now()) from "t"'), undefined);
  assert.deepEqual(tablesOf(`select * from "t" where "note" = 'from here'`), ['t']);
});
