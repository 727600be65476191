import type { Kysely } from 'kysely';
import { columnTypes } from '../column-types.js';

/**
 * Disclosure (政务公开): the library of normative documents (规范性文件) with their search terms and
 * the items whose legal basis cites them, and village affairs and finance disclosure (村务财务公开):
 * villages, the statements published per period with their attachments, and the periods found
 * overdue (each signalled once). A reporting-center category lets villagers report a missing one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  const ts = t.timestamp;

  await db.schema
    .createTable('disc_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('doc_no', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', t.date, (c) => c.notNull())
    .addColumn('effective_on', t.date, (c) => c.notNull())
    .addColumn('expires_on', t.date)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amends_id', 'text', (c) => c.references('disc_documents.id'))
    .addColumn('amended_by_id', 'text', (c) => c.references('disc_documents.id'))
    .addColumn('repealed_by_id', 'text', (c) => c.references('disc_documents.id'))
    .addColumn('repealed_on', t.date)
    .addColumn('repeal_reason', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('interpretation', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('disc_documents_issued_idx').on('disc_documents').column('issued_on').execute();
  await db.schema
    .createTable('disc_document_terms')
    .addColumn('document_id', 'text', (c) => c.notNull().references('disc_documents.id'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('disc_document_terms_pk', ['document_id', 'term'])
    .execute();
  await db.schema
    .createIndex('disc_document_terms_term_idx')
    .on('disc_document_terms')
    .column('term')
    .execute();
  await db.schema
    .createTable('disc_item_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_code', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull().references('disc_documents.id'))
    .addColumn('basis_title', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addUniqueConstraint('disc_item_links_uq', ['item_code', 'document_id'])
    .execute();
  await db.schema
    .createIndex('disc_item_links_doc_idx')
    .on('disc_item_links')
    .column('document_id')
    .execute();

  await db.schema
    .createTable('disc_villages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull().references('departments.id'))
    .addColumn('cadence', 'text', (c) => c.notNull())
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('disclose_from', t.date, (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('disc_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village_id', 'text', (c) => c.notNull().references('disc_villages.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('income', 'text', (c) => c.notNull())
    .addColumn('expenditure', 'text', (c) => c.notNull())
    .addColumn('assets', 'text', (c) => c.notNull())
    .addColumn('major_matters', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('published_at', ts, (c) => c.notNull())
    .addColumn('published_by', 'text')
    .addUniqueConstraint('disc_statements_period_uq', ['village_id', 'period'])
    .execute();
  await db.schema
    .createTable('disc_statement_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) => c.notNull().references('disc_statements.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disc_statement_files_idx')
    .on('disc_statement_files')
    .column('statement_id')
    .execute();
  await db.schema
    .createTable('disc_overdue_periods')
    .addColumn('village_id', 'text', (c) => c.notNull().references('disc_villages.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('raised_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('disc_overdue_periods_pk', ['village_id', 'period'])
    .execute();

  // Written as the table stands at this migration.
  await (db as Kysely<{ complaint_categories: Record<string, string | number> }>)
    .insertInto('complaint_categories')
    .values({
      code: 'village_disclosure',
      name_zh: '村务财务未按时公开',
      name_en: 'Village affairs or finances not disclosed on time',
      kind: 'complaint',
      limit_days: 13,
      urgent_limit_days: 0,
      sort: 100,
      active: 1,
    })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await (db as Kysely<{ complaint_categories: { code: string } }>)
    .deleteFrom('complaint_categories')
    .where('code', '=', 'village_disclosure')
    .execute();
  for (const table of [
    'disc_overdue_periods',
    'disc_statement_files',
    'disc_statements',
    'disc_villages',
    'disc_item_links',
    'disc_document_terms',
    'disc_documents',
  ])
    await db.schema.dropTable(table).execute();
}
