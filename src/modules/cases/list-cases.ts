import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import type { CaseDeps } from './case-deps.js';
import { casePolicy } from './policy.js';
import { presentCaseSummary, presentWorkItem } from './presenter.js';
import { findCasePage, findWorkPage, type CaseScope } from './repository.js';

/** Case lists: an applicant's own; the window's queue; a department's cases; everything for supervisors. */
export async function listCases(
  deps: CaseDeps,
  actor: Actor,
  f: { state?: string; q?: string; limit: number; offset: number },
) {
  authorize(actor, casePolicy.list, undefined, 'case.list');
  let scope: CaseScope = {};
  if (actor.role === 'applicant') scope = { applicantUserId: actor.id };
  else if (actor.role === 'reviewer' || actor.role === 'head') scope = { departmentId: actor.departmentId };
  const { rows, total, counts } = await findCasePage(deps.db, scope, f);
  return { items: rows.map(presentCaseSummary), total, counts };
}

/** A department's review tasks, the closest deadline first, with their colour and any extension awaiting the head. */
export async function worklist(
  deps: CaseDeps,
  actor: Actor,
  f: { state?: string; limit: number; offset: number },
) {
  authorize(actor, casePolicy.worklist, undefined, 'worklist');
  const { rows, total } = await findWorkPage(deps.db, actor.departmentId!, f);
  return { items: rows.map(presentWorkItem), total };
}
