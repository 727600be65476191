import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, type FieldError } from '../../server/errors.js';
import { checkCreditCode, checkResidentId, ID_FAILURE_TEXT } from './id-checks.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { nameTaken, rethrowIfNameTaken } from './username-taken.js';
import { findUserByIdentity, findUserByUsername, findUserById } from './repository.js';

export interface RegisterInput {
  kind: 'person' | 'enterprise';
  username: string;
  displayName: string;
  password: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  email?: string;
}

/** Self-registration of a citizen (resident ID) or an enterprise (unified social credit code). */
export async function registerApplicant(db: Db, clock: Clock, actor: Actor, input: RegisterInput) {
  const errors: FieldError[] = [];
  const idNumber = input.kind === 'person' ? (input.idNumber?.trim().toUpperCase() ?? '') : null;
  const creditCode = input.kind === 'enterprise' ? (input.creditCode?.trim().toUpperCase() ?? '') : null;
  if (idNumber !== null) {
    const why = idNumber ? checkResidentId(idNumber, clock.now()) : 'format';
    if (why)
      errors.push({
        path: '/body/idNumber',
        code: `id_${why}`,
        zh: `身份证号${ID_FAILURE_TEXT[why].zh}`,
        en: `The resident ID number ${ID_FAILURE_TEXT[why].en}`,
      });
  }
  if (creditCode !== null) {
    const why = creditCode ? checkCreditCode(creditCode) : 'format';
    if (why)
      errors.push({
        path: '/body/creditCode',
        code: `credit_code_${why}`,
        zh: `统一社会信用代码${ID_FAILURE_TEXT[why].zh}`,
        en: `The unified social credit code ${ID_FAILURE_TEXT[why].en}`,
      });
  }
  const pw = passwordProblem(input.password);
  if (pw)
    errors.push({ path: '/body/password', code: 'weak_password', zh: pw.zh, en: `The password ${pw.en}` });
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);

  if (await findUserByUsername(db, input.username)) throw nameTaken(input.username);
  if (await findUserByIdentity(db, idNumber, creditCode)) {
    // The field's name in the reader's language (RESOURCE_NAMES), not both languages in one message.
    throw new AppError('identity_already_registered', { resource: idNumber ? 'id_number' : 'credit_code' });
  }
  const passwordHash = await hashPassword(input.password);
  const id = await audited(db, clock, actor, async (uow) => {
    const userId = newId(uow.now.getTime());
    await uow.db
      .insertInto('users')
      .values({
        id: userId,
        username: input.username,
        display_name: input.displayName,
        role: 'applicant',
        department_id: null,
        applicant_kind: input.kind,
        id_number: idNumber,
        credit_code: creditCode,
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
      action: 'user.registered',
      entityType: 'user',
      entityId: userId,
      data: { username: input.username, kind: input.kind },
    });
    return userId;
  }).catch((e: unknown) => rethrowIfNameTaken(db, input.username, e));
  return (await findUserById(db, id))!;
}
