// Shared by the fee module's tests: a test context whose configuration names a payment gateway
// (createTestContext's environment is fixed), signed notifications, and demo cases that carry fees.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { ManualClock } from '../../shared/clock.js';
import { buildApp } from '../../server/app.js';
import { composeContext } from '../../server/compose.js';
import type { TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './gateway/signature.js';

export const GATEWAY = 'unionpay-test';
export const GATEWAY_SECRET = 'test-gateway-secret-0123456789abcdef';

export async function createFeeTestContext(start = '2026-11-30T01:30:00.000Z', env: Record<string, string> = {}): Promise<TestContext> {
  const url = process.env.TEST_DATABASE_URL;
  let schema: string | undefined;
  if (url) {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
  }
  const database = openDatabase({ databaseUrl: url, sqliteFile: ':memory:', pgSchema: schema, pgPoolSize: 4 });
  await migrateToLatest(database.db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onewindow-fees-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://zwfw.qinghe.example', PAYMENT_GATEWAY_NAME: GATEWAY, PAYMENT_GATEWAY_SECRET: GATEWAY_SECRET, PAYMENT_GATEWAY_CHECKOUT_URL: 'https://pay.example.test/checkout?code={paymentCode}&amount={amountFen}', ...env });
  const clock = new ManualClock(start);
  const ctx = composeContext(config, database, clock);
  const app = await buildApp(ctx, { serveWeb: false });
  await app.ready();
  return {
    ...ctx, clock, app,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (url && schema) {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      }
    },
  };
}

export async function seeded(start?: string) {
  const t = await createFeeTestContext(start);
  await seedDemo(t.db, t.clock);
  const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);
  return { t, demo };
}

let seq = 0;
export interface Notice { notificationId: string; transactionId: string; paymentCode: string; amountFen: number; paidAt: string; status: 'paid' }

export function notice(paymentCode: string, amountFen: number, paidAt: string, id = `N${++seq}-${randomBytes(3).toString('hex')}`): Notice {
  return { notificationId: id, transactionId: `T-${id}`, paymentCode, amountFen, paidAt, status: 'paid' };
}

/** Posts a notification signed as the gateway would (or with another secret or time, to be refused). */
export function deliver(t: TestContext, n: Notice | string, opts: { secret?: string; at?: number; gateway?: string } = {}) {
  const raw = typeof n === 'string' ? n : JSON.stringify(n);
  const ts = opts.at ?? Math.floor(t.clock.now().getTime() / 1000);
  return t.app.inject({
    method: 'POST', url: `/api/v1/payments/notifications/${opts.gateway ?? GATEWAY}`, payload: raw,
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(opts.secret ?? GATEWAY_SECRET, ts, raw), [TIMESTAMP_HEADER]: String(ts) },
  });
}

/** A walk-in case for a demo item, every required material checked on paper. */
export async function walkIn(t: TestContext, clerk: Client, itemName: string, form: Record<string, unknown> = {}) {
  const hit = (await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent(itemName)}&limit=5`)).json().items.find((i: { name: string }) => i.name === itemName);
  if (!hit) throw new Error(`no demo item ${itemName}`);
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${hit.id}`)).json();
  const materials = guide.materials.filter((m: { required: boolean; source: string }) => m.required && ['applicant', 'window_check'].includes(m.source)).map((m: { name: string }) => ({ name: m.name, paper: true }));
  const r = await clerk.req('POST', '/api/v1/cases', { itemId: hit.id, applicant: { kind: 'person', name: '张小明', idNumber: '11010519491231002X', phone: '13800138000' }, form, materials });
  if (r.statusCode !== 201) throw new Error(`submit ${itemName}: ${r.statusCode} ${r.body}`);
  return { caseId: r.json().case.id as string, itemId: hit.id as string, guide };
}
