import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, UserTable } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';

export type UserRow = Selectable<UserTable>;
type Q = Kysely<Database>;

/** User names are one name whatever their case (the unique index is on lower(username)). */
export const findUserByUsername = (db: Q, username: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', sql<string>`lower(${username})`)
    .executeTakeFirst();

const userById = prepared((db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id));
export const findUserById = async (db: Q, id: string) => (await userById(db, id))[0];

export const usersWithIds = (db: Q, ids: string[]) =>
  db.selectFrom('users').selectAll().where('id', 'in', ids).execute();

export const findUserByIdentity = (db: Q, idNumber: string | null, creditCode: string | null) => {
  let q = db.selectFrom('users').select(['id']);
  if (idNumber) q = q.where('id_number', '=', idNumber);
  else if (creditCode) q = q.where('credit_code', '=', creditCode);
  else return Promise.resolve(undefined);
  return q.executeTakeFirst();
};

export async function listUsers(
  db: Q,
  f: { role?: string; departmentId?: string; q?: string; limit: number; offset: number },
) {
  // Devices' accounts are the hall's to manage (register, revoke), not people to edit.
  let q = db.selectFrom('users').where('role', '!=', 'device');
  if (f.role) q = q.where('role', '=', f.role);
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.q)
    q = q.where((eb) => eb.or([eb('username', 'like', `%${f.q}%`), eb('display_name', 'like', `%${f.q}%`)]));
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('username').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

// Every signed-in request runs this one: built once, run with new arguments.
const sessionWithUser = prepared((db, sessionId: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.id as user_id',
      'users.username',
      'users.role',
      'users.department_id',
      'users.status',
    ])
    .where('sessions.id', '=', sessionId),
);

export async function findSessionWithUser(db: Q, sessionId: string) {
  return (await sessionWithUser(db, sessionId))[0];
}

export async function findTokenWithUser(db: Q, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.scope',
      'users.id as user_id',
      'users.username',
      'users.role',
      'users.department_id',
      'users.status',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function countLoginFailures(db: Q, key: string, sinceIso: string): Promise<number> {
  const r = await db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Counts one attempt for the key in one atomic statement and returns the count with it: a window
 * older than sinceIso starts again at 1. Concurrent attempts (on any instance) each get their own number.
 */
export async function countAttempt(db: Q, key: string, nowIso: string, sinceIso: string) {
  const stale = sql<boolean>`guess_counters.window_start < ${sinceIso}`;
  return db
    .insertInto('guess_counters')
    .values({ key, window_start: nowIso, attempts: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        attempts: sql<number>`case when ${stale} then 1 else guess_counters.attempts + 1 end`,
        window_start: sql<string>`case when ${stale} then ${nowIso} else guess_counters.window_start end`,
      }),
    )
    .returning(['attempts', 'window_start'])
    .executeTakeFirstOrThrow();
}

/** Takes back an attempt that turned out not to be a failure, if its window still runs. */
export async function uncountAttempt(db: Q, key: string, windowStart: string): Promise<void> {
  await db
    .updateTable('guess_counters')
    .set({ attempts: sql<number>`attempts - 1` })
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .where('attempts', '>', 0)
    .execute();
}

/** The failures counted for the key since sinceIso (the attempts of its current window). */
export async function attemptsOf(db: Q, key: string, sinceIso: string): Promise<number> {
  const r = await db
    .selectFrom('guess_counters')
    .select('attempts')
    .where('key', '=', key)
    .where('window_start', '>=', sinceIso)
    .executeTakeFirst();
  return r?.attempts ?? 0;
}

/**
 * Counts a login attempt on the account before its password is checked, in one atomic statement,
 * unless the account is locked: the number it returns counts attempts still in flight.
 */
export async function countLoginAttempt(db: Q, userId: string, nowIso: string): Promise<number | undefined> {
  const r = await db
    .updateTable('users')
    .set({ failed_logins: sql<number>`failed_logins + 1` })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .returning('failed_logins')
    .executeTakeFirst();
  return r?.failed_logins;
}

/** Locks an account not already locked; false when another attempt locked it first. */
export async function lockAccount(db: Q, userId: string, nowIso: string, untilIso: string) {
  const r = await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: untilIso, updated_at: nowIso })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
