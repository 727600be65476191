import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { checkCreditCode, checkResidentId, ID_FAILURE_TEXT } from '../identity/id-checks.js';
import { mobileNumber } from '../notifications/recipients.js';
import { enqueueNotifications } from '../supervision/signals.js';
import type { HallDeps } from './hall-deps.js';
import { codeHash, oneTimeCode, phoneTail } from './hall-support.js';
import { hallPolicy } from './policy.js';
import { codesSentSince, insertCode } from './repository.js';

const GAP_SECONDS = 60;
const PER_HOUR = 5;

export function checkPerson(phone: string, idNumber: string, now: Date) {
  const errors = [];
  if (!mobileNumber(phone))
    errors.push({
      path: '/body/phone',
      code: 'invalid_phone',
      zh: '请填写能接收短信的手机号码',
      en: 'Give a mobile number that can receive text messages',
    });
  const id = idNumber.trim().toUpperCase();
  const failure = /^\d{17}[\dX]$/.test(id) ? checkResidentId(id, now) : checkCreditCode(id);
  if (failure)
    errors.push({
      path: '/body/idNumber',
      code: 'invalid_id',
      zh: `证件号码${ID_FAILURE_TEXT[failure].zh}`,
      en: `The ID number ${ID_FAILURE_TEXT[failure].en}`,
    });
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  return { phone: mobileNumber(phone)!, idNumber: id };
}

/**
 * Sends a six-digit code by SMS to book without an account; returns the code's id, which the
 * booking names. At most one a minute and five an hour per phone.
 */
export async function requestBookingCode(
  deps: HallDeps,
  actor: Actor,
  input: { phone: string; idNumber: string },
): Promise<{ codeId: string; expiresAt: string }> {
  authorize(actor, hallPolicy.book, undefined, 'hall.book');
  const now = deps.clock.now();
  const person = checkPerson(input.phone, input.idNumber, now);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const minuteAgo = new Date(uow.now.getTime() - GAP_SECONDS * 1000).toISOString();
    const hourAgo = new Date(uow.now.getTime() - 3_600_000).toISOString();
    if ((await codesSentSince(uow.db, person.phone, minuteAgo)) > 0)
      throw new AppError('hall_code_too_soon', { seconds: GAP_SECONDS });
    if ((await codesSentSince(uow.db, person.phone, hourAgo)) >= PER_HOUR)
      throw new AppError('hall_code_too_soon', { seconds: 3600 });
    const id = newId(uow.now.getTime());
    const code = oneTimeCode();
    const expiresAt = new Date(uow.now.getTime() + deps.config.codeMinutes * 60_000).toISOString();
    await insertCode(uow.db, {
      id,
      phone: person.phone,
      id_number: person.idNumber,
      code_hash: codeHash(id, code),
      attempts: 0,
      expires_at: expiresAt,
      used_at: null,
      created_at: uow.nowIso,
    });
    await enqueueNotifications(
      uow.db,
      [
        {
          kind: 'hall_code',
          recipientType: 'hall_visitor',
          recipientId: id,
          subjectType: 'hall_code',
          subjectId: id,
          payload: { code, minutes: deps.config.codeMinutes },
        },
      ],
      uow.nowIso,
    );
    await uow.audit({
      action: 'hall.code_sent',
      entityType: 'hall_code',
      entityId: id,
      data: { phoneTail: phoneTail(person.phone) },
    });
    return { codeId: id, expiresAt };
  });
}
