import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../server/errors.js';
import type { CaseTracker } from './track-case.js';
import { caseIdByReceipt } from './repository-history.js';
import type { HistoryDownloadT } from './schemas-history.js';
import { composeHistory } from './compose-history.js';

/**
 * A case's history for its applicant, through tracking, to check offline (`onewindow history
 * verify`). The receipt number and check code are checked, and wrong ones counted, exactly as a
 * tracking lookup does.
 */
export async function downloadHistory(
  db: Db,
  clock: Clock,
  tracker: CaseTracker,
  input: { receiptNo: string; code: string; ip: string },
): Promise<HistoryDownloadT> {
  await tracker.track(input.receiptNo, input.code, input.ip);
  const c = await caseIdByReceipt(db, input.receiptNo);
  if (!c) throw notFound('case', input.receiptNo);
  return composeHistory(db, clock, c);
}
