import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Service ratings (好差评): ratings from every channel in one table (one per matter per channel),
 * the rectification a bad one opens with its three clocks and its call-back, appeals, and the
 * invitations sent when a matter ends. Democratic appraisal (民主评议): campaigns, batches of
 * one-time ballot codes kept only as hashes (valid, then used), and ballots that name no one.
 */
/** The one table this migration writes rows to, as it stands at this migration (not as it may become). */
interface CategoryRows {
  complaint_categories: {
    code: string;
    name_zh: string;
    name_en: string;
    kind: string;
    limit_days: number;
    urgent_limit_days: number;
    sort: number;
    active: number;
  };
}

export async function up(schema: Kysely<unknown>): Promise<void> {
  const db = schema as Kysely<CategoryRows>;
  const t = columnTypes(db);
  // Nobody may pressure a rater: an attempt is reported to the reporting center under its own category.
  const sort = await db
    .selectFrom('complaint_categories')
    .select((eb) => eb.fn.max('sort').as('m'))
    .executeTakeFirst();
  await db
    .insertInto('complaint_categories')
    .values({
      code: 'rating_pressure',
      name_zh: '干预评价（诱导、强迫好评或报复差评）',
      name_en: 'Pressure on a rating (a good one induced or forced, a bad one retaliated against)',
      kind: 'complaint',
      limit_days: 13,
      urgent_limit_days: 0,
      sort: Number(sort?.m ?? 0) + 1,
      active: 1,
    })
    .execute();
  await db.schema
    .createTable('rating_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_ref', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('item_id', 'text')
    .addColumn('window', 'text')
    .addColumn('staff_id', 'text')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('real_name', 'integer', (c) => c.notNull())
    .addColumn('rater_user_id', 'text')
    .addColumn('rater_name', 'text')
    .addColumn('rater_phone', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('exclusion_reason', 'text')
    .addColumn('rated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('rating_ratings_one_per_channel', ['subject_type', 'subject_id', 'channel'])
    .execute();
  await db.schema
    .createIndex('rating_ratings_department_idx')
    .on('rating_ratings')
    .columns(['department_id', 'rated_at'])
    .execute();
  await db.schema
    .createIndex('rating_ratings_rated_idx')
    .on('rating_ratings')
    .columns(['rated_at'])
    .execute();

  await db.schema
    .createTable('rating_rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('rating_ratings.id'))
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('acknowledge_clock_id', 'text', (c) => c.notNull())
    .addColumn('answer_clock_id', 'text', (c) => c.notNull())
    .addColumn('rectify_clock_id', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', t.timestamp)
    .addColumn('answer', 'text')
    .addColumn('answered_at', t.timestamp)
    .addColumn('measures', 'text')
    .addColumn('rectified_at', t.timestamp)
    .addColumn('callback_required', 'integer', (c) => c.notNull())
    .addColumn('callback_reached', 'integer')
    .addColumn('callback_result', 'text')
    .addColumn('callback_at', t.timestamp)
    .addColumn('callback_by', 'text')
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('rating_rectifications_department_idx')
    .on('rating_rectifications')
    .columns(['department_id', 'state'])
    .execute();

  await db.schema
    .createTable('rating_appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull().unique().references('rating_ratings.id'))
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('grounds', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decision_reason', 'text')
    .addColumn('filed_by', 'text')
    .addColumn('filed_at', t.timestamp, (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('rating_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('invited_at', t.timestamp, (c) => c.notNull())
    .addColumn('remind_at', t.timestamp)
    .addColumn('reminded_at', t.timestamp)
    .addColumn('rated_at', t.timestamp)
    .addUniqueConstraint('rating_invitations_subject', ['subject_type', 'subject_id'])
    .execute();
  // The reminder pass reads only what is due: invitations not rated, not reminded, past remind_at.
  await db.schema
    .createIndex('rating_invitations_due_idx')
    .on('rating_invitations')
    .columns(['remind_at'])
    .execute();

  await db.schema
    .createTable('appraisal_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('departments', 'text', (c) => c.notNull())
    .addColumn('dimensions', 'text', (c) => c.notNull())
    .addColumn('panel', 'text', (c) => c.notNull())
    .addColumn('bottom_count', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reappraisal_of', 'text')
    .addColumn('results', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('published_at', t.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('appraisal_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('appraisal_campaigns.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('issued_at', t.timestamp, (c) => c.notNull())
    .execute();
  // Only hashes: a valid code leaves this table when it is used, and its hash goes to the used list.
  await db.schema
    .createTable('appraisal_valid_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('appraisal_used_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .execute();
  // A ballot: no time, no code, no actor; its id is random (not time-ordered).
  await db.schema
    .createTable('appraisal_ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appraisal_ballots_campaign_idx')
    .on('appraisal_ballots')
    .columns(['campaign_id'])
    .execute();
  await db.schema
    .createTable('appraisal_rectifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('clock_id', 'text', (c) => c.notNull())
    .addColumn('reappraisal_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('reported_at', t.timestamp)
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('appraisal_rectifications_one', ['campaign_id', 'department_id'])
    .execute();
}

export async function down(schema: Kysely<unknown>): Promise<void> {
  const db = schema as Kysely<CategoryRows>;
  await db.deleteFrom('complaint_categories').where('code', '=', 'rating_pressure').execute();
  for (const table of [
    'appraisal_rectifications',
    'appraisal_ballots',
    'appraisal_used_codes',
    'appraisal_valid_codes',
    'appraisal_batches',
    'appraisal_campaigns',
    'rating_invitations',
    'rating_appeals',
    'rating_rectifications',
    'rating_ratings',
  ])
    await db.schema.dropTable(table).execute();
}
