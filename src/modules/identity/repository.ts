import type { Kysely, Selectable } from 'kysely';
import type { Database, UserTable } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';

export type UserRow = Selectable<UserTable>;
type Q = Kysely<Database>;

export const findUserByUsername = (db: Q, username: string) =>
  db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();

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
  let q = db.selectFrom('users');
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
