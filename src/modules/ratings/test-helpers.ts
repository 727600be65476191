import type { TestContext } from '../../../test/test-context.js';
import { Client } from '../../../test/http.js';
import { act as complaintStep, departmentId, report, submit } from '../complaints/test-helpers.js';
import type { Visit, VisitLookup } from './visit-lookup.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function upload(t: TestContext, c: Client) {
  const boundary = '----ow' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
    },
  });
  return r.json().id as string;
}

const ok = <R extends { statusCode: number; body: string }>(r: R, what: string): R => {
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
};

/** A case applied for online and worked to completion (办结): the matter an online rating is about. */
export async function completedCase(
  t: TestContext,
  p: { citizen: Client; clerk: Client; reviewer: Client },
): Promise<{ id: string; receiptNo: string; checkCode: string }> {
  const found = (
    await new Client(t.app).req('GET', `/api/v1/search?q=${encodeURIComponent('食品经营许可')}&limit=1`)
  ).json().items[0];
  const guide = (await new Client(t.app).req('GET', `/api/v1/items/${found.id}`)).json();
  const required = guide.materials.filter(
    (m: { required: boolean; source: string }) => m.required && m.source === 'applicant',
  );
  const materials = [];
  for (const m of required) materials.push({ name: m.name, fileId: await upload(t, p.citizen) });
  const sub = ok(
    await p.citizen.req('POST', '/api/v1/cases', {
      itemId: found.id,
      form: { 经营场所: '清河市人民路1号' },
      materials,
    }),
    'submit',
  ).json();
  const id = sub.case.id as string;
  const view = async () => (await p.clerk.req('GET', `/api/v1/cases/${id}`)).json();
  ok(await p.clerk.req('POST', `/api/v1/cases/${id}/accept`, { version: (await view()).version }), 'accept');
  const c3 = await view();
  const task = c3.tasks[0].id;
  ok(
    await p.reviewer.req('POST', `/api/v1/cases/${id}/opinions`, {
      version: c3.version,
      taskId: task,
      text: '符合条件',
    }),
    'opinion',
  );
  ok(
    await p.reviewer.req('POST', `/api/v1/cases/${id}/decisions`, {
      version: (await view()).version,
      taskId: task,
      decision: 'approve',
    }),
    'decide',
  );
  ok(
    await p.clerk.req('POST', `/api/v1/cases/${id}/deliver`, {
      version: (await view()).version,
      method: '在窗口直接送达',
      recipient: '张小明',
    }),
    'deliver',
  );
  return { id, receiptNo: sub.case.receiptNo, checkCode: sub.checkCode };
}

/** A report handled to its close, for the reporter to rate. */
export async function closedComplaint(t: TestContext, p: { center: Client; reviewer: Client }, dept = 'SCJ') {
  const r = await submit(new Client(t.app), report(await departmentId(t, dept)));
  for (const [c, s, b] of [
    [p.center, 'accept', {}],
    [p.center, 'dispatch', {}],
    [p.reviewer, 'reply', { reply: '已责令退还资料费' }],
    [p.center, 'close', {}],
  ] as const)
    ok(await complaintStep(t, c, r.id, s, b), s);
  return r;
}

/** The hall's lookup as the on-site tests need it: the visits they name. */
export class FakeHall implements VisitLookup {
  readonly visits = new Map<string, Visit>();
  async find(ticketNo: string) {
    return this.visits.get(ticketNo) ?? null;
  }
  async latestAt(windowId: string) {
    const at = [...this.visits.values()].filter((v) => v.windowId === windowId);
    return at.sort((a, b) => b.servedAt.localeCompare(a.servedAt))[0] ?? null;
  }
}
