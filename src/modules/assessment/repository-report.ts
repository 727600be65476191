import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AssessmentResultTable } from '../../db/schema-assessment.js';
import { COUNTERS, zeroTotals, type Counter, type Dim, type Totals } from './counters.js';

type Q = Kysely<Database>;

export interface Group {
  dimId: string;
  departmentId: string;
  totals: Totals;
  hist: Map<number, number>;
}

/**
 * The counters of one dimension summed over a period's days, per value: the report reads the
 * aggregates only (one row per value and day), never the raw records.
 */
export async function sumAggregates(
  db: Q,
  dim: Dim,
  start: string,
  end: string,
  departmentId?: string,
  dimIds?: string[],
): Promise<Group[]> {
  let q = db
    .selectFrom('assessment_aggregates')
    .select(['dim_id', 'department_id'])
    .select((eb) => COUNTERS.map((c) => eb.fn.sum<number>(c).as(c)))
    .where('dim', '=', dim)
    .where('day', '>=', start)
    .where('day', '<=', end)
    .groupBy(['dim_id', 'department_id']);
  if (departmentId) q = q.where('department_id', '=', departmentId);
  if (dimIds) q = q.where('dim_id', 'in', dimIds.length ? dimIds : ['']);
  let h = db
    .selectFrom('assessment_days_used')
    .select(['dim_id', 'department_id', 'days'])
    .select((eb) => eb.fn.sum<number>('n').as('n'))
    .where('dim', '=', dim)
    .where('day', '>=', start)
    .where('day', '<=', end)
    .groupBy(['dim_id', 'department_id', 'days']);
  if (departmentId) h = h.where('department_id', '=', departmentId);
  if (dimIds) h = h.where('dim_id', 'in', dimIds.length ? dimIds : ['']);
  const [rows, hist] = await Promise.all([q.execute(), h.execute()]);
  const out = new Map<string, Group>();
  for (const r of rows) {
    const totals = zeroTotals();
    for (const c of COUNTERS) totals[c] = Number((r as Record<Counter, unknown>)[c] ?? 0);
    out.set(`${r.dim_id}\u0001${r.department_id}`, {
      dimId: r.dim_id,
      departmentId: r.department_id,
      totals,
      hist: new Map(),
    });
  }
  for (const x of hist) {
    const g = out.get(`${x.dim_id}\u0001${x.department_id}`);
    if (g && Number(x.n)) g.hist.set(x.days, (g.hist.get(x.days) ?? 0) + Number(x.n));
  }
  return [...out.values()];
}

const DIM_COLUMN = { item: 'item_id', staff: 'staff_id', window: 'window' } as const;

/**
 * The contributions behind a figure: one department's, in a period, with a counter, newest first;
 * with `only`, those of one item, staff member or window (a window by any of the keys it is known by).
 */
export async function contributionsBehind(
  db: Q,
  departmentId: string,
  start: string,
  end: string,
  sources: string[],
  counter: Counter,
  limit: number,
  only?: { dim: 'item' | 'staff' | 'window'; ids: string[] },
) {
  // The counters are JSON; the filter on the one asked for is done here on the department's rows.
  let q = db
    .selectFrom('assessment_contributions')
    .select([
      'source',
      'source_id',
      'day',
      'subject',
      'item_id',
      'staff_id',
      'window',
      'counters',
      'days_used',
    ])
    .where('department_id', '=', departmentId)
    .where('day', '>=', start)
    .where('day', '<=', end)
    .where('source', 'in', sources)
    .where('counters', 'like', `%"${counter}":%`);
  if (only) q = q.where(DIM_COLUMN[only.dim], 'in', only.ids.length ? only.ids : ['']);
  const rows = await q.orderBy('day', 'desc').orderBy('source_id').execute();
  const hits = rows.filter(
    (r) => Number((JSON.parse(r.counters) as Record<string, number>)[counter] ?? 0) !== 0,
  );
  return { total: hits.length, rows: hits.slice(0, limit) };
}

export async function findResults(db: Q, period: string) {
  return db.selectFrom('assessment_results').selectAll().where('period', '=', period).execute();
}

export async function findResult(db: Q, period: string, departmentId: string) {
  return db
    .selectFrom('assessment_results')
    .selectAll()
    .where('period', '=', period)
    .where('department_id', '=', departmentId)
    .executeTakeFirst();
}

/** Writes a result at the version read (insert when new): false when someone changed it meanwhile. */
export async function saveResult(
  db: Q,
  row: AssessmentResultTable,
  readVersion: number | null,
): Promise<boolean> {
  if (readVersion === null) {
    const r = await db
      .insertInto('assessment_results')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('assessment_results')
    .set(row)
    .where('period', '=', row.period)
    .where('department_id', '=', row.department_id)
    .where('version', '=', readVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function schemesOf(db: Q, period: string) {
  return db
    .selectFrom('assessment_schemes')
    .selectAll()
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .execute();
}

export async function insertScheme(db: Q, row: Database['assessment_schemes']) {
  await db.insertInto('assessment_schemes').values(row).execute();
}

/** The numbers people know the records by: a case's receipt number, a ticket's, an inspection's; an enterprise's name. */
export async function labelsOf(db: Q, subjects: string[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(subjects.filter((s) => s.startsWith(`${type}:`)).map((s) => s.slice(type.length + 1))),
  ];
  const out = new Map<string, string>();
  const caseIds = ids('case');
  if (caseIds.length)
    for (const r of await db
      .selectFrom('cases')
      .select(['id', 'receipt_no'])
      .where('id', 'in', caseIds)
      .execute())
      out.set(`case:${r.id}`, r.receipt_no);
  const ticketIds = ids('complaint');
  if (ticketIds.length)
    for (const r of await db
      .selectFrom('complaints')
      .select(['id', 'ticket_no'])
      .where('id', 'in', ticketIds)
      .execute())
      out.set(`complaint:${r.id}`, r.ticket_no);
  const inspectionIds = ids('inspection');
  if (inspectionIds.length)
    for (const r of await db
      .selectFrom('insp_inspections')
      .select(['id', 'number'])
      .where('id', 'in', inspectionIds)
      .execute())
      out.set(`inspection:${r.id}`, r.number);
  const enterpriseIds = ids('inspection_enterprise');
  if (enterpriseIds.length)
    for (const r of await db
      .selectFrom('insp_enterprises')
      .select(['id', 'name'])
      .where('id', 'in', enterpriseIds)
      .execute())
      out.set(`inspection_enterprise:${r.id}`, r.name);
  return out;
}

export interface DimName {
  name: string;
  /** An item's English name; staff members have none. */
  nameEn: string | null;
}

/**
 * Names of the items and staff members a breakdown lists. An item is named by its current version,
 * or, when it has none (never published), by its latest version whatever its state: cases and
 * ratings may name an item before it is published, and its id says nothing to a reader.
 */
export async function namesOf(db: Q, by: 'item' | 'staff', ids: string[]): Promise<Map<string, DimName>> {
  if (!ids.length) return new Map();
  if (by === 'item') {
    const rows = await db
      .selectFrom('items as i')
      .innerJoin('item_versions as v', 'v.item_id', 'i.id')
      .select(['i.id', 'i.current_version_id', 'v.id as versionId', 'v.version_no', 'v.name', 'v.name_en'])
      .where('i.id', 'in', ids)
      .execute();
    const best = new Map<string, (typeof rows)[number]>();
    const rank = (r: (typeof rows)[number]) =>
      r.versionId === r.current_version_id ? Infinity : r.version_no;
    for (const r of rows) {
      const seen = best.get(r.id);
      if (!seen || rank(r) > rank(seen)) best.set(r.id, r);
    }
    return new Map([...best].map(([id, r]) => [id, { name: r.name, nameEn: r.name_en }]));
  }
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { name: r.display_name, nameEn: null }]));
}

/**
 * The hall's windows known by any of these keys: a queue ticket names its window by id, a case and
 * a rating by the code the clerk's window has (E01), so one window may stand under both.
 */
export async function windowsOf(db: Q, keys: string[]) {
  if (!keys.length) return [];
  return db
    .selectFrom('hall_windows')
    .select(['id', 'code', 'name', 'name_en'])
    .where((eb) => eb.or([eb('id', 'in', keys), eb('code', 'in', keys)]))
    .execute();
}
