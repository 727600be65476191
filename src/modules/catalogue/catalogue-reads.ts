import type { Db } from '../../db/database.js';
import { fromJson } from '../../shared/json.js';
import { queryTerms } from './search/query-terms.js';
import {
  departmentCodeMap,
  findDepartment,
  findItem,
  findVersionById,
  listDepartmentRows,
  listFeeRows,
  listSynonymRows,
  type DepartmentRow,
  type FeeRow,
  type ItemRow,
  type VersionRow,
} from './repository.js';

export type { DepartmentRow, FeeRow, ItemRow, VersionRow };

/** The catalogue as other modules read it: an item, a version, a department, by id or code. */
export { departmentCodeMap, findDepartment, findItem, findVersionById };

/** Every department in the center's order. */
export const listDepartments = (db: Db): Promise<DepartmentRow[]> => listDepartmentRows(db);

/** Lookup tables the presenters need; small (tens to hundreds of rows), read per request. */
export async function departmentsById(db: Db): Promise<Map<string, DepartmentRow>> {
  return new Map((await listDepartmentRows(db)).map((d) => [d.id, d]));
}

export async function feesByCode(db: Db): Promise<Map<string, FeeRow>> {
  return new Map((await listFeeRows(db, { includeWithdrawn: true })).map((f) => [f.code, f]));
}

/**
 * The catalogue's search words for other modules' full-text search: jieba's search-mode words of a
 * text (to index it), and a query's weighted terms with the administrator's synonyms (to look it up).
 */
export { searchTokens } from './search/segmenter.js';
export async function searchQueryTerms(db: Db, query: string): Promise<Map<string, number>> {
  const synonyms = new Map(
    (await listSynonymRows(db)).map((r) => [r.term.toLowerCase(), fromJson<string[]>(r.synonyms, [])]),
  );
  return queryTerms(query, synonyms);
}
