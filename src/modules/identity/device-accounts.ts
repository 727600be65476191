import type { UnitOfWork } from '../audit/audited-transaction.js';
import { DEVICE_KINDS, type DeviceBinding, type DeviceKind } from '../../shared/actor.js';
import { newId, randomToken, sha256 } from '../../shared/ids.js';

/** The role of a device's account: not one of ROLES, so no person can be given it. */
export const DEVICE_ROLE = 'device';

/** The binding kept in a device token's scope; anything else is no binding at all. */
export function parseBinding(scope: string): DeviceBinding | undefined {
  try {
    const v = JSON.parse(scope) as Partial<DeviceBinding>;
    if (typeof v.deviceId !== 'string' || !DEVICE_KINDS.includes(v.kind as DeviceKind)) return undefined;
    return {
      deviceId: v.deviceId,
      kind: v.kind as DeviceKind,
      windowId: typeof v.windowId === 'string' ? v.windowId : null,
      groupId: typeof v.groupId === 'string' ? v.groupId : null,
    };
  } catch {
    return undefined;
  }
}

/**
 * A device's account and its one API token, bound to the device, inside the registering unit of
 * work (the caller authorizes and audits). The account has no usable password and no department;
 * the token is shown once and kept only as its hash.
 */
export async function createDeviceAccount(
  uow: UnitOfWork,
  input: { name: string; binding: DeviceBinding },
): Promise<{ userId: string; tokenId: string; token: string }> {
  const userId = newId(uow.now.getTime());
  const tokenId = newId(uow.now.getTime());
  const token = `owd_${randomToken(30)}`;
  await uow.db
    .insertInto('users')
    .values({
      id: userId,
      username: `device:${input.binding.deviceId}`,
      display_name: input.name,
      role: DEVICE_ROLE,
      department_id: null,
      applicant_kind: null,
      id_number: null,
      credit_code: null,
      phone: null,
      email: null,
      password_hash: '!',
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      created_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    })
    .execute();
  await uow.db
    .insertInto('api_tokens')
    .values({
      id: tokenId,
      user_id: userId,
      name: input.name,
      token_hash: sha256(token),
      created_at: uow.nowIso,
      expires_at: null,
      revoked_at: null,
      last_used_at: null,
      scope: JSON.stringify(input.binding),
    })
    .execute();
  return { userId, tokenId, token };
}

/** Revokes a device's token and disables its account, inside the caller's unit of work. */
export async function revokeDeviceAccount(uow: UnitOfWork, userId: string): Promise<void> {
  await uow.db
    .updateTable('api_tokens')
    .set({ revoked_at: uow.nowIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
  await uow.db
    .updateTable('users')
    .set({ status: 'disabled', updated_at: uow.nowIso })
    .where('id', '=', userId)
    .where('role', '=', DEVICE_ROLE)
    .execute();
}
