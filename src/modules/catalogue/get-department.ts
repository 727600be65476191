import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { presentDepartment } from './presenter.js';
import { findDepartment } from './repository.js';

/** One department by id or code: public. */
export async function getDepartment(db: Db, idOrCode: string) {
  const d = await findDepartment(db, idOrCode);
  if (!d) throw notFound('department', idOrCode);
  return presentDepartment(d);
}
