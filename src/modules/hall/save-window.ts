import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { HallDeps } from './hall-deps.js';
import { hallPolicy } from './policy.js';
import { findGroup, findWindowByCode, insertWindow, updateWindow } from './repository.js';

export interface SaveWindowInput {
  code: string;
  name: string;
  nameEn: string;
  groupIds: string[];
}

/** Creates or changes a window (by its code) and the groups it calls from. */
export async function saveWindow(deps: HallDeps, actor: Actor, input: SaveWindowInput) {
  authorize(actor, hallPolicy.configure, undefined, 'hall.configure');
  const unknown = [];
  for (const [i, id] of input.groupIds.entries())
    if (!(await findGroup(deps.db, id)))
      unknown.push({
        path: `/body/groupIds/${i}`,
        code: 'unknown',
        zh: '没有这个窗口分组',
        en: 'No such window group',
      });
  if (unknown.length)
    throw new AppError('validation_failed', { summary: unknown.map((e) => e.path).join(', ') }, unknown);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const existing = await findWindowByCode(uow.db, input.code);
    const fields = {
      name: input.name.trim(),
      name_en: input.nameEn.trim(),
      group_ids: toJson(input.groupIds),
      updated_at: uow.nowIso,
    };
    const id = existing?.id ?? newId(uow.now.getTime());
    if (existing) await updateWindow(uow.db, id, fields);
    else
      await insertWindow(uow.db, {
        id,
        code: input.code,
        staff_id: null,
        current_ticket_id: null,
        ...fields,
      });
    await uow.audit({
      action: 'hall.window_saved',
      entityType: 'hall_window',
      entityId: id,
      data: { code: input.code, created: !existing },
    });
    return (await findWindowByCode(uow.db, input.code))!;
  });
}
