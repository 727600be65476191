import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { departmentsById } from './catalogue-reads.js';
import { presentFee } from './presenter.js';
import { findFee } from './repository.js';

/** One fee entry by id or code, whatever its state: the answer to a save the caller was allowed to make. */
export async function getFee(db: Db, idOrCode: string) {
  const f = await findFee(db, idOrCode);
  if (!f) throw notFound('fee', idOrCode);
  return presentFee(f, await departmentsById(db));
}
