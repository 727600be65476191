import { DEMO_PASSWORD } from '../../src/seed/seed-demo.js';
import { logIn, type Identity, type Send } from './transport.js';

/** One demo account per role (src/seed/seed-demo.ts), and the anonymous visitor. */
export const DEMO_BY_ROLE = [
  ['citizen', 'applicant'],
  ['clerk', 'clerk'],
  ['reviewer', 'reviewer'],
  ['head', 'head'],
  ['supervisor', 'supervisor'],
  ['admin', 'admin'],
] as const;

export async function demoIdentities(send: Send): Promise<Identity[]> {
  const users = await Promise.all(DEMO_BY_ROLE.map(([name, role]) => logIn(send, name, role, DEMO_PASSWORD)));
  return [{ name: 'anonymous', role: 'anonymous' }, ...users];
}

/** Real ids of public things (items, departments) for id parameters, so some lookups find a row. */
export async function publicIds(send: Send): Promise<string[]> {
  const ids: string[] = [];
  for (const url of ['/api/v1/items?pageSize=5', '/api/v1/departments']) {
    const r = await send({ method: 'GET', url, headers: {} });
    const j = JSON.parse(r.body) as { items?: { id: string }[] } | { id: string }[];
    const list = Array.isArray(j) ? j : (j.items ?? []);
    ids.push(...list.slice(0, 5).map((x) => x.id));
  }
  return ids;
}
