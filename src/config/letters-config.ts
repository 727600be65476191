import type { LetterKind, ReplyLimit } from '../modules/letters/letter-kinds.js';

export interface LettersConfig {
  /** The reply limit of each kind of letter; a letter's own limit may be set when it is assigned. */
  replyLimits: Record<LetterKind, ReplyLimit>;
}

type IntVar = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) => number;

/**
 * Defaults: 15 working days for letters from citizens, enterprises and other agencies (来函必复, the
 * center's rule); three months from assignment for deputies' suggestions and members' proposals
 * (their handling rules: 自交办之日起三个月内答复).
 */
export function lettersVars(env: NodeJS.ProcessEnv, intVar: IntVar): LettersConfig {
  const days = (name: string) => ({ unit: 'working_days' as const, n: intVar(env, name, 15, 1, 120) });
  const months = (name: string) => ({ unit: 'months' as const, n: intVar(env, name, 3, 1, 12) });
  return {
    replyLimits: {
      citizen: days('LETTER_REPLY_DAYS_CITIZEN'),
      enterprise: days('LETTER_REPLY_DAYS_ENTERPRISE'),
      agency: days('LETTER_REPLY_DAYS_AGENCY'),
      deputy_suggestion: months('LETTER_REPLY_MONTHS_DEPUTY'),
      cppcc_proposal: months('LETTER_REPLY_MONTHS_CPPCC'),
    },
  };
}
