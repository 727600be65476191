import type { Actor } from '../../shared/actor.js';
import { authorize, isRole } from '../../shared/policy.js';
import { toLimitOffset } from '../../shared/schema-helpers.js';
import type { LetterDeps } from './letter-deps.js';
import { letterPolicy } from './policy.js';
import { presentLetterSummary } from './presenter.js';
import { findLetterPage, type LetterFilter } from './repository.js';
import type { LetterListQueryT } from './schemas.js';

async function page(deps: LetterDeps, actor: Actor, f: LetterFilter) {
  const nowIso = deps.clock.now().toISOString();
  const { rows, total } = await findLetterPage(deps.db, f);
  return { items: rows.map((r) => presentLetterSummary(actor, r, nowIso)), total };
}

/**
 * The registry: every letter for the registry and supervisors, filtered by state, kind, department
 * and being overdue; a department's staff see only their own department's.
 */
export async function listLetters(deps: LetterDeps, actor: Actor, q: LetterListQueryT) {
  authorize(actor, letterPolicy.list, undefined, 'letter.list');
  const own = isRole(actor, 'reviewer', 'head');
  return page(deps, actor, {
    ...(q.state ? { state: q.state } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.q ? { q: q.q } : {}),
    ...(own ? { departmentId: actor.departmentId! } : q.department ? { departmentId: q.department } : {}),
    ...(q.overdue ? { overdueAt: deps.clock.now().toISOString() } : {}),
    ...toLimitOffset(q),
  });
}

/** What the actor's department must answer, the closest deadline first. */
export async function listDepartmentLetters(
  deps: LetterDeps,
  actor: Actor,
  q: { page: number; pageSize: number },
) {
  authorize(actor, letterPolicy.worklist, undefined, 'letter.worklist');
  return page(deps, actor, {
    state: 'assigned',
    departmentId: actor.departmentId!,
    order: 'deadline',
    ...toLimitOffset(q),
  });
}

/** The supervisors' view: every letter past its reply limit and not answered, the longest overdue first. */
export async function listOverdueLetters(
  deps: LetterDeps,
  actor: Actor,
  q: { department?: string; page: number; pageSize: number },
) {
  authorize(actor, letterPolicy.overdue, undefined, 'letter.overdue');
  return page(deps, actor, {
    overdueAt: deps.clock.now().toISOString(),
    ...(q.department ? { departmentId: q.department } : {}),
    order: 'deadline',
    ...toLimitOffset(q),
  });
}
