import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { casePolicy, type CaseParties } from './policy.js';

/**
 * The life of a case (domain.md §2), as one table: every action and the states it may start from.
 * Who may take it is a rule of the case policy (policy.ts, CASE_ACTION_ROLES). Use cases call
 * assertCanAct() first; nothing else changes a state.
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

export const CASE_ACTIONS = {
  submit: { from: ['draft'] },
  edit_draft: { from: ['draft'] },
  request_supplement: { from: ['received'] },
  supplement: { from: ['awaiting_supplement'] },
  accept: { from: ['received'] },
  accept_with_shortfall: { from: ['received'] },
  refuse_intake: { from: ['received'] },
  provide_deferred: { from: ['under_review'] },
  record_opinion: { from: ['under_review'] },
  record_site_verification: { from: ['under_review'] },
  start_special_procedure: { from: ['under_review'] },
  end_special_procedure: { from: ['under_review'] },
  request_extension: { from: ['under_review'] },
  approve_extension: { from: ['under_review'] },
  decide_task: { from: ['under_review'] },
  deliver: { from: ['decided'] },
  withdraw: { from: ['draft', 'received', 'awaiting_supplement', 'under_review'] },
} as const satisfies Record<string, { from: readonly CaseState[] }>;
export type CaseAction = keyof typeof CASE_ACTIONS;

export interface CaseAccess extends CaseParties {
  state: string;
}

const possibleIn = (action: CaseAction, state: string) =>
  (CASE_ACTIONS[action].from as readonly string[]).includes(state);

/** The actions this actor may take on the case now. */
export function allowedActions(actor: Actor, c: CaseAccess): CaseAction[] {
  return (Object.keys(CASE_ACTIONS) as CaseAction[]).filter(
    (action) => possibleIn(action, c.state) && casePolicy.act(actor, { action, case: c }),
  );
}

/**
 * 401/403 (authorize) when the actor may never take this action on this case; 409 naming the
 * allowed actions when the action is not possible in the case's current state.
 */
export function assertCanAct(actor: Actor, action: CaseAction, c: CaseAccess): void {
  authorize(actor, casePolicy.act, { action, case: c }, `case.${action}`);
  if (!possibleIn(action, c.state)) {
    const allowed = allowedActions(actor, c);
    throw new AppError('invalid_state', { state: c.state, action, allowed: allowed.join(', ') || '—' }, [], {
      allowedActions: allowed,
    });
  }
}

/** The audit action a case action records (each is in the audit event list, with the data of a step). */
export const caseAuditAction = <A extends CaseAction>(action: A) => `case.${action}` as const;
