import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/** The global chain's head and the time of its last event (none before the first). */
export async function chainHead(db: Q) {
  const h = await db
    .selectFrom('event_chain_head')
    .select(['global_seq', 'global_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const height = Number(h.global_seq);
  const last = height
    ? await db.selectFrom('case_events').select('at').where('global_seq', '=', height).executeTakeFirst()
    : undefined;
  return { height, hash: h.global_hash, at: last?.at ?? null };
}

/**
 * A case's events up to a global height read before: the head moves in the transaction that
 * appends, so these are committed and agree with that head.
 */
export const caseEventsUpTo = (db: Q, caseId: string, height: number) =>
  db
    .selectFrom('case_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('global_seq', '<=', height)
    .orderBy('seq')
    .execute();

/** The case a receipt number names (tracking has checked the code by then). */
export const caseIdByReceipt = (db: Q, receiptNo: string) =>
  db.selectFrom('cases').select(['id', 'receipt_no']).where('receipt_no', '=', receiptNo).executeTakeFirst();
