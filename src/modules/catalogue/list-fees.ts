import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { departmentsById } from './catalogue-reads.js';
import { presentFee } from './presenter.js';
import { findDepartment, listFeeRows } from './repository.js';

/** The published fee catalogue (收费目录), by department (id or code) and category: public. */
export async function listFees(db: Db, f: { department?: string; category?: string }) {
  let departmentId: string | undefined;
  if (f.department) {
    const d = await findDepartment(db, f.department);
    if (!d) throw notFound('department', f.department);
    departmentId = d.id;
  }
  const [rows, depts] = await Promise.all([
    listFeeRows(db, { departmentId, category: f.category }),
    departmentsById(db),
  ]);
  return { items: rows.map((fee) => presentFee(fee, depts)), total: rows.length };
}
