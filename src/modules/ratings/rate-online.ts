import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { findRatedMatter } from '../cases/case-reads.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingPolicy } from './policy.js';
import { rateInUnit } from './rating-unit.js';

export interface RateOnlineInput {
  receiptNo: string;
  /** The check code (查询码): not needed by the applicant signed in who owns the case. */
  code?: string;
  level: number;
  indicators?: Record<string, number>;
  comment?: string;
}

/** A matter may be rated once it has ended: completed, or not accepted at the window. */
const ENDED = new Set(['completed', 'not_accepted']);
const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * 好差评 online, after the matter (the link in the completion message, the tracking page, 我的办件).
 * A wrong receipt/code pair reads like an unknown receipt and is counted against the address.
 */
export async function rateOnline(deps: RatingDeps, actor: Actor, input: RateOnlineInput) {
  authorize(actor, ratingPolicy.rateOnline, undefined, 'rating.rate_online');
  const receiptNo = input.receiptNo.trim();
  const find = async () => (await findRatedMatter(deps.db, receiptNo))[0];
  const owner = async () => {
    const c = actor.id !== null ? await find() : undefined;
    return c && c.applicant_user_id === actor.id ? c : undefined;
  };
  const byCode = () =>
    deps.codeGate.guard(actor.ip ?? 'unknown', deps.clock.now(), async () => {
      const c = await find();
      const code = (input.code ?? '').trim().toUpperCase();
      return c && c.state !== 'draft' && code && same(c.check_code, code) ? c : undefined;
    });
  const c = (await owner()) ?? (input.code ? await byCode() : undefined);
  if (!c) throw new AppError('rating_subject_not_found', { ref: receiptNo });
  if (!ENDED.has(c.state)) throw new AppError('rating_not_yet', { ref: receiptNo });
  return rateInUnit(deps, actor, {
    channel: 'online',
    subject: { type: 'case', id: c.id, ref: c.receipt_no },
    departmentId: c.lead_department_id,
    itemId: c.item_id,
    window: c.window,
    level: input.level,
    indicators: input.indicators,
    comment: input.comment,
    rater: c.applicant_user_id
      ? { userId: c.applicant_user_id, name: c.applicant_name, phone: c.applicant_phone }
      : { name: c.applicant_name, phone: c.applicant_phone },
  });
}
