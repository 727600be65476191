import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import type { HallDeps } from './hall-deps.js';
import { notFound } from './hall-support.js';
import { hallPolicy } from './policy.js';
import { findGroup, findWindow } from './repository.js';
import { findDevice, listDeviceRows } from './repository-devices.js';

/** The hall's devices, revoked ones included (the record of what was in use). */
export async function listDevices(deps: HallDeps, actor: Actor) {
  authorize(actor, hallPolicy.manageDevices, undefined, 'hall.manage_devices');
  return listDeviceRows(deps.db);
}

/** A device asks who it is: its kind, name, and the window or group it is bound to. */
export async function getOwnDevice(deps: HallDeps, actor: Actor) {
  authorize(actor, hallPolicy.readOwnDevice, undefined, 'hall.read_own_device');
  const binding = actor.device!;
  const d = await findDevice(deps.db, binding.deviceId);
  if (!d || d.revoked_at) throw notFound('hall_device', binding.deviceId);
  const [window, group] = await Promise.all([
    binding.windowId ? findWindow(deps.db, binding.windowId) : undefined,
    binding.groupId ? findGroup(deps.db, binding.groupId) : undefined,
  ]);
  return { device: d, window: window ?? null, group: group ?? null };
}
