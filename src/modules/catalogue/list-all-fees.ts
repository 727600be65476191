import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { departmentsById } from './catalogue-reads.js';
import { cataloguePolicy } from './policy.js';
import { presentFee } from './presenter.js';
import { listFeeRows } from './repository.js';

/** Every fee entry, withdrawn ones too, for those who maintain the fee catalogue. */
export async function listAllFees(db: Db, actor: Actor) {
  authorize(actor, cataloguePolicy.writeFee, undefined, 'fee.list_all');
  const [rows, depts] = await Promise.all([listFeeRows(db, { includeWithdrawn: true }), departmentsById(db)]);
  return { items: rows.map((f) => presentFee(f, depts)), total: rows.length };
}
