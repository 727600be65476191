import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { mobileNumber } from '../notifications/recipients.js';
import { enqueueNotifications } from '../supervision/signals.js';
import { reserveGuess } from './address-failures.js';
import { findUserByUsername } from './repository.js';
import { insertReset } from './repository-resets.js';
import { RESET_POLICY, resetCode, resetCodeHash } from './reset-policy.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A phone number or an email address, as given; which one it is, or a field error in both languages. */
export function contactOf(contact: string): { channel: 'sms' | 'email'; address: string } {
  const c = contact.trim();
  if (c.includes('@')) {
    if (EMAIL.test(c) && c.length <= 200) return { channel: 'email', address: c.toLowerCase() };
  } else {
    const phone = mobileNumber(c);
    if (phone) return { channel: 'sms', address: phone };
  }
  throw new AppError('validation_failed', { summary: '/body/contact' }, [
    {
      path: '/body/contact',
      code: 'invalid_contact',
      zh: '请填写注册时登记的手机号码或电子邮箱',
      en: 'Give the mobile number or email address registered with the account',
    },
  ]);
}

/**
 * Asks for a code to reset a forgotten password, named by the username and the phone or email
 * registered with it. The answer is the same whether or not such an account exists, so nobody can
 * learn which accounts or contacts are registered: the requests are counted per address and per
 * username (existing or not) before anything is looked up, and a code is sent only on a match.
 */
export async function requestPasswordReset(
  db: Db,
  clock: Clock,
  actor: Actor,
  input: { username: string; contact: string },
): Promise<{ minutes: number }> {
  const contact = contactOf(input.contact);
  const now = clock.now();
  await reserveGuess(db, `reset-ask:${actor.ip ?? 'unknown'}`, RESET_POLICY.askPerAddress, now);
  const name = input.username.trim().toLowerCase();
  await reserveGuess(db, `reset-account:${name}`, RESET_POLICY.askPerAccount, now);
  const user = await findUserByUsername(db, input.username.trim());
  const registered =
    contact.channel === 'sms' ? mobileNumber(user?.phone ?? null) : user?.email?.trim().toLowerCase();
  const match = user && user.status === 'active' && registered === contact.address;
  await audited(db, clock, actor, async (uow) => {
    if (!match) {
      await uow.audit({
        action: 'password.reset_requested',
        entityType: 'user',
        entityId: user?.id ?? name.slice(0, 64),
        data: { channel: contact.channel, sent: false },
      });
      return;
    }
    const id = newId(uow.now.getTime());
    const code = resetCode();
    await insertReset(uow.db, {
      id,
      user_id: user.id,
      channel: contact.channel,
      address: contact.address,
      code_hash: resetCodeHash(id, code),
      attempts: 0,
      expires_at: new Date(uow.now.getTime() + RESET_POLICY.codeMinutes * 60_000).toISOString(),
      used_at: null,
      created_at: uow.nowIso,
    });
    await enqueueNotifications(
      uow.db,
      [
        {
          kind: 'password_reset_code',
          recipientType: 'account_holder',
          recipientId: id,
          subjectType: 'password_reset',
          subjectId: id,
          payload: { code, minutes: RESET_POLICY.codeMinutes },
        },
      ],
      uow.nowIso,
    );
    await uow.audit({
      action: 'password.reset_requested',
      entityType: 'user',
      entityId: user.id,
      data: { channel: contact.channel, sent: true },
    });
  });
  return { minutes: RESET_POLICY.codeMinutes };
}
