import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'kysely';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../test/test-context.js';
import { staff } from '../../test/http.js';

let t: TestContext | undefined;
after(() => t?.close());

const skip = TEST_DIALECT !== 'postgres' && 'connections a server can end: PostgreSQL only';

test(
  'PostgreSQL ending the connections (pg_terminate_backend): logged, replaced, and the next requests succeed',
  { skip },
  async () => {
    t = await createTestContext();
    const lost = new Set<number>();
    const waiting: (() => void)[] = [];
    t.database.setLogger({
      warn: (obj: { pid?: number }) => {
        if (obj.pid) lost.add(obj.pid);
        waiting.splice(0).forEach((w) => w());
      },
      error: () => undefined,
    });
    const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(t.db)).rows[0]!.s;
    const admin = pg.Client;
    const terminate = async () => {
      const c = new admin({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      const r = await c.query<{ pid: number }>(
        `select pid, pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = $1`,
        [`onewindow/${schema}`],
      );
      await c.end();
      return r.rows.map((row) => row.pid);
    };
    // Connections idle in the pool, and one in use by this test when the server ends them all.
    await Promise.all(Array.from({ length: 3 }, () => t!.app.inject('/readyz')));
    let ended: number[] = [];
    await t.db.connection().execute(async (conn) => {
      await sql`select 1`.execute(conn);
      ended = await terminate();
      await assert.rejects(sql`select 1`.execute(conn), 'the query on a connection the server ended fails');
    });
    assert.ok(ended.length >= 2, `ended ${ended.length} connections`);
    // Every ended connection's error was heard (unheard, it would have ended this process).
    while (!ended.every((pid) => lost.has(pid))) await new Promise<void>((r) => waiting.push(r));

    assert.equal((await t.app.inject('/readyz')).statusCode, 200);
    const admin1 = await staff(t, 'admin1', 'admin');
    const dept = await admin1.req('GET', '/api/v1/departments');
    assert.equal(dept.statusCode, 200);
  },
);
