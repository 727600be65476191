import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  DepartmentTable,
  FeeEntryTable,
  ItemTable,
  ItemVersionTable,
} from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';

type Q = Kysely<Database>;
export type DepartmentRow = Selectable<DepartmentTable>;
export type FeeRow = Selectable<FeeEntryTable>;
export type ItemRow = Selectable<ItemTable>;
export type VersionRow = Selectable<ItemVersionTable>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Routes accept either the id or the stable code. */
export const byIdOrCode = (key: string): 'id' | 'code' => (UUID.test(key) ? 'id' : 'code');

export const listDepartmentRows = (db: Q) =>
  db.selectFrom('departments').selectAll().orderBy('sort_order').orderBy('code').execute();

export const findDepartment = (db: Q, key: string) =>
  db.selectFrom('departments').selectAll().where(byIdOrCode(key), '=', key).executeTakeFirst();

export const findFee = (db: Q, key: string) =>
  db.selectFrom('fee_entries').selectAll().where(byIdOrCode(key), '=', key).executeTakeFirst();

export async function listFeeRows(
  db: Q,
  f: { departmentId?: string; category?: string; includeWithdrawn?: boolean },
) {
  let q = db.selectFrom('fee_entries').selectAll();
  if (!f.includeWithdrawn) q = q.where('status', '=', 'published');
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.category) q = q.where('category', '=', f.category);
  return q.orderBy('code').execute();
}

export const publishedFeeCodes = async (db: Q): Promise<Set<string>> =>
  new Set(
    (await db.selectFrom('fee_entries').select('code').where('status', '=', 'published').execute()).map(
      (r) => r.code,
    ),
  );

export const departmentCodeMap = async (db: Q): Promise<Map<string, string>> =>
  new Map((await db.selectFrom('departments').select(['code', 'id']).execute()).map((r) => [r.code, r.id]));

const itemById = prepared((db, id: string) => db.selectFrom('items').selectAll().where('id', '=', id));
const itemByCode = prepared((db, code: string) =>
  db.selectFrom('items').selectAll().where('code', '=', code),
);
export const findItem = async (db: Q, key: string) =>
  (await (byIdOrCode(key) === 'id' ? itemById : itemByCode)(db, key))[0];

export const findVersion = (db: Q, itemId: string, versionNo: number) =>
  db
    .selectFrom('item_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();

export const findVersionById = (db: Q, id: string) =>
  db.selectFrom('item_versions').selectAll().where('id', '=', id).executeTakeFirst();

export const listVersions = (db: Q, itemId: string) =>
  db
    .selectFrom('item_versions')
    .select([
      'id',
      'version_no',
      'status',
      'name',
      'created_at',
      'created_by',
      'published_at',
      'published_by',
    ])
    .where('item_id', '=', itemId)
    .orderBy('version_no', 'desc')
    .execute();

export interface ItemFilter {
  departmentId?: string;
  type?: string;
  handlingClass?: string;
  channel?: string;
  lifeEvent?: string;
  ids?: string[];
  limit: number;
  offset: number;
}

/** Published items with their current version, filtered and paged, with the total. */
export async function listPublishedItems(db: Q, f: ItemFilter) {
  let q = db
    .selectFrom('items')
    .innerJoin('item_versions as v', 'v.id', 'items.current_version_id')
    .where('items.status', '=', 'published');
  if (f.ids) q = q.where('items.id', 'in', f.ids.length ? f.ids : ['']);
  if (f.departmentId) q = q.where('v.department_id', '=', f.departmentId);
  if (f.type) q = q.where('v.type', '=', f.type);
  if (f.handlingClass) q = q.where('v.handling_class', '=', f.handlingClass);
  // JSON arrays are stored as text on both engines; quoting the value keeps the match exact.
  if (f.channel) q = q.where('v.channels', 'like', `%${JSON.stringify(f.channel)}%`);
  if (f.lifeEvent) q = q.where('v.life_events', 'like', `%${JSON.stringify(f.lifeEvent)}%`);
  const [rows, total] = await Promise.all([
    q
      .select([
        'items.id',
        'items.code',
        'v.version_no',
        'v.name',
        'v.name_en',
        'v.type',
        'v.handling_class',
        'v.department_id',
        'v.statutory_days',
        'v.committed_days',
        'v.channels',
        'v.life_events',
        'v.data',
      ])
      .orderBy('v.department_id')
      .orderBy('items.code')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countPublished(db: Q) {
  const byType = await db
    .selectFrom('items')
    .innerJoin('item_versions as v', 'v.id', 'items.current_version_id')
    .where('items.status', '=', 'published')
    .select(['v.type', 'v.handling_class', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['v.type', 'v.handling_class'])
    .execute();
  const [departments, fees] = await Promise.all([
    db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('fee_entries')
      .where('status', '=', 'published')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    byType: byType.map((r) => ({ type: r.type, handlingClass: r.handling_class, n: Number(r.n) })),
    departments: Number(departments.n),
    fees: Number(fees.n),
  };
}

export async function replaceSearchTerms(db: Q, itemId: string, terms: Map<string, number>) {
  await db.deleteFrom('item_search_terms').where('item_id', '=', itemId).execute();
  const rows = [...terms].map(([term, weight]) => ({ item_id: itemId, term, weight }));
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('item_search_terms')
      .values(rows.slice(i, i + 500))
      .execute();
}

export const searchTermRows = (db: Q, terms: string[]) =>
  terms.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('item_search_terms')
        .innerJoin('items', 'items.id', 'item_search_terms.item_id')
        .where('items.status', '=', 'published')
        .where('item_search_terms.term', 'in', terms)
        .select([
          'item_search_terms.item_id',
          'item_search_terms.term',
          'item_search_terms.weight',
          'items.code',
        ])
        .execute();

export const listSynonymRows = (db: Q) => db.selectFrom('synonyms').selectAll().orderBy('term').execute();
