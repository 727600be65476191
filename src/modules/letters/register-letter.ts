import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, type FieldError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { nextNumber } from '../cases/counters.js';
import { localDate } from '../clock/local-time.js';
import { checkCreditCode, checkResidentId, ID_FAILURE_TEXT } from '../identity/id-checks.js';
import type { LetterDeps } from './letter-deps.js';
import type { LetterKind } from './letter-kinds.js';
import { letterPolicy } from './policy.js';
import { addMonths } from './reply-limit.js';
import { findLetter, insertLetter } from './repository.js';

export interface RegisterLetterInput {
  kind: LetterKind;
  senderName: string;
  senderOrganization?: string;
  /** A resident ID (a person) or a unified social credit code (an enterprise or agency). */
  senderIdNumber?: string;
  senderPhone?: string;
  senderAddress?: string;
  receivedDate: string;
  subject: string;
  summary?: string;
}

/** LH2026000123: the registry's own gap-free yearly sequence, in the center's year. */
export const letterNumber = (year: number, seq: number) => `LH${year}${String(seq).padStart(6, '0')}`;

function checkInput(input: RegisterLetterInput, today: string, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (input.receivedDate > today)
    errors.push({
      path: '/body/receivedDate',
      code: 'in_future',
      zh: '收文日期不能晚于今天',
      en: 'The date received cannot be after today',
    });
  // A letter from more than a year ago is a typing error, and would start its clock outside the calendar.
  if (input.receivedDate < addMonths(today, -12))
    errors.push({
      path: '/body/receivedDate',
      code: 'too_old',
      zh: '收文日期不能早于一年前',
      en: 'The date received cannot be more than a year ago',
    });
  const id = input.senderIdNumber?.trim();
  if (id) {
    const failure = /^\d{17}[\dXx]$/.test(id) ? checkResidentId(id, now) : checkCreditCode(id);
    if (failure)
      errors.push({
        path: '/body/senderIdNumber',
        code: 'invalid_id',
        zh: `证件号码（身份证号或统一社会信用代码）${ID_FAILURE_TEXT[failure].zh}`,
        en: `The ID (resident ID or unified social credit code) ${ID_FAILURE_TEXT[failure].en}`,
      });
  }
  return errors;
}

/** The registry takes a letter in: numbered, dated, and waiting to be assigned to a department. */
export async function registerLetter(deps: LetterDeps, actor: Actor, input: RegisterLetterInput) {
  authorize(actor, letterPolicy.register, undefined, 'letter.register');
  const errors = checkInput(input, localDate(deps.clock.now()), deps.clock.now());
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const year = Number(localDate(uow.now).slice(0, 4));
    const number = letterNumber(year, await nextNumber(uow.db, `letter:${year}`));
    const id = newId(uow.now.getTime());
    const blank = (s: string | undefined) => s?.trim() || null;
    await insertLetter(uow.db, {
      id,
      number,
      kind: input.kind,
      sender_name: input.senderName.trim(),
      sender_organization: blank(input.senderOrganization),
      sender_id_number: blank(input.senderIdNumber)?.toUpperCase() ?? null,
      sender_phone: blank(input.senderPhone),
      sender_address: blank(input.senderAddress),
      received_date: input.receivedDate,
      subject: input.subject.trim(),
      summary: blank(input.summary),
      state: 'registered',
      registered_by: actor.id,
      registered_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    });
    await uow.audit({
      action: 'letter.registered',
      entityType: 'letter',
      entityId: id,
      data: { number, kind: input.kind, receivedDate: input.receivedDate },
    });
    return (await findLetter(uow.db, id))!;
  });
}
