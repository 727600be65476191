import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { authorize } from '../../shared/policy.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { cataloguePolicy } from './policy.js';
import { departmentCodeMap, findFee } from './repository.js';
import type { FeeInputT } from './schemas.js';
import { feeProblems } from './validate-catalogue.js';

/** Inserts or updates a fee entry by code and publishes it (used by the API and by import). */
export async function upsertFee(
  uow: UnitOfWork,
  f: FeeInputT,
  departmentId: string,
  expectedVersion?: number,
): Promise<string> {
  const existing = await findFee(uow.db, f.code);
  const cols = {
    code: f.code,
    name: f.name,
    department_id: departmentId,
    category: f.category,
    basis: f.basis,
    standard: f.standard,
    management: f.management,
    rule: toJson(f.rule),
    status: 'published',
  };
  if (!existing) {
    const id = newId(uow.now.getTime());
    await uow.db
      .insertInto('fee_entries')
      .values({ id, ...cols, created_at: uow.nowIso, updated_at: uow.nowIso, version: 1 })
      .execute();
    await uow.audit({
      action: 'fee.created',
      entityType: 'fee',
      entityId: id,
      data: { code: f.code, rule: f.rule },
    });
    return id;
  }
  const given = expectedVersion ?? existing.version;
  const res = await uow.db
    .updateTable('fee_entries')
    .set({ ...cols, updated_at: uow.nowIso, version: existing.version + 1 })
    .where('id', '=', existing.id)
    .where('version', '=', given)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw staleVersion(existing.version, given);
  await uow.audit({
    action: 'fee.updated',
    entityType: 'fee',
    entityId: existing.id,
    data: { code: f.code, before: JSON.parse(existing.rule), after: f.rule },
  });
  return existing.id;
}

async function checkedDepartment(db: Db, f: FeeInputT): Promise<string> {
  const depts = await departmentCodeMap(db);
  const problems = feeProblems(f, '/body', new Set(depts.keys()));
  if (problems.length)
    throw new AppError('validation_failed', { summary: problems.map((p) => p.path).join(', ') }, problems);
  return depts.get(f.departmentCode)!;
}

export async function createFee(db: Db, clock: Clock, actor: Actor, f: FeeInputT) {
  authorize(actor, cataloguePolicy.writeFee, undefined, 'fee.create');
  const departmentId = await checkedDepartment(db, f);
  if (await findFee(db, f.code)) throw new AppError('already_exists', { resource: 'fee', id: f.code });
  return audited(db, clock, actor, (uow) => upsertFee(uow, f, departmentId));
}

export async function updateFee(
  db: Db,
  clock: Clock,
  actor: Actor,
  key: string,
  expectedVersion: number,
  f: FeeInputT,
) {
  authorize(actor, cataloguePolicy.writeFee, undefined, 'fee.update');
  const existing = await findFee(db, key);
  if (!existing) throw notFound('fee', key);
  if (existing.code !== f.code)
    throw new AppError('validation_failed', { summary: '/body/code' }, [
      {
        path: '/body/code',
        code: 'code_immutable',
        zh: '收费编码不可修改',
        en: 'The fee code cannot change',
      },
    ]);
  const departmentId = await checkedDepartment(db, f);
  return audited(db, clock, actor, (uow) => upsertFee(uow, f, departmentId, expectedVersion));
}
