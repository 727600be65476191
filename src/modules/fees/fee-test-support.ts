// Shared by the fee module's tests: a test context whose configuration names a payment gateway,
// signed notifications, and demo cases that carry fees.
import { randomBytes } from 'node:crypto';
import { createTestContext, type TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { seedDemo, DEMO_PASSWORD } from '../../seed/seed-demo.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './gateway/signature.js';

export const GATEWAY = 'unionpay-test';
export const GATEWAY_SECRET = 'test-gateway-secret-0123456789abcdef';

/** A test context whose configuration names a payment gateway (with its secret and checkout URL). */
export function createFeeTestContext(
  start = '2026-11-30T01:30:00.000Z',
  env: Record<string, string> = {},
): Promise<TestContext> {
  return createTestContext({
    start,
    env: {
      PAYMENT_GATEWAY_NAME: GATEWAY,
      PAYMENT_GATEWAY_SECRET: GATEWAY_SECRET,
      PAYMENT_GATEWAY_CHECKOUT_URL: 'https://pay.example.test/checkout?code={paymentCode}&amount={amountFen}',
      ...env,
    },
  });
}

export async function seeded(start?: string) {
  const t = await createFeeTestContext(start);
  await seedDemo(t.db, t.clock);
  const demo = (u: string) => new Client(t.app).login(u, DEMO_PASSWORD);
  return { t, demo };
}

let seq = 0;
export interface Notice {
  notificationId: string;
  transactionId: string;
  paymentCode: string;
  amountFen: number;
  paidAt: string;
  status: 'paid';
}

export function notice(
  paymentCode: string,
  amountFen: number,
  paidAt: string,
  id = `N${++seq}-${randomBytes(3).toString('hex')}`,
): Notice {
  return { notificationId: id, transactionId: `T-${id}`, paymentCode, amountFen, paidAt, status: 'paid' };
}

/** Posts a notification signed as the gateway would (or with another secret or time, to be refused). */
export function deliver(
  t: TestContext,
  n: Notice | string,
  opts: { secret?: string; at?: number; gateway?: string } = {},
) {
  const raw = typeof n === 'string' ? n : JSON.stringify(n);
  const ts = opts.at ?? Math.floor(t.clock.now().getTime() / 1000);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/payments/notifications/${opts.gateway ?? GATEWAY}`,
    payload: raw,
    headers: {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signBody(opts.secret ?? GATEWAY_SECRET, ts, raw),
      [TIMESTAMP_HEADER]: String(ts),
    },
  });
}

/** A walk-in case for a demo item, every required material checked on paper. */
export async function walkIn(
  t: TestContext,
  clerk: Client,
  itemName: string,
  form: Record<string, unknown> = {},
) {
  const hit = (await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent(itemName)}&limit=5`))
    .json()
    .items.find((i: { name: string }) => i.name === itemName);
  if (!hit) throw new Error(`no demo item ${itemName}`);
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${hit.id}`)).json();
  const materials = guide.materials
    .filter(
      (m: { required: boolean; source: string }) =>
        m.required && ['applicant', 'window_check'].includes(m.source),
    )
    .map((m: { name: string }) => ({ name: m.name, paper: true }));
  const r = await clerk.req('POST', '/api/v1/cases', {
    itemId: hit.id,
    applicant: { kind: 'person', name: '张小明', idNumber: '11010519491231002X', phone: '13800138000' },
    form,
    materials,
  });
  if (r.statusCode !== 201) throw new Error(`submit ${itemName}: ${r.statusCode} ${r.body}`);
  return {
    caseId: r.json().case.id as string,
    itemId: hit.id as string,
    guide,
    receiptNo: r.json().case.receiptNo as string,
    checkCode: r.json().checkCode as string,
  };
}
