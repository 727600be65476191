import type { Db } from '../../db/database.js';
import { presentDepartment } from './presenter.js';
import { listDepartmentRows } from './repository.js';

/** Every department in the center, in their order of display: public. */
export async function listDepartments(db: Db) {
  const rows = await listDepartmentRows(db);
  return { items: rows.map(presentDepartment), total: rows.length };
}
