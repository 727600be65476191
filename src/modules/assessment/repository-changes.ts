import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Source } from './contributions.js';

type Q = Kysely<Database>;

/**
 * The audit entity types whose changes move a figure. Every state change is audited in its own
 * transaction, so the audit log is the change feed: 'clocks' is the supervision sweep (signals and
 * orders), 'calendar_year' a corrected calendar, 'inspection' a registered visit's steps and
 * 'inspection_enterprise' a start without registration or a registration refused (its scan and
 * signal are taken by their own time).
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
  'inspection',
  'inspection_enterprise',
];

export async function latestEventAt(db: Q): Promise<string | null> {
  const r = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('at').as('at'))
    .executeTakeFirst();
  return (r?.at as string | null | undefined) ?? null;
}

export interface FeedEvent {
  id: string;
  at: string;
  entity_type: string;
  entity_id: string;
}

/**
 * The feed's events since the look-back point not yet applied, oldest first. Events of one instant,
 * and events committed a moment after later-timed ones, are all found: what was applied is named,
 * not inferred from a time.
 */
export async function newEvents(db: Q, since: string, limit: number): Promise<FeedEvent[]> {
  return db
    .selectFrom('audit_events as a')
    .select(['a.id', 'a.at', 'a.entity_type', 'a.entity_id'])
    .where('a.at', '>', since)
    .where('a.entity_type', 'in', CHANGE_FEED_TYPES)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('assessment_seen as s').select('s.event_id').whereRef('s.event_id', '=', 'a.id')),
      ),
    )
    .orderBy('a.at')
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** Marks events applied, and forgets those before the look-back point (never read again). */
export async function markSeen(db: Q, events: FeedEvent[], since: string) {
  for (let i = 0; i < events.length; i += 1000)
    await db
      .insertInto('assessment_seen')
      .values(events.slice(i, i + 1000).map((e) => ({ event_id: e.id, at: e.at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  await db.deleteFrom('assessment_seen').where('at', '<=', since).execute();
}

/** The raw records changed by these events (and the signals and orders raised since), by source. */
export async function changedRecords(
  db: Q,
  events: FeedEvent[],
  since: string,
): Promise<Map<Source, Set<string>>> {
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
        await db
          .selectFrom('hall_tickets')
          .select('case_id')
          .where('id', 'in', ticketIds)
          .where('case_id', 'is not', null)
          .execute()
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
    add(
      'rating',
      (
        await db.selectFrom('rating_rectifications').select('rating_id').where('id', 'in', rect).execute()
      ).map((r) => r.rating_id),
    );
  const appeals = of('rating_appeal');
  if (appeals.length)
    add(
      'rating',
      (await db.selectFrom('rating_appeals').select('rating_id').where('id', 'in', appeals).execute()).map(
        (r) => r.rating_id,
      ),
    );
  add('inspection', of('inspection'));
  // A start without registration names the enterprise, not its scan: scans are taken by their own time.
  if (events.some((e) => e.entity_type === 'inspection_enterprise'))
    add(
      'inspection_scan',
      (
        await db
          .selectFrom('insp_scans')
          .select('id')
          .where('scanned_at', '>', since)
          .where('outcome', '=', 'unregistered')
          .execute()
      ).map((r) => r.id),
    );
  // Signals and orders are raised by sweeps and by several modules: taken by their own time.
  add(
    'signal',
    (await db.selectFrom('supervision_signals').select('id').where('raised_at', '>', since).execute()).map(
      (r) => r.id,
    ),
  );
  add(
    'order',
    (await db.selectFrom('supervision_orders').select('id').where('opened_at', '>', since).execute()).map(
      (r) => r.id,
    ),
  );
  return out;
}
