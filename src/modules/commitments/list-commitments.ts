import type { Actor } from '../../shared/actor.js';
import { authorize, isRole } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import type { ConductDeps } from './commitment-deps.js';
import { commitmentPolicy } from './policy.js';
import { departmentByKey, findCommitment, listCommitmentRows, type CommitmentFilter } from './repository.js';
import { commitmentViews } from './views.js';

/** The working list: supervisors and administrators see every department, staff their own. */
export async function listCommitments(deps: ConductDeps, actor: Actor, f: CommitmentFilter) {
  authorize(actor, commitmentPolicy.list, undefined, 'commitment.list');
  const own = !isRole(actor, 'supervisor', 'admin', 'system');
  const rows = await listCommitmentRows(deps.db, own ? { ...f, departmentId: actor.departmentId! } : f);
  return { items: await commitmentViews(deps, rows) };
}

/** What a department has promised the public, with progress: its public page shows this. */
export async function listPublicCommitments(deps: ConductDeps, departmentKey: string, period?: string) {
  const dept = await departmentByKey(deps.db, departmentKey);
  if (!dept) throw notFound('department', departmentKey);
  return {
    items: await commitmentViews(deps, await listCommitmentRows(deps.db, { departmentId: dept.id, period })),
  };
}

/** One commitment: every commitment is published, so anyone may read it. */
export async function getCommitment(deps: ConductDeps, id: string) {
  const row = await findCommitment(deps.db, id);
  if (!row) throw notFound('commitment', id);
  return (await commitmentViews(deps, [row]))[0]!;
}
