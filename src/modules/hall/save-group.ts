import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { AppError, type FieldError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { findDepartment, findItem } from '../catalogue/catalogue-reads.js';
import type { HallDeps } from './hall-deps.js';
import { hallPolicy } from './policy.js';
import { findGroupByCode, insertGroup, updateGroup } from './repository.js';
import { sessionsValid, type Sessions } from './slots.js';

export interface SaveGroupInput {
  code: string;
  name: string;
  nameEn: string;
  departmentId?: string | null;
  itemIds: string[];
  sessions: [string, string][];
  slotMinutes: number;
  slotCapacity: number;
  serviceMinutes: number;
  active: boolean;
}

async function check(deps: HallDeps, input: SaveGroupInput): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!sessionsValid(input.sessions as Sessions))
    errors.push({
      path: '/body/sessions',
      code: 'invalid_sessions',
      zh: '时段须为 HH:MM，开始早于结束，按时间先后且不重叠',
      en: 'Sessions are HH:MM, each starting before it ends, in order and not overlapping',
    });
  if (input.departmentId && !(await findDepartment(deps.db, input.departmentId)))
    errors.push({
      path: '/body/departmentId',
      code: 'unknown',
      zh: '没有这个部门',
      en: 'No such department',
    });
  for (const [i, id] of input.itemIds.entries())
    if (!(await findItem(deps.db, id)))
      errors.push({ path: `/body/itemIds/${i}`, code: 'unknown', zh: '没有这个事项', en: 'No such item' });
  if (!input.departmentId && input.itemIds.length === 0)
    errors.push({
      path: '/body/itemIds',
      code: 'required',
      zh: '窗口分组须按部门或按事项设置',
      en: 'A window group serves a department or a list of items',
    });
  return errors;
}

/** Creates or changes a window group (by its letter code): which items it serves, its slots. */
export async function saveGroup(deps: HallDeps, actor: Actor, input: SaveGroupInput) {
  authorize(actor, hallPolicy.configure, undefined, 'hall.configure');
  const errors = await check(deps, input);
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const existing = await findGroupByCode(uow.db, input.code);
    const fields = {
      name: input.name.trim(),
      name_en: input.nameEn.trim(),
      department_id: input.departmentId ?? null,
      item_ids: toJson(input.itemIds),
      sessions: toJson(input.sessions),
      slot_minutes: input.slotMinutes,
      slot_capacity: input.slotCapacity,
      service_minutes: input.serviceMinutes,
      active: input.active ? 1 : 0,
      updated_at: uow.nowIso,
    };
    const id = existing?.id ?? newId(uow.now.getTime());
    if (existing) await updateGroup(uow.db, id, fields);
    else await insertGroup(uow.db, { id, code: input.code, ...fields });
    await uow.audit({
      action: 'hall.group_saved',
      entityType: 'hall_group',
      entityId: id,
      data: { code: input.code, created: !existing },
    });
    return (await findGroupByCode(uow.db, input.code))!;
  });
}
