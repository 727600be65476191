import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import { fromJson } from '../../shared/json.js';
import { Nullable } from '../../shared/schema-helpers.js';
import { notFound } from '../../server/errors.js';

/** Art. 26: joint or centralised handling is finished within 45 working days. */
export const JOINT_STATUTORY_DAYS = 45;

export const BundleInput = Type.Object(
  {
    code: Type.String({
      pattern: '^[A-Z0-9-]{2,30}$',
      description: 'the stable code, e.g. YJS-KCG; fixed once created',
    }),
    name: Type.String({ minLength: 2, maxLength: 100, description: 'the name, e.g. 我要开餐馆（一件事）' }),
    nameEn: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 200,
          description: 'the English name, e.g. Opening a Restaurant (one matter); null or left out: none',
        }),
      ),
    ),
    description: Type.String({ minLength: 2, maxLength: 2000, description: 'what the matter covers' }),
    leadDepartmentCode: Type.String({
      pattern: '^[A-Z0-9]{2,12}$',
      description: 'the lead department (牵头部门): the department of at least one of the items',
    }),
    itemCodes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 2,
      maxItems: 20,
      uniqueItems: true,
      description: 'the codes of the published items handled together, in the order the guide lists them',
    }),
    committedDays: Type.Integer({
      minimum: 1,
      maximum: JOINT_STATUTORY_DAYS,
      description: 'the one committed limit in working days (Art. 26: at most 45)',
    }),
    keywords: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), {
      maxItems: 30,
      description: 'words a person may use for the matter; the search finds the bundle by them',
    }),
  },
  { additionalProperties: false },
);
export type BundleInputT = Static<typeof BundleInput>;

/** The published bundle by id or code (what a new application may name). */
export async function findBundle(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('bundles')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', key), eb('id', '=', key)]))
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** A bundle in any state (published or withdrawn), by id or code: what administrators edit. */
export async function findAnyBundle(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('bundles')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', key), eb('id', '=', key)]))
    .executeTakeFirst();
}

type ItemsData = {
  code: string;
  name: string;
  departmentId: string;
  committedDays: number;
  handlingClass: string;
  materials: {
    name: string;
    required: boolean;
    deferrable: boolean;
    source: string;
    form: string;
    copies: number;
    notes?: string;
  }[];
};

/** A bundle as the public guide shows it: its items, departments, limit, and the one set of materials. */
export async function getBundle(db: Db, key: string) {
  const b = await findBundle(db, key);
  if (!b) throw notFound('bundle', key);
  const codes = fromJson<string[]>(b.item_codes, []);
  const rows = await db
    .selectFrom('items')
    .innerJoin('item_versions as v', 'v.id', 'items.current_version_id')
    .innerJoin('departments as d', 'd.id', 'v.department_id')
    .select([
      'items.id',
      'items.code',
      'v.name',
      'v.name_en',
      'v.data',
      'v.committed_days',
      'v.handling_class',
      'd.name as dept',
      'd.name_en as deptEn',
      'd.code as deptCode',
    ])
    .where('items.code', 'in', codes)
    .where('items.status', '=', 'published')
    .execute();
  const lead = await db
    .selectFrom('departments')
    .select(['id', 'code', 'name', 'name_en as nameEn'])
    .where('id', '=', b.lead_department_id)
    .executeTakeFirstOrThrow();
  const materials = new Map<string, ItemsData['materials'][number] & { items: string[] }>();
  for (const r of rows) {
    for (const m of (JSON.parse(r.data) as ItemsData).materials) {
      const seen = materials.get(m.name);
      if (seen) {
        seen.items.push(r.name);
        seen.required ||= m.required;
        seen.deferrable &&= m.deferrable;
      } else materials.set(m.name, { ...m, items: [r.name] });
    }
  }
  return {
    id: b.id,
    code: b.code,
    name: b.name,
    nameEn: b.name_en,
    description: b.description,
    committedDays: b.committed_days,
    keywords: fromJson<string[]>(b.keywords, []),
    leadDepartment: lead,
    items: codes
      .map((code) => rows.find((r) => r.code === code))
      .filter((r): r is NonNullable<typeof r> => !!r)
      .map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        nameEn: r.name_en,
        department: { code: r.deptCode, name: r.dept, nameEn: r.deptEn },
        committedDays: r.committed_days,
        handlingClass: r.handling_class,
      })),
    materials: [...materials.values()],
    version: b.version,
  };
}

export async function listBundles(db: Db) {
  const rows = await db
    .selectFrom('bundles')
    .selectAll()
    .where('status', '=', 'published')
    .orderBy('code')
    .execute();
  return rows.map((b) => ({
    id: b.id,
    code: b.code,
    name: b.name,
    nameEn: b.name_en,
    description: b.description,
    committedDays: b.committed_days,
    itemCount: fromJson<string[]>(b.item_codes, []).length,
    keywords: fromJson<string[]>(b.keywords, []),
  }));
}
