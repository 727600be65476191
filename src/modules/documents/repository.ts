// The documents' rows and their render queue. Inside a transaction these take uow.db.

import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, DocumentTable } from '../../db/schema.js';
import type { DialectName } from '../../db/column-types.js';

type Q = Kysely<Database>;

/** A document and its render job, written in the transaction that issues it. */
export async function insertIssued(db: Q, row: Insertable<DocumentTable>, dueAt: string, nowIso: string) {
  await db.insertInto('documents').values(row).execute();
  await db
    .insertInto('document_renders')
    .values({ document_id: row.id, due_at: dueAt, created_at: nowIso })
    .execute();
}

export const findDocument = (db: Q, id: string) =>
  db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
export type DocumentRow = NonNullable<Awaited<ReturnType<typeof findDocument>>>;

export const findDocumentByNumber = (db: Q, number: string) =>
  db.selectFrom('documents').selectAll().where('number', '=', number).executeTakeFirst();

export const documentState = (db: Q, id: string) =>
  db.selectFrom('documents').select(['state', 'sha256']).where('id', '=', id).executeTakeFirst();

/**
 * Leases the render jobs due at `now` (or every job, `all`) until `leaseUntil` and returns their
 * documents' ids. On PostgreSQL the rows are taken FOR UPDATE SKIP LOCKED, so instances sharing the
 * database each get different jobs; on SQLite the one write lock does the same.
 */
export async function claimRenders(
  db: Q,
  dialect: DialectName,
  opts: { nowIso: string; leaseUntil: string; limit: number; all?: boolean },
): Promise<string[]> {
  let due = db.selectFrom('document_renders').select('document_id').orderBy('due_at').limit(opts.limit);
  if (!opts.all) due = due.where('due_at', '<=', opts.nowIso);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await db
    .updateTable('document_renders')
    .set({ due_at: opts.leaseUntil })
    .where('document_id', 'in', due)
    .returning('document_id')
    .execute();
  return rows.map((r) => r.document_id);
}

/** The PDF is stored: the document is ready and its job done. False if it was ready already. */
export async function markRendered(
  db: Q,
  id: string,
  pdf: { sha256: string; storageKey: string; attempts: number; nowIso: string },
): Promise<boolean> {
  const r = await db
    .updateTable('documents')
    .set({
      state: 'ready',
      sha256: pdf.sha256,
      storage_key: pdf.storageKey,
      attempts: pdf.attempts,
      rendered_at: pdf.nowIso,
      last_error: null,
    })
    .where('id', '=', id)
    .where('state', '!=', 'ready')
    .executeTakeFirst();
  await db.deleteFrom('document_renders').where('document_id', '=', id).execute();
  return Number(r.numUpdatedRows) > 0;
}

/** A render failed: counted, the next attempt scheduled; `failed` once the retries are spent. */
export async function markFailed(
  db: Q,
  id: string,
  f: { attempts: number; error: string; failed: boolean; nextAt: string },
): Promise<void> {
  await db
    .updateTable('documents')
    .set({ attempts: f.attempts, last_error: f.error, ...(f.failed ? { state: 'failed' } : {}) })
    .where('id', '=', id)
    .where('state', '!=', 'ready')
    .execute();
  await db.updateTable('document_renders').set({ due_at: f.nextAt }).where('document_id', '=', id).execute();
}

/** Documents still waiting for their PDF (for /metrics and the operator). */
export const pendingRenders = async (db: Q): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('document_renders')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
