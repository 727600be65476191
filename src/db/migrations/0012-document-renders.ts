import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf } from '../column-types.js';

/**
 * Documents rendered after the commit: the transaction that issues a document fixes its content
 * (number, date, composed input and the content's SHA-256) and queues a render job; a pool of
 * threads renders the PDF later. A document is `preparing` until its PDF is stored, then `ready`
 * (with the PDF's SHA-256 and key), or `failed` after its retries (still queued, never lost).
 * A case no longer has to own a document: a reply letter is one too (case_id null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  if (dialectOf(db) === 'postgres') {
    await sql`alter table documents alter column case_id drop not null,
      alter column sha256 drop not null, alter column storage_key drop not null`.execute(db);
    await db.schema
      .alterTable('documents')
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('ready'))
      .execute();
    for (const [name, type] of COLUMNS(t.timestamp))
      await db.schema
        .alterTable('documents')
        .addColumn(name, type as 'text')
        .execute();
    await sql`alter table documents alter column attempts set default 0`.execute(db);
    await sql`update documents set attempts = 0`.execute(db);
    await sql`alter table documents alter column attempts set not null`.execute(db);
  } else {
    // SQLite cannot drop NOT NULL: the table is rebuilt with the rows it has (all of them rendered).
    await db.schema
      .createTable('documents_0012')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('issued_at', t.timestamp, (c) => c.notNull())
      .addColumn('sha256', 'text')
      .addColumn('storage_key', 'text')
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('ready'))
      .addColumn('content_sha256', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rendered_at', t.timestamp)
      .addColumn('last_error', 'text')
      .execute();
    await sql`insert into documents_0012 (id, case_id, kind, number, issued_at, sha256, storage_key, content)
      select id, case_id, kind, number, issued_at, sha256, storage_key, content from documents`.execute(db);
    await db.schema.dropTable('documents').execute();
    await sql`alter table documents_0012 rename to documents`.execute(db);
    await db.schema.createIndex('documents_case_idx').on('documents').column('case_id').execute();
  }
  await db.schema
    .createTable('document_renders')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    // Claimable from this instant: the issuing instance leases its job to itself for a while
    // (it renders it right after the commit); a failure sets the next attempt; a claim a new lease.
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_renders_due_idx').on('document_renders').column('due_at').execute();
}

const COLUMNS = (ts: string) =>
  [
    ['content_sha256', 'text'],
    ['attempts', 'integer'],
    ['rendered_at', ts],
    ['last_error', 'text'],
  ] as const;

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_renders').execute();
  for (const [name] of COLUMNS('text')) await db.schema.alterTable('documents').dropColumn(name).execute();
  await db.schema.alterTable('documents').dropColumn('state').execute();
}
