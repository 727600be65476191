import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { systemActor } from '../../shared/actor.js';
import { dialectOf } from '../../db/column-types.js';
import { audited } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { contributionsOf, SOURCES, type Source } from './contributions.js';
import { LOADERS } from './repository-sources.js';
import {
  applyDeltas,
  claimCursor,
  clearAggregates,
  contributionRow,
  Deltas,
  replaceContributions,
  rowContribution,
  setCursor,
  storedContributions,
} from './repository.js';
import {
  changedRecords,
  CHANGE_FEED_TYPES,
  latestEventAt,
  markSeen,
  newEvents,
} from './repository-changes.js';

export const ASSESSOR = systemActor('assessment');

export interface AssessmentDeps {
  db: Db;
  clock: Clock;
  calendars: { get(): Promise<WorkingCalendar> };
}

/**
 * How far back each pass looks, behind the cursor, for events not yet applied: a unit's audit time is
 * taken when its work starts, so on PostgreSQL one that commits a moment after a later-started one
 * has an earlier time than events already applied. The events applied are named (assessment_seen),
 * so each is applied once; refreshing a record twice would be harmless anyway (it is replaced).
 */
export const OVERLAP_MS = 5 * 60_000;
const PAGE = 2000;

/**
 * Brings the aggregates up to the records: each pass claims the cursor (FOR UPDATE SKIP LOCKED on
 * PostgreSQL: one instance refreshes, the others pass), reads the audit events not yet applied, maps them to
 * the raw records they changed, and replaces each record's contributions, adding the difference to
 * the aggregates in the same transaction. With no cursor yet (a new or restored database, or a
 * corrected calendar) it builds everything from the raw records. Returns the records refreshed.
 */
export async function refreshAssessment(
  deps: AssessmentDeps,
  opts: { batch?: number } = {},
): Promise<number> {
  const cal = await deps.calendars.get();
  const pg = dialectOf(deps.db) === 'postgres';
  return audited(deps.db, deps.clock, ASSESSOR, async (uow) => {
    const cursor = await claimCursor(uow.db, pg);
    if (!cursor) return uow.unchanged(0);
    if (cursor.at === null) {
      const at = await latestEventAt(uow.db);
      const n = await rebuild(uow.db, cal);
      await setCursor(uow.db, at ?? uow.nowIso, uow.nowIso);
      await uow.audit({
        action: 'assessment.rebuilt',
        entityType: 'assessment',
        entityId: 'main',
        data: { contributions: n, reason: 'no cursor' },
      });
      return n;
    }
    const since = new Date(new Date(cursor.at).getTime() - OVERLAP_MS).toISOString();
    const fresh = await newEvents(uow.db, since, opts.batch ?? 5000);
    if (!fresh.length) return uow.unchanged(0);
    const last = fresh[fresh.length - 1]!.at > cursor.at ? fresh[fresh.length - 1]!.at : cursor.at;
    await markSeen(uow.db, fresh, since);
    if (fresh.some((e) => e.entity_type === 'calendar_year')) {
      // A corrected calendar moves the working days of every decided case: build afresh.
      const n = await rebuild(uow.db, cal);
      await setCursor(uow.db, last, uow.nowIso);
      await uow.audit({
        action: 'assessment.rebuilt',
        entityType: 'assessment',
        entityId: 'main',
        data: { contributions: n, reason: 'calendar corrected' },
      });
      return n;
    }
    const changed = await changedRecords(uow.db, fresh, since);
    let records = 0;
    for (const source of SOURCES) {
      const ids = [...(changed.get(source) ?? [])];
      records += ids.length;
      for (let i = 0; i < ids.length; i += 500)
        await refreshRecords(uow.db, cal, source, ids.slice(i, i + 500));
    }
    await setCursor(uow.db, last);
    await uow.audit({
      action: 'assessment.refreshed',
      entityType: 'assessment',
      entityId: 'main',
      data: { records, events: fresh.length },
    });
    return records;
  });
}

/** Replaces the contributions of these records by what they contribute now, and adds the difference. */
export async function refreshRecords(
  db: Kysely<Database>,
  cal: WorkingCalendar,
  source: Source,
  ids: string[],
) {
  const d = new Deltas();
  for (const old of await storedContributions(db, source, ids)) d.add(rowContribution(old), -1);
  const rows = [];
  for (const r of await LOADERS[source](db, { ids })) {
    for (const c of contributionsOf(r, cal)) {
      d.add(c, 1);
      rows.push(contributionRow(source, r.id, c));
    }
  }
  await replaceContributions(db, source, ids, rows);
  await applyDeltas(db, d);
}

/** Every aggregate from the raw records, page by page. Returns the contributions written. */
export async function rebuild(db: Kysely<Database>, cal: WorkingCalendar): Promise<number> {
  await clearAggregates(db);
  let n = 0;
  for (const source of SOURCES) {
    let after = '';
    for (;;) {
      const page = await LOADERS[source](db, { after, limit: PAGE });
      if (!page.length) break;
      const d = new Deltas();
      const rows = [];
      for (const r of page)
        for (const c of contributionsOf(r, cal)) {
          d.add(c, 1);
          rows.push(contributionRow(source, r.id, c));
        }
      await replaceContributions(db, source, [], rows);
      await applyDeltas(db, d);
      n += rows.length;
      after = page[page.length - 1]!.id;
    }
  }
  return n;
}

export { CHANGE_FEED_TYPES };
