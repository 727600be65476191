import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { chainHead } from './repository-history.js';
import type { ChainHeadT } from './schemas-history.js';

/**
 * The global chain's head, public: anyone may record it over time, and a history downloaded later
 * must lead to a head that agrees, so the chain cannot be rewritten without the records disagreeing.
 */
export async function getChainHead(db: Db, clock: Clock): Promise<ChainHeadT> {
  return { ...(await chainHead(db)), checkedAt: clock.now().toISOString() };
}
