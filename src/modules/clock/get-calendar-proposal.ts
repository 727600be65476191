import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { findProposal, type ProposalRow } from './repository.js';

/** One calendar proposal (the one just made, to answer its proposer with). */
export async function getCalendarProposal(db: Db, id: string): Promise<ProposalRow> {
  const p = await findProposal(db, id);
  if (!p) throw notFound('calendar_proposal', id);
  return p;
}
