import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import { DEPARTMENT_ROLES, type Actor, type Role } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { nameTaken, rethrowIfNameTaken } from './username-taken.js';
import { findUserById, findUserByUsername } from './repository.js';
import { identityPolicy } from './policy.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string | null;
  password: string;
  phone?: string;
  email?: string;
}

/**
 * Applicant accounts are registered by the applicant with a checked resident ID or credit code
 * (register-applicant.ts): a case needs both, so an administrator cannot make one without them.
 */
export const applicantsRegister = () =>
  new AppError('validation_failed', { summary: '/body/role' }, [
    {
      path: '/body/role',
      code: 'applicant_registers',
      zh: '申请人账户由本人注册（须核验身份证号或统一社会信用代码），管理员只能创建工作人员账户',
      en: 'Applicant accounts are registered by the applicant (with a checked resident ID or credit code); administrators create staff accounts only',
    },
  ]);

/** An administrator creates a staff account; department roles must name their department. */
export async function createUser(db: Db, clock: Clock, actor: Actor, input: CreateUserInput) {
  authorize(actor, identityPolicy.manageUsers, undefined, 'user.create');
  if (input.role === 'applicant') throw applicantsRegister();
  const departmentId = input.departmentId ?? null;
  if (DEPARTMENT_ROLES.includes(input.role) && !departmentId) {
    throw new AppError('validation_failed', { summary: '/body/departmentId' }, [
      {
        path: '/body/departmentId',
        code: 'department_required',
        zh: '窗口、审查和部门负责人账户必须属于一个部门',
        en: 'Clerk, reviewer and head accounts must belong to a department',
      },
    ]);
  }
  if (
    departmentId &&
    !(await db.selectFrom('departments').select('id').where('id', '=', departmentId).executeTakeFirst())
  ) {
    throw new AppError('validation_failed', { summary: '/body/departmentId' }, [
      { path: '/body/departmentId', code: 'unknown_department', zh: '部门不存在', en: 'No such department' },
    ]);
  }
  const pw = passwordProblem(input.password);
  if (pw)
    throw new AppError('validation_failed', { summary: '/body/password' }, [
      { path: '/body/password', code: 'weak_password', zh: pw.zh, en: `The password ${pw.en}` },
    ]);
  if (await findUserByUsername(db, input.username)) throw nameTaken(input.username);
  const passwordHash = await hashPassword(input.password);
  const id = await audited(db, clock, actor, async (uow) => {
    const userId = newId(uow.now.getTime());
    await uow.db
      .insertInto('users')
      .values({
        id: userId,
        username: input.username,
        display_name: input.displayName,
        role: input.role,
        department_id: departmentId,
        applicant_kind: null,
        id_number: null,
        credit_code: null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        password_hash: passwordHash,
        status: 'active',
        failed_logins: 0,
        locked_until: null,
        created_at: uow.nowIso,
        updated_at: uow.nowIso,
        version: 1,
      })
      .execute();
    await uow.audit({
      action: 'user.created',
      entityType: 'user',
      entityId: userId,
      data: { username: input.username, role: input.role, departmentId },
    });
    return userId;
  }).catch((e: unknown) => rethrowIfNameTaken(db, input.username, e));
  return (await findUserById(db, id))!;
}
