import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import {
  complaintPolicy,
  COMPLAINT_ACTION_PARTY,
  type ComplaintAction,
  type ComplaintParties,
} from './policy.js';

/**
 * The loop of a ticket (domain.md §5): 受理 → 交办 → 办理 → 答复 → 办结 → 回访 → 评价, with 退单,
 * 改派, 并单 and reopening, as one table of actions and the states each may start from. 督办 is the
 * supervision pass: a ticket's clock that turns red raises a signal and opens an order.
 */
export const COMPLAINT_STATES = [
  'submitted',
  'not_accepted',
  'accepted',
  'dispatched',
  'returned',
  'replied',
  'closed',
  'merged',
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const COMPLAINT_ACTIONS = {
  accept: { from: ['submitted'] },
  refuse: { from: ['submitted'] },
  dispatch: { from: ['accepted'] },
  return: { from: ['dispatched'] },
  decide_return: { from: ['returned'] },
  reassign: { from: ['dispatched'] },
  reply: { from: ['dispatched'] },
  close: { from: ['replied'] },
  callback: { from: ['closed'] },
  rate: { from: ['closed'] },
  reopen: { from: ['closed'] },
  merge: { from: ['submitted', 'accepted', 'dispatched', 'returned'] },
} as const satisfies Record<ComplaintAction, { from: readonly ComplaintState[] }>;

/** States in which a ticket is still being worked (a merge target must be one of them). */
export const OPEN_STATES: readonly ComplaintState[] = [
  'submitted',
  'accepted',
  'dispatched',
  'returned',
  'replied',
];

const possibleIn = (action: ComplaintAction, state: string) =>
  (COMPLAINT_ACTIONS[action].from as readonly string[]).includes(state);

export function allowedComplaintActions(actor: Actor, state: string, p: ComplaintParties): ComplaintAction[] {
  return (Object.keys(COMPLAINT_ACTION_PARTY) as ComplaintAction[]).filter(
    (action) => possibleIn(action, state) && complaintPolicy.act(actor, { action, ticket: p }),
  );
}

/** 401/403 when the actor may never take the step; 409 naming the allowed steps when the state forbids it. */
export function assertCanActOnComplaint(
  actor: Actor,
  action: ComplaintAction,
  state: string,
  p: ComplaintParties,
): void {
  authorize(actor, complaintPolicy.act, { action, ticket: p }, `complaint.${action}`);
  if (!possibleIn(action, state)) {
    const allowed = allowedComplaintActions(actor, state, p);
    throw new AppError('invalid_state', { state, action, allowed: allowed.join(', ') || '—' }, [], {
      allowedActions: allowed,
    });
  }
}
