import type { Kysely } from 'kysely';

/**
 * Performance assessment (效能考核): contributions of raw records, additive aggregates per
 * dimension and day with the histogram of working days used, the refresh cursor, versioned grading
 * schemes and each department's result per period.
 */
/** The counters as they stand at this migration (modules/assessment/counters.ts names them). */
const COUNTERS = [
  'decided',
  'on_time',
  'early',
  'overdue',
  'wd_sum',
  'received',
  'online',
  'supplemented',
  'visits',
  'visits_le1',
  'visits_zero',
  'tickets_called',
  'wait_seconds',
  'ratings',
  'satisfied',
  'bad',
  'rectified_on_time',
  'callbacks_due',
  'callbacks_made',
  'complaints_about',
  'tickets_dispatched',
  'tickets_replied',
  'replies_on_time',
  'returns',
  'reopens',
  'signals',
  'notice_breaches',
  'fees_refused',
  'orders',
  'orders_on_time',
  'refunds',
  'refunds_on_time',
];

/** The one table this migration writes rows to, as it stands at this migration. */
interface CursorRows {
  assessment_cursor: { name: string; at: string | null; rebuilt_at: string | null };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assessment_contributions')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('window', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('counters', 'text', (c) => c.notNull())
    .addColumn('days_used', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_contributions_pk', ['source', 'source_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('assessment_contributions_dept_day')
    .on('assessment_contributions')
    .columns(['department_id', 'day'])
    .execute();
  let agg = db.schema
    .createTable('assessment_aggregates')
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('dim_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull());
  for (const counter of COUNTERS) agg = agg.addColumn(counter, 'bigint', (c) => c.notNull().defaultTo(0));
  await agg
    .addPrimaryKeyConstraint('assessment_aggregates_pk', ['dim', 'day', 'dim_id', 'department_id'])
    .execute();
  await db.schema
    .createTable('assessment_days_used')
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('dim_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_days_used_pk', ['dim', 'day', 'dim_id', 'department_id', 'days'])
    .execute();
  await db.schema
    .createTable('assessment_cursor')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text')
    .addColumn('rebuilt_at', 'text')
    .execute();
  // The feed's events already applied, within the look-back window (pruned as the cursor moves).
  await db.schema
    .createTable('assessment_seen')
    .addColumn('event_id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_seen_at').on('assessment_seen').column('at').execute();
  // No cursor position yet: the first refresh builds every aggregate from the raw records.
  await (db as Kysely<CursorRows>)
    .insertInto('assessment_cursor')
    .values({ name: 'main', at: null, rebuilt_at: null })
    .execute();
  await db.schema
    .createTable('assessment_schemes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('min_sample', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('assessment_schemes_period_version', ['period', 'version'])
    .execute();
  await db.schema
    .createTable('assessment_results')
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('commented_at', 'text')
    .addColumn('commented_by', 'text')
    .addColumn('finalised_at', 'text')
    .addColumn('finalised_by', 'text')
    .addColumn('scheme_version', 'integer')
    .addColumn('score', 'real')
    .addColumn('grade', 'text')
    .addColumn('figures', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessment_results_pk', ['period', 'department_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'assessment_results',
    'assessment_schemes',
    'assessment_seen',
    'assessment_cursor',
    'assessment_days_used',
    'assessment_aggregates',
    'assessment_contributions',
  ])
    await db.schema.dropTable(table).execute();
}
