import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { DEPARTMENT_ROLES, type Actor, type Role } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { applicantsRegister } from './create-user.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { findUserById } from './repository.js';
import { identityPolicy } from './policy.js';
import { DEVICE_ROLE } from './device-accounts.js';

export interface UpdateUserInput {
  version: number;
  displayName?: string;
  role?: Role;
  departmentId?: string | null;
  status?: 'active' | 'disabled';
  password?: string;
  unlock?: boolean;
}

/** Changes a user with optimistic concurrency; disabling also ends the user's sessions. */
export async function updateUser(db: Db, clock: Clock, actor: Actor, userId: string, input: UpdateUserInput) {
  authorize(actor, identityPolicy.manageUsers, undefined, 'user.update');
  const user = await findUserById(db, userId);
  if (user?.role === DEVICE_ROLE) throw notFound('user', userId);
  if (!user) throw notFound('user', userId);
  const role = input.role ?? (user.role as Role);
  if (role === 'applicant' && user.role !== 'applicant') throw applicantsRegister();
  const departmentId = input.departmentId === undefined ? user.department_id : input.departmentId;
  if (DEPARTMENT_ROLES.includes(role) && !departmentId) {
    throw new AppError('validation_failed', { summary: '/body/departmentId' }, [
      {
        path: '/body/departmentId',
        code: 'department_required',
        zh: '该角色必须属于一个部门',
        en: 'This role must belong to a department',
      },
    ]);
  }
  let passwordHash: string | undefined;
  if (input.password !== undefined) {
    const pw = passwordProblem(input.password);
    if (pw)
      throw new AppError('validation_failed', { summary: '/body/password' }, [
        { path: '/body/password', code: 'weak_password', zh: pw.zh, en: `The password ${pw.en}` },
      ]);
    passwordHash = await hashPassword(input.password);
  }
  await audited(db, clock, actor, async (uow) => {
    const res = await uow.db
      .updateTable('users')
      .set({
        display_name: input.displayName ?? user.display_name,
        role,
        department_id: departmentId,
        status: input.status ?? user.status,
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        ...(input.unlock ? { locked_until: null, failed_logins: 0 } : {}),
        updated_at: uow.nowIso,
        version: user.version + 1,
      })
      .where('id', '=', userId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion(user.version, input.version);
    if (input.status === 'disabled' || passwordHash) {
      await uow.db
        .updateTable('sessions')
        .set({ revoked_at: uow.nowIso })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    }
    const changed = Object.keys(input).filter((k) => k !== 'version' && k !== 'password');
    await uow.audit({
      action: passwordHash && changed.length === 0 ? 'user.password_changed' : 'user.updated',
      entityType: 'user',
      entityId: userId,
      data: { changed, passwordChanged: !!passwordHash },
    });
  });
  return (await findUserById(db, userId))!;
}
