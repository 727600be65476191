import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { authorize } from '../../shared/policy.js';
import { casePolicy } from './policy.js';
import { departmentIdsOf, findCase } from './repository.js';
import type { HistoryDownloadT } from './schemas-history.js';
import { composeHistory } from './compose-history.js';

/**
 * The same verifiable history for whoever may read the case when signed in: the file is the
 * public form (personal fields as commitments) whoever asks, so it can be handed on as it is.
 */
export async function getCaseHistory(
  db: Db,
  clock: Clock,
  actor: Actor,
  caseId: string,
): Promise<HistoryDownloadT> {
  const c = await findCase(db, caseId);
  if (!c) throw notFound('case', caseId);
  const parties = { applicantUserId: c.applicant_user_id, departmentIds: await departmentIdsOf(db, c) };
  authorize(actor, casePolicy.read, parties, 'case.history');
  return composeHistory(db, clock, c);
}
