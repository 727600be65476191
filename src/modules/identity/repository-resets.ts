import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { PasswordResetTable } from '../../db/schema-account.js';

type Q = Kysely<Database>;
export type ResetRow = Selectable<PasswordResetTable>;

export const insertReset = (db: Q, row: Insertable<PasswordResetTable>) =>
  db.insertInto('password_resets').values(row).execute();

/** The account's newest reset still open (unused, unexpired); only the last code sent counts. */
export const openResetOf = (db: Q, userId: string, nowIso: string) =>
  db
    .selectFrom('password_resets')
    .selectAll()
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

/** A wrong code costs the reset one of its attempts, counted in one statement (concurrent guesses each count). */
export async function countResetAttempt(db: Q, id: string, max: number): Promise<boolean> {
  const r = await db
    .updateTable('password_resets')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', max)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Uses the reset once: only the first of two concurrent uses changes the row. */
export async function useReset(db: Q, id: string, nowIso: string): Promise<boolean> {
  const r = await db
    .updateTable('password_resets')
    .set({ used_at: nowIso })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Every other open reset of the account ends with the one used. */
export const closeResets = (db: Q, userId: string, nowIso: string) =>
  db
    .updateTable('password_resets')
    .set({ used_at: nowIso })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();

export async function setPassword(db: Q, userId: string, passwordHash: string, nowIso: string) {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      updated_at: nowIso,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

/** Ends every live session of the account; returns how many. */
export async function revokeSessions(db: Q, userId: string, nowIso: string): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
