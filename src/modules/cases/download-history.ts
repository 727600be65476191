import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../server/errors.js';
import type { CaseTracker } from './track-case.js';
import { caseEventsUpTo, caseIdByReceipt, chainHead } from './repository-history.js';
import { presentHistoryEvent } from './presenter.js';
import type { HistoryDownloadT } from './schemas-history.js';
import { GENESIS } from './event-hash.js';

export const HISTORY_RECIPE = 'docs/history-verification.md';

/**
 * A case's history for its applicant, with everything needed to check it offline (`onewindow
 * history verify`): every field each hash covers, personal ones as their commitment, and the global
 * head it was read against. The receipt number and tracking code are checked, and wrong ones
 * counted, exactly as a tracking lookup does.
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
  // The head first: every event up to it is committed, so the events read next agree with it.
  const head = await chainHead(db);
  const events = (await caseEventsUpTo(db, c.id, head.height)).map(presentHistoryEvent);
  const now = clock.now().toISOString();
  return {
    format: 'onewindow.case-history',
    formatVersion: 1,
    recipe: HISTORY_RECIPE,
    receiptNo: c.receipt_no,
    caseId: c.id,
    downloadedAt: now,
    latestHash: events.at(-1)?.hash ?? GENESIS,
    eventCount: events.length,
    globalHead: { ...head, checkedAt: now },
    events,
  };
}
