import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../test/test-context.js';
import { holdTransaction } from '../../test/hold-transaction.js';
import { staff } from '../../test/http.js';
import { closeGracefully } from './close.js';

let t: TestContext | undefined;
after(() => t?.close());

interface Answer {
  status: number;
  connection: string | undefined;
}

const send = (
  port: number,
  agent: http.Agent,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
) =>
  new Promise<Answer>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end(body);
  });

test('a stop answers the request in flight and one sent on a connection its client already had, refusing new connections', async () => {
  t = await createTestContext();
  const admin = await staff(t, 'admin1', 'admin');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const port = (t.app.server.address() as AddressInfo).port;
  const kept = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const other = new http.Agent({ keepAlive: true, maxSockets: 1 });
  // A keep-alive connection, idle when the stop begins.
  assert.equal((await send(port, kept, 'GET', '/api/v1/departments')).status, 200);

  // A request in flight when the stop begins: a write waiting for the database.
  const hold = await holdTransaction(t.db, async (trx) => {
    if (TEST_DIALECT === 'postgres') await sql`lock table departments in exclusive mode`.execute(trx);
  });
  const arrived = new Promise((r) => t!.app.server.once('request', r));
  const inFlight = send(
    port,
    other,
    'POST',
    '/api/v1/admin/departments',
    { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
    JSON.stringify({
      code: 'TESTD',
      name: '清河市测试局',
      shortName: '测试局',
      creditCode: '11330900MB1740001A',
      leader: '张三',
      leaderTitle: '局长',
      phone: '0571-1',
      complaintPhone: '12345',
      windows: ['E01'],
      hours: '9-17',
      address: '人民路1号',
    }),
  );
  await arrived;

  const stopped = closeGracefully(t.app);
  while (t.app.server.listening) await new Promise((r) => setImmediate(r));
  // Its client had not heard of the stop yet: the request is answered, and the connection closed after it.
  const late = send(port, kept, 'GET', '/api/v1/departments');
  await assert.rejects(send(port, new http.Agent(), 'GET', '/healthz'), /ECONNREFUSED/, 'no new connections');
  hold.release();
  await hold.done;
  assert.deepEqual(await inFlight, { status: 201, connection: 'close' }, 'the request in flight is answered');
  assert.deepEqual(await late, { status: 200, connection: 'close' });
  await stopped;
  kept.destroy();
  other.destroy();
});
