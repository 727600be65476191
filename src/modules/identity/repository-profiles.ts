import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Q = Kysely<Database>;

export const findProfile = (db: Q, userId: string) =>
  db.selectFrom('applicant_profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();

export async function saveProfile(
  db: Q,
  row: { user_id: string; address: string | null; contact_name: string | null; updated_at: string },
) {
  await db
    .insertInto('applicant_profiles')
    .values(row)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        address: row.address,
        contact_name: row.contact_name,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Changes the account's own details if it is still at the version read; false when it moved on. */
export async function updateContacts(
  db: Q,
  userId: string,
  expectedVersion: number,
  set: { display_name: string; phone: string | null; email: string | null; updated_at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ ...set, version: expectedVersion + 1 })
    .where('id', '=', userId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
