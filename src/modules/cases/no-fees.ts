import type { CaseFees } from './case-deps.js';

/**
 * Used where a case runs without the fee module wired in (unit tests of intake and review):
 * nothing is issued and nothing blocks.
 */
export const noFees: CaseFees = {
  reached: async () => {},
  assertPaid: async () => {},
};
