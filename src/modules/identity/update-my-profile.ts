import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, staleVersion, type FieldError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { mobileNumber } from '../notifications/recipients.js';
import { identityPolicy } from './policy.js';
import { presentProfile } from './profile-presenter.js';
import { findUserById } from './repository.js';
import { findProfile, saveProfile, updateContacts } from './repository-profiles.js';

export interface ProfileInput {
  version: number;
  displayName: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  contactName?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Every problem with the input at once, each on its field in both languages. */
function check(input: ProfileInput) {
  const errors: FieldError[] = [];
  const displayName = input.displayName.trim();
  const phone = blankToNull(input.phone);
  const email = blankToNull(input.email);
  const address = blankToNull(input.address);
  const contactName = blankToNull(input.contactName);
  if (!displayName || displayName.length > 100)
    errors.push({
      path: '/body/displayName',
      code: 'invalid_name',
      zh: '请填写姓名或企业名称（不超过 100 字）',
      en: 'Give the name or the enterprise name (at most 100 characters)',
    });
  if (phone && !mobileNumber(phone))
    errors.push({
      path: '/body/phone',
      code: 'invalid_phone',
      zh: '手机号码应为 11 位，以 1 开头',
      en: 'The mobile number has 11 digits and starts with 1',
    });
  if (email && (!EMAIL.test(email) || email.length > 200))
    errors.push({
      path: '/body/email',
      code: 'invalid_email',
      zh: '电子邮箱格式不正确',
      en: 'The email address is not valid',
    });
  if (address && address.length > 200)
    errors.push({
      path: '/body/address',
      code: 'too_long',
      zh: '地址不超过 200 字',
      en: 'The address has at most 200 characters',
    });
  if (contactName && contactName.length > 50)
    errors.push({
      path: '/body/contactName',
      code: 'too_long',
      zh: '联系人不超过 50 字',
      en: 'The contact name has at most 50 characters',
    });
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  return { displayName, phone: phone && mobileNumber(phone), email, address, contactName };
}

/** The signed-in applicant keeps their name, contacts, address and contact person. */
export async function updateMyProfile(db: Db, clock: Clock, actor: Actor, input: ProfileInput) {
  authorize(actor, identityPolicy.keepProfile, undefined, 'profile.update');
  if (!actor.id) throw new AppError('unauthenticated');
  const v = check(input);
  const userId = actor.id;
  await audited(db, clock, actor, async (uow) => {
    const ok = await updateContacts(uow.db, userId, input.version, {
      display_name: v.displayName,
      phone: v.phone,
      email: v.email,
      updated_at: uow.nowIso,
    });
    if (!ok) {
      const current = await findUserById(uow.db, userId);
      throw staleVersion(current?.version ?? 0, input.version);
    }
    await saveProfile(uow.db, {
      user_id: userId,
      address: v.address,
      contact_name: v.contactName,
      updated_at: uow.nowIso,
    });
    await uow.audit({ action: 'profile.updated', entityType: 'user', entityId: userId, data: {} });
  });
  const user = (await findUserById(db, userId))!;
  return presentProfile(user, await findProfile(db, userId));
}
