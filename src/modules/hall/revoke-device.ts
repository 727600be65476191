import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { revokeDeviceAccount } from '../identity/device-accounts.js';
import type { HallDeps } from './hall-deps.js';
import { notFound } from './hall-support.js';
import { hallPolicy } from './policy.js';
import { findDevice, markDeviceRevoked } from './repository-devices.js';

/**
 * Revokes a device (lost, replaced, moved): its token answers 401 from the next request, and its
 * account is disabled. Revoking a revoked device changes nothing.
 */
export async function revokeDevice(deps: HallDeps, actor: Actor, id: string) {
  authorize(actor, hallPolicy.manageDevices, undefined, 'hall.manage_devices');
  const d = await findDevice(deps.db, id);
  if (!d) throw notFound('hall_device', id);
  if (d.revoked_at) return d;
  return audited(deps.db, deps.clock, actor, async (uow) => {
    if (!(await markDeviceRevoked(uow.db, id, uow.nowIso, actor.id))) return uow.unchanged(d);
    await revokeDeviceAccount(uow, d.user_id);
    await uow.audit({
      action: 'hall.device_revoked',
      entityType: 'hall_device',
      entityId: id,
      data: { kind: d.kind, name: d.name },
    });
    return (await findDevice(uow.db, id))!;
  });
}
