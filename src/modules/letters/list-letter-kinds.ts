import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { LETTER_KINDS, LETTER_KIND_NAMES } from './letter-kinds.js';
import type { LetterDeps } from './letter-deps.js';
import { letterPolicy } from './policy.js';

/** The kinds of letter with the reply limit each gets by default (as configured). */
export function listLetterKinds(deps: LetterDeps, actor: Actor) {
  authorize(actor, letterPolicy.list, undefined, 'letter.list');
  return LETTER_KINDS.map((kind) => ({ kind, ...LETTER_KIND_NAMES[kind], ...deps.config.replyLimits[kind] }));
}
