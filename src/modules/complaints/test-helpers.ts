import type { TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';

/** A report as the portal sends it; tests change what they need. */
export function report(departmentId: string, over: Record<string, unknown> = {}) {
  return {
    channel: 'portal',
    anonymous: false,
    reporter: { name: '王举报', phone: '13900139000' },
    categoryCode: 'arbitrary_fee',
    departmentId,
    concerns: { feeReference: 'JK202600000001' },
    description: '办理营业执照时窗口要求另交资料费二百元，没有开具票据',
    location: { text: '市民中心二楼', lat: 30.2741, lng: 120.1551 },
    ...over,
  };
}

export async function departmentId(t: TestContext, code: string): Promise<string> {
  return (
    await t.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

export async function submit(c: Client, body: Record<string, unknown>) {
  const r = await c.req('POST', '/api/v1/complaints', body);
  if (r.statusCode !== 201) throw new Error(`submit: ${r.statusCode} ${r.body}`);
  return r.json() as {
    id: string;
    ticketNo: string;
    checkCode: string;
    possibleDuplicates: { ticketNo: string }[];
  };
}

/** Takes a step on a ticket at its current version; returns the response. */
export async function act(
  t: TestContext,
  c: Client,
  id: string,
  step: string,
  body: Record<string, unknown> = {},
) {
  const v = (
    await t.db.selectFrom('complaints').select('version').where('id', '=', id).executeTakeFirstOrThrow()
  ).version;
  return c.req('POST', `/api/v1/complaints/${id}/${step}`, { version: v, ...body });
}
