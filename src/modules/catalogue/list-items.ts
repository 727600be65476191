import type { Db } from '../../db/database.js';
import { listPublishedItems, type ItemFilter } from './repository.js';
import { departmentsById } from './catalogue-reads.js';
import { presentItemSummary } from './presenter.js';

export async function listItems(db: Db, f: ItemFilter) {
  const [{ rows, total }, depts] = await Promise.all([listPublishedItems(db, f), departmentsById(db)]);
  return { items: rows.map((r) => presentItemSummary(r, depts)), total };
}
