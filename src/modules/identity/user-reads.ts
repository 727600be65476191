import type { Db } from '../../db/database.js';
import { findUserById, usersWithIds, type UserRow } from './repository.js';

export type { UserRow };

/** Accounts as other modules read them (staff named in a record, a hand-over's new owner). */
export const findUser = (db: Db, id: string): Promise<UserRow | undefined> => findUserById(db, id);

export const findUsers = (db: Db, ids: string[]): Promise<UserRow[]> =>
  ids.length ? usersWithIds(db, ids) : Promise.resolve([]);
