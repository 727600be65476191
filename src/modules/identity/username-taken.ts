import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { findUserByUsername } from './repository.js';

export const nameTaken = (username: string) =>
  new AppError('already_exists', { resource: 'user', id: username });

/**
 * Two accounts created at once with names that differ only by case: the unique index on
 * lower(username) lets one in, and the other hears 409 like any taken name, not a 500.
 */
export async function rethrowIfNameTaken(db: Db, username: string, e: unknown): Promise<never> {
  if (/unique|duplicate/i.test((e as Error).message) && (await findUserByUsername(db, username)))
    throw nameTaken(username);
  throw e;
}
