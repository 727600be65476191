import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Open311KeyTable } from '../../../db/schema-complaints.js';

type Db = Kysely<Database>;

export const insertKey = (db: Db, row: Insertable<Open311KeyTable>) =>
  db.insertInto('open311_keys').values(row).execute();

export const findActiveKey = (db: Db, keyHash: string) =>
  db
    .selectFrom('open311_keys')
    .select('id')
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

export interface RequestFilter {
  ids?: string[];
  serviceCode?: string;
  startIso: string;
  /** absent: no upper bound (a record stamped a moment ahead by another clock is still listed) */
  endIso?: string;
  states?: string[];
  limit: number;
}

/**
 * Reports that came in over Open311, as the interface shows them publicly: never a report about a
 * department's leadership, and never anything of the reporter.
 */
export function open311Requests(db: Db, f: RequestFilter) {
  let q = db
    .selectFrom('complaints as t')
    .leftJoin('clocks as h', 'h.id', 't.handling_clock_id')
    .selectAll('t')
    .select(['h.overdue_at as expected_at'])
    .where('t.channel', '=', 'open311')
    .where('t.route', '=', 'department');
  if (f.ids) q = q.where('t.ticket_no', 'in', f.ids.length ? f.ids : ['-']);
  else {
    q = q.where('t.created_at', '>=', f.startIso);
    if (f.endIso) q = q.where('t.created_at', '<=', f.endIso);
  }
  if (f.serviceCode) q = q.where('t.category_code', '=', f.serviceCode);
  if (f.states) q = q.where('t.state', 'in', f.states);
  return q.orderBy('t.created_at', 'desc').limit(f.limit).execute();
}

export const findOpen311ById = (db: Db, id: string) =>
  db
    .selectFrom('complaints')
    .select(['id', 'ticket_no'])
    .where('id', '=', id)
    .where('channel', '=', 'open311')
    .executeTakeFirst();

export const eventsOfMany = (db: Db, ids: string[]) =>
  ids.length
    ? db
        .selectFrom('complaint_events')
        .select(['complaint_id', 'at', 'kind'])
        .where('complaint_id', 'in', ids)
        .orderBy('seq')
        .execute()
    : Promise.resolve([]);
