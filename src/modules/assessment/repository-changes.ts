import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Source } from './contributions.js';

type Q = Kysely<Database>;

/**
 * The audit entity types whose changes move a figure. Every state change is audited in its own
 * transaction, so the audit log is the change feed: 'clocks' is the supervision sweep (signals and
 * orders), 'calendar_year' a corrected calendar.
 */
export const CHANGE_FEED_TYPES = [
  'case',
  'hall_ticket',
  'rating',
  'rating_rectification',
  'rating_appeal',
  'complaint',
  'supervision_order',
  'refund',
  'clocks',
  'calendar_year',
];

export async function latestEventAt(db: Q): Promise<string | null> {
  const r = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('at').as('at'))
    .executeTakeFirst();
  return (r?.at as string | null | undefined) ?? null;
}

/** The feed's events after the cursor, oldest first. */
export async function newEvents(db: Q, after: string, limit: number) {
  return db
    .selectFrom('audit_events')
    .select(['at', 'entity_type'])
    .where('at', '>', after)
    .where('entity_type', 'in', CHANGE_FEED_TYPES)
    .orderBy('at')
    .limit(limit)
    .execute();
}

/** The raw records changed by the feed's events in (since, until], by source. */
export async function changedRecords(db: Q, since: string, until: string): Promise<Map<Source, Set<string>>> {
  const events = await db
    .selectFrom('audit_events')
    .select(['entity_type', 'entity_id'])
    .where('at', '>', since)
    .where('at', '<=', until)
    .where('entity_type', 'in', CHANGE_FEED_TYPES)
    .execute();
  const out = new Map<Source, Set<string>>();
  const add = (s: Source, ids: readonly string[]) => {
    let set = out.get(s);
    if (!set) out.set(s, (set = new Set()));
    for (const id of ids) set.add(id);
  };
  const of = (t: string) => [...new Set(events.filter((e) => e.entity_type === t).map((e) => e.entity_id))];
  const caseIds = of('case');
  add('case', caseIds);
  add('complaint', of('complaint'));
  add('order', of('supervision_order'));
  add('refund', of('refund'));
  add('rating', of('rating'));
  const ticketIds = of('hall_ticket');
  add('ticket', ticketIds);
  const visitedCases = ticketIds.length
    ? (
        await db.selectFrom('hall_tickets').select('case_id').where('id', 'in', ticketIds).where('case_id', 'is not', null).execute()
      ).map((r) => r.case_id!)
    : [];
  const clockCases = [...new Set([...caseIds, ...visitedCases])];
  if (clockCases.length)
    add(
      'case_clock',
      (
        await db
          .selectFrom('clocks')
          .select('id')
          .where('subject_type', '=', 'case')
          .where('subject_id', 'in', clockCases)
          .execute()
      ).map((r) => r.id),
    );
  const rect = of('rating_rectification');
  if (rect.length)
    add('rating', (await db.selectFrom('rating_rectifications').select('rating_id').where('id', 'in', rect).execute()).map((r) => r.rating_id));
  const appeals = of('rating_appeal');
  if (appeals.length)
    add('rating', (await db.selectFrom('rating_appeals').select('rating_id').where('id', 'in', appeals).execute()).map((r) => r.rating_id));
  // Signals and orders are raised by sweeps and by several modules: taken by their own time.
  add('signal', (await db.selectFrom('supervision_signals').select('id').where('raised_at', '>', since).execute()).map((r) => r.id));
  add('order', (await db.selectFrom('supervision_orders').select('id').where('opened_at', '>', since).execute()).map((r) => r.id));
  return out;
}
