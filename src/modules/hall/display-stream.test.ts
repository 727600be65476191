import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { makeGroup, makeWindow } from './test-support.js';
import { HallFeed } from './hall-feed.js';
import type { EventRow } from './repository-tickets.js';

let t: TestContext;
let clerk: Client;
let base: string;
let A: { id: string };

before(async () => {
  t = await createTestContext({ start: '2026-12-07T01:30:00.000Z' });
  await seedDemo(t.db, t.clock);
  const admin = await new Client(t.app).login('admin', DEMO_PASSWORD);
  clerk = await new Client(t.app).login('clerk', DEMO_PASSWORD);
  A = await makeGroup(t, admin, 'A');
  const w = await makeWindow(admin, '05', [A.id]);
  await clerk.req('POST', '/api/v1/hall/windows/sit', { windowId: w.id });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
after(() => t.close());

/** An EventSource as the browser opens it: resolves each wanted event's data as it arrives. */
function stream(path: string) {
  const events: { event: string; data: unknown }[] = [];
  const waiters: (() => void)[] = [];
  let req: http.ClientRequest;
  const opened = new Promise<void>((resolve, reject) => {
    req = http.get(`${base}${path}`, { headers: { accept: 'text/event-stream' } }, (res) => {
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/event-stream/);
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          waiters.splice(0).forEach((w) => w());
        }
      });
      resolve();
    });
    req.on('error', reject);
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- event data is whatever the test checks
  type Data = any;
  const next = async (event: string, match: (d: Data) => boolean = () => true): Promise<Data> => {
    for (;;) {
      const hit = events.find((e) => e.event === event && match(e.data));
      if (hit) return hit.data;
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  return { opened, next, close: () => req.destroy() };
}

test('the display and the phone hear a call as it happens, over server-sent events', async () => {
  const taken = (await clerk.req('POST', '/api/v1/hall/tickets', { groupId: A.id, source: 'kiosk' })).json();
  const display = stream('/api/v1/hall/display');
  const phone = stream(`/api/v1/hall/tickets/status/${taken.token}`);
  await Promise.all([display.opened, phone.opened]);
  const snapshot = await display.next('snapshot');
  assert.equal(snapshot.groups.find((g: { code: string }) => g.code === 'A').waiting, 1);
  assert.equal((await phone.next('status')).state, 'waiting');

  const called = (await clerk.req('POST', '/api/v1/hall/windows/mine/call-next')).json().ticket;
  const heard = await display.next('call', (d) => d.number === called.number);
  assert.equal(heard.window, '05号窗口');
  assert.equal(heard.kind, 'call');
  const mine = await phone.next('status', (d) => d.state === 'called');
  assert.equal(mine.window, '05号窗口');
  await clerk.req('POST', '/api/v1/hall/windows/mine/recall');
  assert.equal((await display.next('call', (d) => d.kind === 'recall')).number, called.number);
  display.close();
  phone.close();
});

test('another instance on the same database sees the events by reading the sequence, without being poked', async () => {
  const other = new HallFeed(t.db, 20);
  const seen: EventRow[] = [];
  let wake: () => void = () => {};
  const unsubscribe = other.subscribe((events) => {
    seen.push(...events);
    wake();
  });
  await other.settled();
  const taken = (await clerk.req('POST', '/api/v1/hall/tickets', { groupId: A.id, source: 'desk' })).json();
  while (!seen.some((e) => e.ticket_id === taken.id)) await new Promise<void>((r) => (wake = r));
  assert.equal(seen.filter((e) => e.ticket_id === taken.id).length, 1, 'delivered once although read again');
  assert.ok(!seen.some((e) => e.at < taken.takenAt), 'nothing from before it listened');
  unsubscribe();
  other.close();
});

test('without asking for a stream, the display answers a snapshot (and a wrong ticket token a 404)', async () => {
  const r = await new Client(t.app).req('GET', '/api/v1/hall/display');
  assert.equal(r.statusCode, 200);
  assert.ok(Array.isArray(r.json().calls));
  assert.equal(
    (await new Client(t.app).req('GET', '/api/v1/hall/tickets/status/abcdefghijklmnop')).statusCode,
    404,
  );
});
