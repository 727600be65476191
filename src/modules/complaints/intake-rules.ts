import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { complaintPolicy } from './policy.js';
import type { SubmitComplaintInput } from './schemas.js';

export interface Reporter {
  userId: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
}

const fieldError = (path: string, zh: string, en: string) =>
  new AppError('validation_failed', { summary: path }, [{ path, code: 'required', zh, en }]);

/**
 * Who reports, by channel: anyone on the portal, staff recording a walk-in or a call at the window,
 * a logged-in applicant from the account. A real-name report needs a name and a way to reach the
 * reporter; an anonymous one keeps no name (a contact is optional).
 */
export function reporterOf(actor: Actor, input: SubmitComplaintInput): Reporter {
  if (input.channel === 'window')
    authorize(actor, complaintPolicy.recordForCaller, undefined, 'complaint.record_for_caller');
  else authorize(actor, complaintPolicy.submit, undefined, 'complaint.submit');
  if (input.channel === 'account' && actor.role !== 'applicant')
    throw new AppError(actor.role === 'anonymous' ? 'unauthenticated' : 'forbidden', {
      action: 'complaint.submit_from_account',
    });
  const r = input.reporter ?? {};
  const userId = input.channel === 'account' ? actor.id : null;
  if (input.anonymous) return { userId, name: null, phone: r.phone ?? null, email: r.email ?? null };
  if (!r.name && !userId)
    throw fieldError('/body/reporter/name', '实名举报请填写姓名', 'A real-name report needs a name');
  if (!r.phone && !r.email && !userId)
    throw fieldError(
      '/body/reporter/phone',
      '实名举报请留下电话或电子邮箱',
      'A real-name report needs a phone number or an email address',
    );
  return { userId, name: r.name ?? null, phone: r.phone ?? null, email: r.email ?? null };
}
