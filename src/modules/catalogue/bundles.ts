import { Type, type Static } from '@sinclair/typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { fromJson, toJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, type FieldError } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findDepartment, findItem } from './repository.js';
import { englishNameProblems } from './validate-catalogue.js';

/** Art. 26: joint or centralised handling is finished within 45 working days. */
export const JOINT_STATUTORY_DAYS = 45;

export const BundleInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Z0-9-]{2,30}$' }),
    name: Type.String({ minLength: 2, maxLength: 100 }),
    nameEn: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'the English name, e.g. Opening a Restaurant (one matter)',
      }),
    ),
    description: Type.String({ minLength: 2, maxLength: 2000 }),
    leadDepartmentCode: Type.String({ pattern: '^[A-Z0-9]{2,12}$' }),
    itemCodes: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
      minItems: 2,
      maxItems: 20,
      uniqueItems: true,
    }),
    committedDays: Type.Integer({ minimum: 1, maximum: JOINT_STATUTORY_DAYS }),
    keywords: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 30 }),
  },
  { additionalProperties: false },
);
export type BundleInputT = Static<typeof BundleInput>;

/**
 * A bundle (一件事): several items a person experiences as one matter, one form and one set of
 * materials, a lead department and one overall committed limit. Saved by code (insert or update).
 */
export async function saveBundle(db: Db, clock: Clock, actor: Actor, input: BundleInputT) {
  authorize(actor, cataloguePolicy.writeDepartment, undefined, 'bundle.save');
  const errors: FieldError[] = englishNameProblems({ nameEn: input.nameEn }, '/body');
  const lead = await findDepartment(db, input.leadDepartmentCode);
  if (!lead)
    errors.push({
      path: '/body/leadDepartmentCode',
      code: 'unknown_department',
      zh: `部门 ${input.leadDepartmentCode} 不存在`,
      en: `No department ${input.leadDepartmentCode}`,
    });
  for (const [i, code] of input.itemCodes.entries()) {
    const item = await findItem(db, code);
    if (!item || item.status !== 'published')
      errors.push({
        path: `/body/itemCodes/${i}`,
        code: 'item_not_published',
        zh: `事项 ${code} 不存在或未公布`,
        en: `Item ${code} does not exist or is not published`,
      });
  }
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  return audited(db, clock, actor, async (uow) => {
    const existing = await uow.db
      .selectFrom('bundles')
      .selectAll()
      .where('code', '=', input.code)
      .executeTakeFirst();
    const cols = {
      name: input.name,
      name_en: input.nameEn ?? null,
      description: input.description,
      lead_department_id: lead!.id,
      item_codes: toJson(input.itemCodes),
      committed_days: input.committedDays,
      keywords: toJson(input.keywords),
      status: 'published',
      updated_at: uow.nowIso,
    };
    const id = existing?.id ?? newId(uow.now.getTime());
    if (existing)
      await uow.db
        .updateTable('bundles')
        .set({ ...cols, version: existing.version + 1 })
        .where('id', '=', id)
        .execute();
    else
      await uow.db
        .insertInto('bundles')
        .values({ id, code: input.code, ...cols, version: 1 })
        .execute();
    await uow.audit({
      action: 'bundle.saved',
      entityType: 'bundle',
      entityId: id,
      data: { code: input.code, items: input.itemCodes },
    });
    return id;
  });
}

export async function findBundle(db: Kysely<Database>, key: string) {
  return db
    .selectFrom('bundles')
    .selectAll()
    .where((eb) => eb.or([eb('code', '=', key), eb('id', '=', key)]))
    .where('status', '=', 'published')
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
