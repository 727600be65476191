import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

/**
 * A file uploaded for the catalogue: stored like every upload, with no owner and no case (no
 * application can claim it), and marked as the catalogue's.
 */
export async function insertCatalogueFile(
  db: Q,
  f: { id: string; sha256: string; size: number; mime: string; name: string; storageKey: string },
  departmentId: string | null,
  uploadedBy: string | null,
  nowIso: string,
) {
  await db
    .insertInto('files')
    .values({
      id: f.id,
      sha256: f.sha256,
      size: f.size,
      mime: f.mime,
      original_name: f.name,
      storage_key: f.storageKey,
      owner_user_id: null,
      case_id: null,
      uploaded_at: nowIso,
    })
    .execute();
  await db
    .insertInto('catalogue_files')
    .values({ file_id: f.id, department_id: departmentId, uploaded_by: uploadedBy, uploaded_at: nowIso })
    .execute();
}

/** The catalogue's files among these ids, with what a download needs. */
export const catalogueFiles = (db: Q, ids: readonly string[]) =>
  ids.length
    ? db
        .selectFrom('catalogue_files')
        .innerJoin('files', 'files.id', 'catalogue_files.file_id')
        .select([
          'files.id',
          'files.original_name',
          'files.mime',
          'files.size',
          'files.sha256',
          'files.storage_key',
        ])
        .where('files.id', 'in', [...new Set(ids)])
        .execute()
    : Promise.resolve([]);
