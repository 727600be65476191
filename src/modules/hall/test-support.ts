import assert from 'node:assert/strict';
import type { TestContext } from '../../../test/test-context.js';
import type { Client } from '../../../test/http.js';

/** A window group of the market-regulation department, its slots 09:00-12:00 and 13:30-17:00. */
export async function makeGroup(
  t: TestContext,
  admin: Client,
  code: string,
  over: Record<string, unknown> = {},
) {
  const scj = await t.db
    .selectFrom('departments')
    .select('id')
    .where('code', '=', 'SCJ')
    .executeTakeFirstOrThrow();
  const r = await admin.req('PUT', `/api/v1/admin/hall/groups/${code}`, {
    name: `市场准入${code}`,
    nameEn: `Market entry ${code}`,
    departmentId: scj.id,
    itemIds: [],
    sessions: [
      ['09:00', '12:00'],
      ['13:30', '17:00'],
    ],
    slotMinutes: 30,
    slotCapacity: 2,
    serviceMinutes: 6,
    active: true,
    ...over,
  });
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as { id: string; code: string };
}

export async function makeWindow(admin: Client, code: string, groupIds: string[]) {
  const r = await admin.req('PUT', `/api/v1/admin/hall/windows/${code}`, {
    name: `${code}号窗口`,
    nameEn: `Window ${code}`,
    groupIds,
  });
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as { id: string; code: string };
}

/** The one-time code as the SMS would carry it: read from the outbox before delivery scrubs it. */
export async function sentCode(t: TestContext, codeId: string): Promise<string> {
  const row = await t.db
    .selectFrom('notification_outbox')
    .select('payload')
    .where('subject_id', '=', codeId)
    .where('kind', '=', 'hall_code')
    .executeTakeFirstOrThrow();
  return JSON.parse(row.payload).code;
}
