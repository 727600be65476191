import type { Db } from '../../db/database.js';
import { listDepartmentRows, listFeeRows, type DepartmentRow, type FeeRow } from './repository.js';

/** Lookup tables the presenters need; small (tens to hundreds of rows), read per request. */
export async function departmentsById(db: Db): Promise<Map<string, DepartmentRow>> {
  return new Map((await listDepartmentRows(db)).map((d) => [d.id, d]));
}

export async function feesByCode(db: Db): Promise<Map<string, FeeRow>> {
  return new Map((await listFeeRows(db, { includeWithdrawn: true })).map((f) => [f.code, f]));
}
