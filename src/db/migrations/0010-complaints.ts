import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/** The seed's categories (domain.md §7) with their default working-day limits. */
const CATEGORIES: [code: string, zh: string, en: string, kind: string, days: number][] = [
  ['arbitrary_fee', '乱收费', 'Arbitrary charges', 'complaint', 13],
  ['arbitrary_fine', '乱罚款', 'Arbitrary fines', 'complaint', 13],
  ['arbitrary_levy', '乱摊派', 'Arbitrary levies', 'complaint', 13],
  ['arbitrary_inspection', '乱检查', 'Arbitrary inspections', 'complaint', 13],
  ['delay', '办事拖拉', 'Delay', 'complaint', 13],
  ['buck_passing', '推诿扯皮', 'Buck-passing', 'complaint', 13],
  ['attitude', '门难进脸难看事难办', 'Hard to get in, hard faces, hard to get done', 'complaint', 13],
  ['non_transparency', '暗箱操作', 'Non-transparency', 'complaint', 13],
  ['consultation', '咨询', 'Consultation', 'consultation', 3],
  ['suggestion', '建议', 'Suggestion', 'suggestion', 13],
  ['praise', '表扬', 'Praise', 'praise', 13],
];

/** The reporting center (举报中心): categories, tickets, their chained history, attachments, returns, Open311 keys. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('complaint_categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('urgent_limit_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db
    .insertInto('complaint_categories')
    .values(
      CATEGORIES.map(([code, zh, en, kind, days], i) => ({
        code,
        name_zh: zh,
        name_en: en,
        kind,
        limit_days: days,
        urgent_limit_days: 0,
        sort: i + 1,
        active: 1,
      })),
    )
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ticket_no', 'text', (c) => c.notNull().unique())
    .addColumn('check_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('reporter_user_id', 'text')
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('category_code', 'text', (c) => c.notNull().references('complaint_categories.code'))
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('about_leadership', 'integer', (c) => c.notNull())
    .addColumn('case_receipt_no', 'text')
    .addColumn('fee_reference', 'text')
    .addColumn('inspection_reference', 'text')
    .addColumn('staff_named', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('assigned_department_id', 'text')
    .addColumn('merged_into_id', 'text')
    .addColumn('refusal_reasons', 'text')
    .addColumn('reply', 'text')
    .addColumn('callback_note', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_note', 'text')
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('acceptance_clock_id', 'text')
    .addColumn('handling_clock_id', 'text')
    .addColumn('result_clock_id', 'text')
    .addColumn('accepted_date', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('replied_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('last_hash', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('complaints_dup_idx')
    .on('complaints')
    .columns(['department_id', 'category_code', 'created_at'])
    .execute();
  await db.schema
    .createIndex('complaints_queue_idx')
    .on('complaints')
    .columns(['state', 'assigned_department_id'])
    .execute();
  await db.schema
    .createIndex('complaints_reporter_idx')
    .on('complaints')
    .columns(['reporter_user_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('complaint_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('complaint_events_seq_uq', ['complaint_id', 'seq'])
    .execute();

  await db.schema
    .createTable('complaint_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('complaint_attachments_idx')
    .on('complaint_attachments')
    .column('complaint_id')
    .execute();

  // Every return (退单) is counted against the department that returned the ticket.
  await db.schema
    .createTable('complaint_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('suggested_department_id', 'text')
    .addColumn('suggested_responsible', 'text')
    .addColumn('returned_by', 'text')
    .addColumn('returned_at', t.timestamp, (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_to', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('complaint_returns_dept_idx')
    .on('complaint_returns')
    .column('department_id')
    .execute();

  await db.schema
    .createTable('open311_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', t.timestamp)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'open311_keys',
    'complaint_returns',
    'complaint_attachments',
    'complaint_events',
    'complaints',
    'complaint_categories',
  ])
    await db.schema.dropTable(table).execute();
}
