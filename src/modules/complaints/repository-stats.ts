import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Per handling department: tickets, closed, closed and never reopened. */
export const ticketCounts = (db: Kysely<Database>) =>
  db
    .selectFrom('complaints')
    .select((eb) => [
      'assigned_department_id as department_id',
      eb.fn.countAll<number>().as('tickets'),
      eb.fn.sum<number>(sql`case when state = 'closed' then 1 else 0 end`).as('closed'),
      eb.fn
        .sum<number>(sql`case when state = 'closed' and reopen_count = 0 then 1 else 0 end`)
        .as('resolved'),
    ])
    .where('route', '=', 'department')
    .where('assigned_department_id', 'is not', null)
    .groupBy('assigned_department_id')
    .execute();

/** Per department: handling clocks ended by a reply, and of them those replied before they were overdue. */
export const replyTimeliness = (db: Kysely<Database>) =>
  db
    .selectFrom('clocks')
    .select((eb) => [
      'department_id',
      eb.fn.countAll<number>().as('replied'),
      eb.fn.sum<number>(sql`case when stopped_at < overdue_at then 1 else 0 end`).as('on_time'),
    ])
    .where('subject_type', '=', 'complaint')
    .where('outcome', '=', 'replied')
    .groupBy('department_id')
    .execute();
