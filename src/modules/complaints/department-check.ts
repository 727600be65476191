import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../server/errors.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';

/** The department a ticket goes to must exist; its id. */
export async function requireDepartment(db: Kysely<Database>, key: string, path: string): Promise<string> {
  const d = await findDepartment(db, key);
  if (!d)
    throw new AppError('validation_failed', { summary: path }, [
      { path, code: 'invalid', zh: `没有这个部门：${key}`, en: `No such department: ${key}` },
    ]);
  return d.id;
}
