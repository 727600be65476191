import { DEMO_PASSWORD } from '../../src/seed/seed-demo.js';
import { identityHeaders, logIn, type Identity, type ProbeResponse, type Send } from './transport.js';
import type { IdPool } from './sample-value.js';

/** One demo account per role (src/seed/seed-demo.ts), and the anonymous visitor. */
export const DEMO_BY_ROLE = [
  ['citizen', 'applicant'],
  ['clerk', 'clerk'],
  ['reviewer', 'reviewer'],
  ['head', 'head'],
  ['supervisor', 'supervisor'],
  ['admin', 'admin'],
  ['complaints', 'complaint_officer'],
  ['inspector.scj', 'inspector'],
] as const;

export async function demoIdentities(send: Send): Promise<Identity[]> {
  const users = await Promise.all(DEMO_BY_ROLE.map(([name, role]) => logIn(send, name, role, DEMO_PASSWORD)));
  // A session the transport lost would make every probe anonymous and every verdict hollow.
  for (const u of users) {
    const me = await send({ method: 'GET', url: '/api/v1/auth/me', headers: identityHeaders(u, 'GET') });
    if (me.status !== 200) throw new Error(`${u.name} is not logged in: ${me.status} ${me.body}`);
  }
  return [{ name: 'anonymous', role: 'anonymous' }, ...users];
}

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

/**
 * Real rows for the probes to find, by collection: the published items and departments, and, made
 * here, an application of the demo citizen to an item of the demo staff's department (市场监管局),
 * a material the citizen uploaded and an inquiry the clerk recorded. With these, a probe of
 * /cases/{id} is answered by the policy, not by "not found".
 */
export async function probeResources(send: Send, identities: Identity[]): Promise<IdPool> {
  const as = (name: string) => identities.find((i) => i.name === name)!;
  const json = async (r: Promise<ProbeResponse>) => JSON.parse((await r).body) as Record<string, unknown>;
  const get = (url: string) => send({ method: 'GET', url, headers: {} });
  const post = (who: Identity, url: string, body: unknown, headers: Record<string, string> = {}) =>
    send({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', ...identityHeaders(who, 'POST'), ...headers },
      body: JSON.stringify(body),
    });

  const listed = JSON.parse((await get('/api/v1/departments')).body) as
    { items: { id: string; code: string }[] } | { id: string; code: string }[];
  const departments = Array.isArray(listed) ? listed : listed.items;
  const scj = departments.find((d) => d.code === 'SCJ');
  const items = ((await json(get(`/api/v1/items?pageSize=5&department=${scj?.id ?? ''}`))).items ?? []) as {
    id: string;
  }[];
  const pool: IdPool = {
    departments: departments.slice(0, 3).map((d) => d.id),
    items: items.map((i) => i.id),
  };

  const submitted = await json(
    post(
      as('citizen'),
      '/api/v1/cases',
      { itemId: pool.items?.[0], form: {}, materials: [] },
      {
        'idempotency-key': 'probe-resources-0001',
      },
    ),
  );
  const caseId = (submitted.case as { id?: string } | undefined)?.id;
  if (caseId) pool.cases = [caseId];
  const inquiry = await json(
    post(as('clerk'), '/api/v1/inquiries', { personName: '来访人', question: '需要带什么材料？' }),
  );
  if (typeof inquiry.id === 'string') pool.inquiries = [inquiry.id];
  const upload = await send({
    method: 'POST',
    url: '/api/v1/files',
    headers: {
      'content-type': 'multipart/form-data; boundary=probe',
      ...identityHeaders(as('citizen'), 'POST'),
    },
    body: `--probe\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF}\r\n--probe--\r\n`,
  });
  const file = JSON.parse(upload.body) as { id?: string };
  if (file.id) pool.files = [file.id];
  return pool;
}
