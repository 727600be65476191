import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { letterPolicy, type LetterParties } from './policy.js';

/**
 * The life of a letter, as one table: each action and the states it may start from. Who may take it
 * is the letter policy's (LETTER_ACTION_ROLES); nothing else changes a letter's state.
 */
export const LETTER_STATES = ['registered', 'assigned', 'answered'] as const;
export type LetterState = (typeof LETTER_STATES)[number];

export const LETTER_ACTIONS = {
  attach_original: { from: ['registered', 'assigned'] },
  assign: { from: ['registered'] },
  reassign: { from: ['assigned'] },
  request_extension: { from: ['assigned'] },
  decide_extension: { from: ['assigned'] },
  answer: { from: ['assigned'] },
} as const satisfies Record<string, { from: readonly LetterState[] }>;
export type LetterAction = keyof typeof LETTER_ACTIONS;

export interface LetterAccess extends LetterParties {
  state: string;
}

const possibleIn = (action: LetterAction, state: string) =>
  (LETTER_ACTIONS[action].from as readonly string[]).includes(state);

/** The actions this actor may take on the letter now. */
export function allowedLetterActions(actor: Actor, l: LetterAccess): LetterAction[] {
  return (Object.keys(LETTER_ACTIONS) as LetterAction[]).filter(
    (action) => possibleIn(action, l.state) && letterPolicy.act(actor, { action, letter: l }),
  );
}

/** 401/403 when the actor may never take the action on this letter; 409 naming the allowed ones otherwise. */
export function assertCanActOnLetter(actor: Actor, action: LetterAction, l: LetterAccess): void {
  authorize(actor, letterPolicy.act, { action, letter: l }, `letter.${action}`);
  if (!possibleIn(action, l.state)) {
    const allowed = allowedLetterActions(actor, l);
    throw new AppError('invalid_state', { state: l.state, action, allowed: allowed.join(', ') || '—' }, [], {
      allowedActions: allowed,
    });
  }
}
