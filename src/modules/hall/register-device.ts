import type { Actor, DeviceKind } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, type FieldError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { createDeviceAccount } from '../identity/device-accounts.js';
import type { HallDeps } from './hall-deps.js';
import { hallPolicy } from './policy.js';
import { findGroup, findWindow } from './repository.js';
import { findDevice, insertDevice } from './repository-devices.js';

export interface RegisterDeviceInput {
  kind: DeviceKind;
  name: string;
  windowId?: string | null;
  groupId?: string | null;
}

async function check(deps: HallDeps, input: RegisterDeviceInput): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!input.name.trim())
    errors.push({ path: '/body/name', code: 'required', zh: '请填写设备名称', en: 'Name the device' });
  if (input.kind === 'tablet' && !input.windowId)
    errors.push({
      path: '/body/windowId',
      code: 'required',
      zh: '评价器须绑定一个窗口',
      en: 'A rating tablet belongs to one window',
    });
  if (input.kind !== 'tablet' && input.windowId)
    errors.push({
      path: '/body/windowId',
      code: 'not_allowed',
      zh: '只有评价器绑定窗口',
      en: 'Only a rating tablet belongs to a window',
    });
  if (input.windowId && !(await findWindow(deps.db, input.windowId)))
    errors.push({ path: '/body/windowId', code: 'unknown', zh: '没有这个窗口', en: 'No such window' });
  if (input.groupId && !(await findGroup(deps.db, input.groupId)))
    errors.push({
      path: '/body/groupId',
      code: 'unknown',
      zh: '没有这个窗口分组',
      en: 'No such window group',
    });
  return errors;
}

/**
 * Registers a device of the hall: its own account and one API token bound to what it may do (a
 * kiosk issues tickets, for one group if given; a tablet rates the visits of its window; a screen
 * reads the calls). The token is answered once, to be entered on the device.
 */
export async function registerDevice(deps: HallDeps, actor: Actor, input: RegisterDeviceInput) {
  authorize(actor, hallPolicy.manageDevices, undefined, 'hall.manage_devices');
  const errors = await check(deps, input);
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    const name = input.name.trim();
    const binding = {
      deviceId: id,
      kind: input.kind,
      windowId: input.windowId ?? null,
      groupId: input.groupId ?? null,
    };
    const account = await createDeviceAccount(uow, { name, binding });
    await insertDevice(uow.db, {
      id,
      kind: input.kind,
      name,
      window_id: binding.windowId,
      group_id: binding.groupId,
      user_id: account.userId,
      token_id: account.tokenId,
      created_by: actor.id ?? 'system',
      created_at: uow.nowIso,
      revoked_at: null,
      revoked_by: null,
    });
    await uow.audit({
      action: 'hall.device_registered',
      entityType: 'hall_device',
      entityId: id,
      data: { kind: input.kind, name, windowId: binding.windowId, groupId: binding.groupId },
    });
    return { device: (await findDevice(uow.db, id))!, token: account.token };
  });
}
