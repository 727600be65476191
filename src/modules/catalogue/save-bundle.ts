import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion, type FieldError } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { findDepartment, findItem } from './repository.js';
import { englishNameProblems } from './validate-catalogue.js';
import { findAnyBundle, type BundleInputT } from './bundles.js';

/**
 * What a schema cannot check of a bundle: its lead department exists, each item exists and is
 * published, and the lead department handles at least one of the items (it leads the joint review,
 * so it must take part in it). Returns the lead department's id when there are no problems.
 */
export async function bundleProblems(
  db: Db,
  b: BundleInputT,
  path: string,
): Promise<{ problems: FieldError[]; leadId?: string }> {
  const problems: FieldError[] = englishNameProblems({ nameEn: b.nameEn }, path);
  const lead = await findDepartment(db, b.leadDepartmentCode);
  if (!lead)
    problems.push({
      path: `${path}/leadDepartmentCode`,
      code: 'unknown_department',
      zh: `部门 ${b.leadDepartmentCode} 不存在`,
      en: `No department ${b.leadDepartmentCode}`,
    });
  const itemDepartments = new Set<string>();
  for (const [i, code] of b.itemCodes.entries()) {
    const item = await findItem(db, code);
    if (!item)
      problems.push({
        path: `${path}/itemCodes/${i}`,
        code: 'unknown_item',
        zh: `事项 ${code} 不存在`,
        en: `No item ${code}`,
      });
    else if (item.status !== 'published')
      problems.push({
        path: `${path}/itemCodes/${i}`,
        code: 'item_not_published',
        zh: `事项 ${code} 未公布（当前状态：${item.status}），不能纳入一件事`,
        en: `Item ${code} is not published (it is ${item.status}) and cannot be part of a bundle`,
      });
    else itemDepartments.add(item.department_id);
  }
  const allItemsFound = problems.every((p) => !p.path.startsWith(`${path}/itemCodes/`));
  if (lead && allItemsFound && !itemDepartments.has(lead.id))
    problems.push({
      path: `${path}/leadDepartmentCode`,
      code: 'lead_not_among_items',
      zh: `牵头部门 ${lead.name} 不办理其中任何一个事项；请选择办理其中至少一个事项的部门`,
      en: `The lead department ${lead.name_en ?? lead.name} handles none of the items; choose a department that handles at least one`,
    });
  return problems.length ? { problems } : { problems, leadId: lead!.id };
}

async function checked(db: Db, b: BundleInputT): Promise<string> {
  const { problems, leadId } = await bundleProblems(db, b, '/body');
  if (problems.length)
    throw new AppError('validation_failed', { summary: problems.map((p) => p.path).join(', ') }, problems);
  return leadId!;
}

const columns = (b: BundleInputT, leadId: string) => ({
  name: b.name,
  name_en: b.nameEn ?? null,
  description: b.description,
  lead_department_id: leadId,
  item_codes: toJson(b.itemCodes),
  committed_days: b.committedDays,
  keywords: toJson(b.keywords),
});

/**
 * The one writer of bundles: inserts a published bundle, or changes the one of that code (at the
 * version given, when one is). A change leaves the state alone: a withdrawn bundle stays withdrawn.
 */
export async function upsertBundle(
  uow: UnitOfWork,
  b: BundleInputT,
  leadId: string,
  expectedVersion?: number,
): Promise<string> {
  const existing = await findAnyBundle(uow.db, b.code);
  if (!existing) {
    const id = newId(uow.now.getTime());
    await uow.db
      .insertInto('bundles')
      .values({
        id,
        code: b.code,
        ...columns(b, leadId),
        status: 'published',
        updated_at: uow.nowIso,
        version: 1,
      })
      .execute();
    await uow.audit({
      action: 'bundle.saved',
      entityType: 'bundle',
      entityId: id,
      data: { code: b.code, items: b.itemCodes, change: 'created' },
    });
    return id;
  }
  const given = expectedVersion ?? existing.version;
  const res = await uow.db
    .updateTable('bundles')
    .set({ ...columns(b, leadId), updated_at: uow.nowIso, version: existing.version + 1 })
    .where('id', '=', existing.id)
    .where('version', '=', given)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleVersion(existing.version, given);
  await uow.audit({
    action: 'bundle.saved',
    entityType: 'bundle',
    entityId: existing.id,
    data: { code: b.code, items: b.itemCodes, change: 'updated' },
  });
  return existing.id;
}

/**
 * A bundle (一件事): several items a person experiences as one matter, one form and one set of
 * materials, a lead department and one overall committed limit. Saved by code, inserted or changed
 * whatever its version: the demo seed's way in, through the same writer as the administrators'.
 */
export async function saveBundle(db: Db, clock: Clock, actor: Actor, b: BundleInputT) {
  authorize(actor, cataloguePolicy.writeBundle, undefined, 'bundle.save');
  const leadId = await checked(db, b);
  return audited(db, clock, actor, (uow) => upsertBundle(uow, b, leadId));
}

export async function createBundle(db: Db, clock: Clock, actor: Actor, b: BundleInputT) {
  authorize(actor, cataloguePolicy.writeBundle, undefined, 'bundle.create');
  const leadId = await checked(db, b);
  if (await findAnyBundle(db, b.code))
    throw new AppError('already_exists', { resource: 'bundle', id: b.code });
  return audited(db, clock, actor, (uow) => upsertBundle(uow, b, leadId));
}

export async function updateBundle(
  db: Db,
  clock: Clock,
  actor: Actor,
  key: string,
  expectedVersion: number,
  b: BundleInputT,
) {
  authorize(actor, cataloguePolicy.writeBundle, undefined, 'bundle.update');
  const existing = await findAnyBundle(db, key);
  if (!existing) throw notFound('bundle', key);
  if (existing.code !== b.code)
    throw new AppError('validation_failed', { summary: '/body/code' }, [
      {
        path: '/body/code',
        code: 'code_immutable',
        zh: '一件事编码不可修改',
        en: 'The bundle code cannot change',
      },
    ]);
  if (existing.status !== 'published')
    throw new AppError('invalid_state', { state: existing.status, action: 'update', allowed: 'none' });
  const leadId = await checked(db, b);
  return audited(db, clock, actor, (uow) => upsertBundle(uow, b, leadId, expectedVersion));
}
