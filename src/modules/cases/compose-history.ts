import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { caseEventsUpTo, chainHead } from './repository-history.js';
import { presentHistoryEvent } from './presenter.js';
import type { HistoryDownloadT } from './schemas-history.js';
import { GENESIS } from './event-hash.js';

export const HISTORY_RECIPE = 'docs/history-verification.md';

/**
 * A case's verifiable history: every field each hash covers, personal ones as their commitment, and
 * the global head it was read against. The head is read first: every event up to it is committed
 * (it moves in the transaction that appends), so the events read next agree with it.
 */
export async function composeHistory(
  db: Db,
  clock: Clock,
  c: { id: string; receipt_no: string },
): Promise<HistoryDownloadT> {
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
