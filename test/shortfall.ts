import assert from 'node:assert/strict';
import type { TestContext } from './test-context.js';
import { Client } from './http.js';

/** What the 容缺 tests read of a guide's materials. */
export type Material = { name: string; required: boolean; deferrable: boolean; source: string };

/** A demo item handled on a promise with deferrable materials: its key materials and the deferrable ones. */
export async function deferrableItem(t: TestContext) {
  const anon = new Client(t.app);
  const items = (await anon.req('GET', '/api/v1/items?pageSize=200')).json().items as { id: string }[];
  for (const it of items) {
    const g = (await anon.req('GET', `/api/v1/items/${it.id}`)).json();
    if (g.handlingClass !== 'promise' || !g.materials.some((m: Material) => m.deferrable)) continue;
    const needed = (g.materials as Material[]).filter(
      (m) => m.required && ['applicant', 'window_check'].includes(m.source),
    );
    return {
      itemId: it.id,
      keyOnes: needed.filter((m) => !m.deferrable),
      deferrable: needed.filter((m) => m.deferrable),
    };
  }
  assert.fail('the demo catalogue has an item with deferrable materials');
}

const COMMITMENT = '本人承诺在期限内补齐全部容缺材料，逾期愿承担相应后果。';

/** A case submitted with its key materials only and accepted today with the rest promised by the deadline. */
export async function acceptedWithShortfall<C>(
  clerk: Client,
  item: Awaited<ReturnType<typeof deferrableItem>>,
  deadline: string,
): Promise<C> {
  const c0 = (
    await clerk.req('POST', '/api/v1/cases', {
      itemId: item.itemId,
      applicant: { kind: 'person', name: '王五', idNumber: '11010519491231002X' },
      form: {},
      materials: item.keyOnes.map((m) => ({ name: m.name, paper: true })),
    })
  ).json().case as { id: string; version: number };
  const r = await clerk.req('POST', `/api/v1/cases/${c0.id}/accept-with-shortfall`, {
    version: c0.version,
    deadline,
    commitment: COMMITMENT,
  });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().case as C;
}
