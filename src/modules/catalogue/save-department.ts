import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion, type FieldError } from '../../server/errors.js';
import { checkCreditCode } from '../identity/id-checks.js';
import { cataloguePolicy } from './policy.js';
import { reindexDepartmentItems } from './item-writer.js';
import { findDepartment } from './repository.js';
import type { DepartmentInputT } from './schemas.js';
import { englishNameProblems } from './validate-catalogue.js';

const columns = (d: DepartmentInputT) => ({
  code: d.code,
  name: d.name,
  name_en: d.nameEn ?? null,
  short_name: d.shortName,
  short_name_en: d.shortNameEn ?? null,
  credit_code: d.creditCode,
  leader: d.leader,
  leader_title: d.leaderTitle,
  phone: d.phone,
  complaint_phone: d.complaintPhone,
  windows: toJson(d.windows),
  hours: d.hours,
  address: d.address,
});

export function departmentProblems(d: DepartmentInputT, path: string): FieldError[] {
  const out = englishNameProblems({ nameEn: d.nameEn, shortNameEn: d.shortNameEn }, path);
  if (checkCreditCode(d.creditCode))
    out.push({
      path: `${path}/creditCode`,
      code: 'credit_code_invalid',
      zh: '统一社会信用代码校验不通过',
      en: 'The unified social credit code fails its check',
    });
  return out;
}

/** Inserts or updates by code inside an existing unit of work (also used by import). */
export async function upsertDepartment(
  uow: UnitOfWork,
  d: DepartmentInputT,
  sortOrder: number,
  expectedVersion?: number,
): Promise<string> {
  const existing = await findDepartment(uow.db, d.code);
  if (!existing) {
    const id = newId(uow.now.getTime());
    await uow.db
      .insertInto('departments')
      .values({
        id,
        ...columns(d),
        sort_order: sortOrder,
        created_at: uow.nowIso,
        updated_at: uow.nowIso,
        version: 1,
      })
      .execute();
    await uow.audit({
      action: 'department.created',
      entityType: 'department',
      entityId: id,
      data: { code: d.code },
    });
    return id;
  }
  const given = expectedVersion ?? existing.version;
  const res = await uow.db
    .updateTable('departments')
    .set({ ...columns(d), updated_at: uow.nowIso, version: existing.version + 1 })
    .where('id', '=', existing.id)
    .where('version', '=', given)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleVersion(existing.version, given);
  const renamed =
    existing.name !== d.name ||
    existing.short_name !== d.shortName ||
    existing.name_en !== (d.nameEn ?? null) ||
    existing.short_name_en !== (d.shortNameEn ?? null);
  const reindexed = renamed ? await reindexDepartmentItems(uow, { ...existing, ...columns(d) }) : 0;
  await uow.audit({
    action: 'department.updated',
    entityType: 'department',
    entityId: existing.id,
    data: renamed ? { code: d.code, renamed: true, reindexedItems: reindexed } : { code: d.code },
  });
  return existing.id;
}

export async function createDepartment(db: Db, clock: Clock, actor: Actor, d: DepartmentInputT) {
  authorize(actor, cataloguePolicy.writeDepartment, undefined, 'department.create');
  const problems = departmentProblems(d, '/body');
  if (problems.length) throw new AppError('validation_failed', { summary: problems[0]!.path }, problems);
  if (await findDepartment(db, d.code))
    throw new AppError('already_exists', { resource: 'department', id: d.code });
  const count = await db
    .selectFrom('departments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return audited(db, clock, actor, (uow) => upsertDepartment(uow, d, Number(count.n)));
}

export async function updateDepartment(
  db: Db,
  clock: Clock,
  actor: Actor,
  key: string,
  expectedVersion: number,
  d: DepartmentInputT,
) {
  authorize(actor, cataloguePolicy.writeDepartment, undefined, 'department.update');
  const existing = await findDepartment(db, key);
  if (!existing) throw notFound('department', key);
  if (existing.code !== d.code)
    throw new AppError('validation_failed', { summary: '/body/code' }, [
      {
        path: '/body/code',
        code: 'code_immutable',
        zh: '部门编码不可修改',
        en: 'The department code cannot change',
      },
    ]);
  const problems = departmentProblems(d, '/body');
  if (problems.length) throw new AppError('validation_failed', { summary: problems[0]!.path }, problems);
  return audited(db, clock, actor, (uow) => upsertDepartment(uow, d, existing.sort_order, expectedVersion));
}
