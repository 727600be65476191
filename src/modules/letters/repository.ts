import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, LetterTable } from '../../db/schema.js';

type Q = Kysely<Database>;
export type LetterRow = Selectable<LetterTable>;

export const insertLetter = (db: Q, row: Insertable<LetterTable>) =>
  db.insertInto('letters').values(row).execute();

export const findLetter = (db: Q, id: string) =>
  db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst();

/** Changes a letter only at the version it was read at; false when someone changed it first. */
export async function updateLetter(
  db: Q,
  id: string,
  version: number,
  changes: Updateable<LetterTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('letters')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const departmentOf = (db: Q, id: string) =>
  db
    .selectFrom('departments')
    .select(['id', 'name', 'phone', 'complaint_phone'])
    .where('id', '=', id)
    .executeTakeFirst();

export interface LetterFilter {
  state?: string;
  kind?: string;
  departmentId?: string;
  /** Only letters still to be answered whose clock is past its limit at this instant. */
  overdueAt?: string;
  q?: string;
  order?: 'newest' | 'deadline';
  limit: number;
  offset: number;
}

const withDepartmentAndClock = (db: Q) =>
  db
    .selectFrom('letters as l')
    .leftJoin('departments as d', 'd.id', 'l.department_id')
    .leftJoin('clocks as k', 'k.id', 'l.clock_id');
const COLUMNS = [
  'd.name as department_name',
  'k.due_date',
  'k.colour',
  'k.status as clock_status',
  'k.overdue_at',
] as const;

/** One letter with its department's name and its clock's deadline. */
export const findLetterView = (db: Q, id: string) =>
  withDepartmentAndClock(db).selectAll('l').select(COLUMNS).where('l.id', '=', id).executeTakeFirst();

/**
 * A page of letters with their department's name and their clock's deadline: the newest first, or
 * (a department's letters to answer) the closest deadline first.
 */
export async function findLetterPage(db: Q, f: LetterFilter) {
  let q = withDepartmentAndClock(db);
  if (f.state) q = q.where('l.state', '=', f.state);
  if (f.kind) q = q.where('l.kind', '=', f.kind);
  if (f.departmentId) q = q.where('l.department_id', '=', f.departmentId);
  if (f.overdueAt) q = q.where('k.status', '!=', 'stopped').where('k.overdue_at', '<=', f.overdueAt);
  if (f.q) {
    // Wildcards typed by the user are taken out rather than escaped (the two engines escape differently).
    const like = `%${f.q.replace(/[%_]/g, '')}%`;
    q = q.where((eb) => eb.or([eb('l.number', 'like', like), eb('l.subject', 'like', like)]));
  }
  const ordered =
    f.order === 'deadline' ? q.orderBy('k.due_date').orderBy('l.number') : q.orderBy('l.number', 'desc');
  const [rows, total] = await Promise.all([
    ordered.selectAll('l').select(COLUMNS).limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
export type LetterListRow = NonNullable<Awaited<ReturnType<typeof findLetterView>>>;
