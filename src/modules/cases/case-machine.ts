import type { Actor, Role } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';

/**
 * The life of a case (domain.md §2), as one table: every action, the states it may start from, and
 * the roles that may take it. Use cases call assertCanAct() first; nothing else changes a state.
 */
export const CASE_STATES = [
  'draft',
  'received',
  'awaiting_supplement',
  'under_review',
  'decided',
  'completed',
  'not_accepted',
  'withdrawn',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

type ActorRole = Role | 'system';

export const CASE_ACTIONS = {
  submit: { from: ['draft'], roles: ['applicant', 'clerk'] },
  edit_draft: { from: ['draft'], roles: ['applicant', 'clerk'] },
  request_supplement: { from: ['received'], roles: ['clerk'] },
  supplement: { from: ['awaiting_supplement'], roles: ['applicant', 'clerk'] },
  accept: { from: ['received'], roles: ['clerk', 'system'] },
  accept_with_shortfall: { from: ['received'], roles: ['clerk'] },
  refuse_intake: { from: ['received'], roles: ['clerk'] },
  provide_deferred: { from: ['under_review'], roles: ['applicant', 'clerk'] },
  record_opinion: { from: ['under_review'], roles: ['reviewer', 'head'] },
  record_site_verification: { from: ['under_review'], roles: ['reviewer', 'head'] },
  start_special_procedure: { from: ['under_review'], roles: ['reviewer', 'head'] },
  end_special_procedure: { from: ['under_review'], roles: ['reviewer', 'head'] },
  request_extension: { from: ['under_review'], roles: ['reviewer', 'head'] },
  approve_extension: { from: ['under_review'], roles: ['head'] },
  decide_task: { from: ['under_review'], roles: ['reviewer', 'head'] },
  deliver: { from: ['decided'], roles: ['clerk'] },
  withdraw: {
    from: ['draft', 'received', 'awaiting_supplement', 'under_review'],
    roles: ['applicant', 'clerk'],
  },
} as const satisfies Record<string, { from: readonly CaseState[]; roles: readonly ActorRole[] }>;
export type CaseAction = keyof typeof CASE_ACTIONS;

export interface CaseAccess {
  state: string;
  applicantUserId: string | null;
  /** Departments with a task on the case (and the lead department). */
  departmentIds: readonly string[];
}

/** Whether this actor, by role and relation to the case (owner, department), may take the action at all. */
function related(actor: Actor, action: CaseAction, c: CaseAccess): boolean {
  const roles = CASE_ACTIONS[action].roles as readonly ActorRole[];
  if (!roles.includes(actor.role as ActorRole)) return false;
  if (actor.role === 'applicant') return actor.id !== null && actor.id === c.applicantUserId;
  if (actor.role === 'reviewer' || actor.role === 'head')
    return actor.departmentId !== null && c.departmentIds.includes(actor.departmentId);
  return true; // clerks work at the one window for every department; the system acts on deadlines
}

/** The actions this actor may take on the case now. */
export function allowedActions(actor: Actor, c: CaseAccess): CaseAction[] {
  return (Object.keys(CASE_ACTIONS) as CaseAction[]).filter(
    (a) => (CASE_ACTIONS[a].from as readonly string[]).includes(c.state) && related(actor, a, c),
  );
}

/**
 * 403 when the actor may never take this action on this case; 409 naming the allowed actions when
 * the action is not possible in the case's current state.
 */
export function assertCanAct(actor: Actor, action: CaseAction, c: CaseAccess): void {
  if (!related(actor, action, c)) {
    throw new AppError(actor.role === 'anonymous' ? 'unauthenticated' : 'forbidden', {
      action: `case.${action}`,
    });
  }
  if (!(CASE_ACTIONS[action].from as readonly string[]).includes(c.state)) {
    const allowed = allowedActions(actor, c);
    throw new AppError('invalid_state', { state: c.state, action, allowed: allowed.join(', ') || '—' }, [], {
      allowedActions: allowed,
    });
  }
}
