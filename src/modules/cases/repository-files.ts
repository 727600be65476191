import type { Insertable, Kysely } from 'kysely';
import type { Database, FileTable } from '../../db/schema.js';

type Q = Kysely<Database>;

export const insertFile = (db: Q, row: Insertable<FileTable>) => db.insertInto('files').values(row).execute();

/** Who owns each upload and which case has it, to check a request's materials against. */
export const fileOwnership = (db: Q, ids: string[]) =>
  ids.length
    ? db.selectFrom('files').select(['id', 'owner_user_id', 'case_id']).where('id', 'in', ids).execute()
    : Promise.resolve([]);

/**
 * Takes the owner's uploads for a case, only those still on no other case; returns how many it took,
 * so a request racing another for one upload learns it lost.
 */
export async function claimUploads(db: Q, caseId: string, ownerId: string, ids: string[]): Promise<number> {
  const r = await db
    .updateTable('files')
    .set({ case_id: caseId })
    .where('id', 'in', ids)
    .where('owner_user_id', '=', ownerId)
    .where((eb) => eb.or([eb('case_id', 'is', null), eb('case_id', '=', caseId)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export const filesOnCase = async (db: Q, caseId: string, ids: string[]): Promise<Set<string>> =>
  new Set(
    (
      await db.selectFrom('files').select('id').where('id', 'in', ids).where('case_id', '=', caseId).execute()
    ).map((f) => f.id),
  );

/**
 * Every stored file the database names, once each: uploaded materials and issued documents, with
 * the SHA-256 their bytes must have (the key is derived from it, so two rows may share a key).
 */
export async function blobReferences(db: Q): Promise<{ key: string; sha256: string }[]> {
  const rows = await db
    .selectFrom('files')
    .select(['storage_key as key', 'sha256'])
    .unionAll(
      db
        .selectFrom('documents')
        .select(['storage_key as key', 'sha256'])
        .where('storage_key', 'is not', null) // (a document being prepared has no file yet)
        .$narrowType<{ key: string; sha256: string }>(),
    )
    .execute();
  const byKey = new Map(rows.map((r) => [r.key, r.sha256]));
  return [...byKey].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, sha256]) => ({ key, sha256 }));
}
