import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { DiscDocumentTable } from '../../db/schema-disclosure.js';

type Q = Kysely<Database> | Transaction<Database>;
export type DocumentRow = DiscDocumentTable;

export const findDocument = (db: Q, id: string) =>
  db.selectFrom('disc_documents').selectAll().where('id', '=', id).executeTakeFirst();

export const findDocumentByNo = (db: Q, docNo: string) =>
  db.selectFrom('disc_documents').selectAll().where('doc_no', '=', docNo).executeTakeFirst();

export const documentsByIds = async (db: Q, ids: string[]) =>
  ids.length === 0 ? [] : db.selectFrom('disc_documents').selectAll().where('id', 'in', ids).execute();

/** Documents newest first, without their full text. */
type DocumentFilter = { status?: string; issuer?: string; ids?: string[] };

function filtered(db: Q, f: DocumentFilter) {
  let q = db.selectFrom('disc_documents');
  if (f.status) q = q.where('status', '=', f.status);
  if (f.issuer) q = q.where('issuer', '=', f.issuer);
  if (f.ids) q = f.ids.length ? q.where('id', 'in', f.ids) : q.where('id', '=', '');
  return q;
}

/** Documents newest first (the document number breaks a tie, then the id, so pages never overlap). */
export function listDocumentRows(db: Q, f: DocumentFilter & { limit?: number; offset?: number }) {
  let q = filtered(db, f)
    .select([
      'id',
      'doc_no',
      'title',
      'issuer',
      'issued_on',
      'effective_on',
      'expires_on',
      'status',
      'amends_id',
      'amended_by_id',
      'repealed_by_id',
      'repealed_on',
    ])
    .orderBy('issued_on', 'desc')
    .orderBy('doc_no')
    .orderBy('id');
  if (f.limit !== undefined) q = q.limit(f.limit).offset(f.offset ?? 0);
  return q.execute();
}

export async function countDocumentRows(db: Q, f: DocumentFilter) {
  const r = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The ids of the documents in a state (a search keeps its ranking and drops the others). */
export const documentIdsIn = async (db: Q, status: string) =>
  new Set(
    (await db.selectFrom('disc_documents').select('id').where('status', '=', status).execute()).map(
      (r) => r.id,
    ),
  );
export type DocumentSummaryRow = Awaited<ReturnType<typeof listDocumentRows>>[number];

export const insertDocument = (db: Q, row: DocumentRow) =>
  db.insertInto('disc_documents').values(row).execute();

/** A change made only at the version read; false when someone else changed it first. */
export async function updateDocument(db: Q, id: string, version: number, set: Partial<DocumentRow>) {
  const r = await db
    .updateTable('disc_documents')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceTerms(db: Q, documentId: string, terms: Map<string, number>) {
  await db.deleteFrom('disc_document_terms').where('document_id', '=', documentId).execute();
  const rows = [...terms].map(([term, weight]) => ({ document_id: documentId, term, weight }));
  // Chunks keep each statement under SQLite's parameter limit.
  for (let i = 0; i < rows.length; i += 300)
    await db
      .insertInto('disc_document_terms')
      .values(rows.slice(i, i + 300))
      .execute();
}

export const termHits = async (db: Q, terms: string[]) =>
  terms.length === 0
    ? []
    : db
        .selectFrom('disc_document_terms')
        .select(['document_id', 'term', 'weight'])
        .where('term', 'in', terms)
        .execute();

export const countDocuments = async (db: Q) =>
  Number(
    (
      await db
        .selectFrom('disc_documents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// Item legal-basis links (maintained by administrators).
export const linksOfItem = (db: Q, itemCode: string) =>
  db.selectFrom('disc_item_links').selectAll().where('item_code', '=', itemCode).execute();
export const linksOfDocument = (db: Q, documentId: string) =>
  db
    .selectFrom('disc_item_links')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('item_code')
    .execute();
export const findLink = (db: Q, id: string) =>
  db.selectFrom('disc_item_links').selectAll().where('id', '=', id).executeTakeFirst();
export const findLinkOf = (db: Q, itemCode: string, documentId: string) =>
  db
    .selectFrom('disc_item_links')
    .selectAll()
    .where('item_code', '=', itemCode)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
export const insertLink = (db: Q, row: Database['disc_item_links']) =>
  db.insertInto('disc_item_links').values(row).execute();
export const deleteLink = (db: Q, id: string) =>
  db.deleteFrom('disc_item_links').where('id', '=', id).execute();
