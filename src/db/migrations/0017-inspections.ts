import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Enterprise inspections (涉企检查): the published inspection items, penalty discretion standards and
 * inspectors of each department, the enterprises with their codes (扫码入企), the registered
 * inspections with their items and inspectors, scans at the door, the city's thresholds, and the
 * complaints enterprises made about an inspection.
 */
/** The row this migration writes, as the table stands at this migration. */
interface SettingsRows {
  insp_settings: {
    id: string;
    department_cap: number;
    total_cap: number;
    joint_window_days: number;
    result_days: number;
    frequency_window_days: number;
    frequency_threshold: number;
    repeat_window_days: number;
    updated_at: string;
  };
}

export async function up(schema: Kysely<unknown>): Promise<void> {
  const db = schema as Kysely<SettingsRows>;
  const t = columnTypes(db);
  await db.schema
    .createTable('insp_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_cap', 'integer', (c) => c.notNull())
    .addColumn('total_cap', 'integer', (c) => c.notNull())
    .addColumn('joint_window_days', 'integer', (c) => c.notNull())
    .addColumn('result_days', 'integer', (c) => c.notNull())
    .addColumn('frequency_window_days', 'integer', (c) => c.notNull())
    .addColumn('frequency_threshold', 'integer', (c) => c.notNull())
    .addColumn('repeat_window_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db
    .insertInto('insp_settings')
    .values({
      id: 'city',
      department_cap: 2,
      total_cap: 6,
      joint_window_days: 15,
      result_days: 5,
      frequency_window_days: 30,
      frequency_threshold: 3,
      repeat_window_days: 90,
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();

  // An item or a violation is versioned by its code within its department: publishing a new version
  // supersedes the one before; an inspection keeps the version it was registered with.
  for (const table of ['insp_items', 'insp_violations']) {
    let b = db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('version_no', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('published_at', t.timestamp, (c) => c.notNull())
      .addColumn('published_by', 'text');
    b =
      table === 'insp_items'
        ? b
            .addColumn('subjects', 'text', (c) => c.notNull())
            .addColumn('method', 'text', (c) => c.notNull())
            .addColumn('frequency', 'text', (c) => c.notNull())
            .addColumn('notice_allowed', 'integer', (c) => c.notNull())
        : b.addColumn('ranges', 'text', (c) => c.notNull());
    await b.addUniqueConstraint(`${table}_version_uq`, ['department_id', 'code', 'version_no']).execute();
    await db.schema
      .createIndex(`${table}_status_idx`)
      .on(table)
      .columns(['department_id', 'status', 'code'])
      .execute();
  }

  await db.schema
    .createTable('insp_inspectors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('user_id', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('certificate_no', 'text', (c) => c.notNull().unique())
    .addColumn('valid_from', t.date, (c) => c.notNull())
    .addColumn('valid_to', t.date, (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('insp_inspectors_dept_idx')
    .on('insp_inspectors')
    .columns(['department_id'])
    .execute();

  await db.schema
    .createTable('insp_enterprises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('credit_code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    // The code on the sign at the door (QR), public; the check code, the enterprise's own.
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('check_code', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('insp_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('insp_enterprises.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('planned_date', t.date, (c) => c.notNull())
    .addColumn('max_minutes', 'integer', (c) => c.notNull())
    .addColumn('notice', 'integer', (c) => c.notNull())
    .addColumn('joint_group', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', t.timestamp)
    .addColumn('ended_at', t.timestamp)
    .addColumn('overran', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('clock_id', 'text')
    .addColumn('outcome', 'text')
    .addColumn('findings', 'text')
    .addColumn('rectification_deadline', t.date)
    .addColumn('violation_id', 'text', (c) => c.references('insp_violations.id'))
    .addColumn('severity', 'text')
    .addColumn('warning', 'integer')
    .addColumn('fine_fen', 'bigint')
    .addColumn('penalty_reason', 'text')
    .addColumn('outside_standard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result_at', t.timestamp)
    .addColumn('record_number', 'text', (c) => c.unique())
    .addColumn('record_sha256', 'text')
    .addColumn('record_key', 'text')
    .addColumn('received_at', t.timestamp)
    .addColumn('complaints', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('registered_by', 'text')
    .addColumn('registered_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The checks at registration and at the door read these: an enterprise's year (caps, per
  // department and in total), its days (the scan, joint visits, frequency), a department's plan.
  await db.schema
    .createIndex('insp_inspections_cap_idx')
    .on('insp_inspections')
    .columns(['enterprise_id', 'year', 'department_id'])
    .execute();
  await db.schema
    .createIndex('insp_inspections_day_idx')
    .on('insp_inspections')
    .columns(['enterprise_id', 'planned_date'])
    .execute();
  await db.schema
    .createIndex('insp_inspections_plan_idx')
    .on('insp_inspections')
    .columns(['department_id', 'planned_date'])
    .execute();

  await db.schema
    .createTable('insp_inspection_items')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('insp_inspections.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('insp_items.id'))
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('insp_inspection_items_pk', ['inspection_id', 'item_id'])
    .execute();
  await db.schema
    .createTable('insp_inspection_inspectors')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('insp_inspections.id'))
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('insp_inspectors.id'))
    .addPrimaryKeyConstraint('insp_inspection_inspectors_pk', ['inspection_id', 'inspector_id'])
    .execute();
  await db.schema
    .createIndex('insp_inspection_inspectors_idx')
    .on('insp_inspection_inspectors')
    .columns(['inspector_id', 'inspection_id'])
    .execute();

  // Every scan at a door, refused ones included: a start without registration is a violation on record.
  await db.schema
    .createTable('insp_scans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('insp_enterprises.id'))
    .addColumn('department_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('inspection_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('scanned_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('insp_scans_enterprise_idx')
    .on('insp_scans')
    .columns(['enterprise_id', 'scanned_at'])
    .execute();

  await db.schema
    .createTable('insp_complaints')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('insp_inspections.id'))
    .addColumn('ticket_no', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('insp_complaints_pk', ['inspection_id', 'ticket_no'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'insp_complaints',
    'insp_scans',
    'insp_inspection_inspectors',
    'insp_inspection_items',
    'insp_inspections',
    'insp_enterprises',
    'insp_inspectors',
    'insp_violations',
    'insp_items',
    'insp_settings',
  ])
    await db.schema.dropTable(table).execute();
}
