import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import type { RatingsConfig } from '../../config/ratings-config.js';
import { AppError } from '../../server/errors.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { indicatorChoices, isBad, type Channel } from './levels.js';
import { openRectification } from './open-rectification.js';
import { findRatingOf, insertRating, markInvitationRated } from './repository.js';

/** What every channel hands to the one write path of a rating. */
export interface RatingInput {
  channel: Channel;
  subject: { type: 'case' | 'complaint' | 'visit' | 'inspection'; id: string; ref: string };
  departmentId: string;
  itemId?: string | null;
  window?: string | null;
  staffId?: string | null;
  level: number;
  indicators?: Partial<Record<string, number>>;
  comment?: string | null;
  /** Known rater (an account, or a name and phone given): a bad rating then gets a call-back. */
  rater?: { userId?: string | null; name?: string | null; phone?: string | null } | null;
}

const realNameOf = (r: RatingInput['rater']) => Boolean(r && (r.userId || r.phone));

/**
 * The one write path of a rating, whatever the channel (the window's tablet, online, a complaint's
 * rating, a call entered by staff): inside the caller's unit of work. One rating per matter per
 * channel; a bad one (1–2) opens its rectification in the same transaction.
 */
export async function recordRating(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  settings: RatingsConfig,
  input: RatingInput,
): Promise<{ id: string; rectificationId: string | null }> {
  const choices = indicatorChoices(input.channel, input.level, input.indicators);
  if (!choices.ok)
    throw new AppError('validation_failed', { summary: `/body/indicators/${choices.indicator}` }, [
      {
        path: `/body/indicators/${choices.indicator}`,
        code: 'indicator',
        zh: '该评价渠道没有这项指标，或评分不在 1–5 之间',
        en: 'This channel has no such indicator, or its score is not 1–5',
      },
    ]);
  if ((await findRatingOf(uow.db, input.subject.type, input.subject.id, input.channel)).length)
    throw new AppError('rating_already_given', { ref: input.subject.ref });
  const id = newId(uow.now.getTime());
  const realName = realNameOf(input.rater);
  const blank = (s: string | null | undefined) => s?.trim() || null;
  await insertRating(uow.db, {
    id,
    channel: input.channel,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    subject_ref: input.subject.ref,
    department_id: input.departmentId,
    item_id: input.itemId ?? null,
    window: input.window ?? null,
    staff_id: input.staffId ?? null,
    level: input.level,
    indicators: toJson(choices.value),
    comment: blank(input.comment),
    real_name: realName ? 1 : 0,
    rater_user_id: input.rater?.userId ?? null,
    rater_name: blank(input.rater?.name),
    rater_phone: blank(input.rater?.phone),
    recorded_by: input.channel === 'phone' ? uow.actor.id : null,
    state: 'counted',
    exclusion_reason: null,
    rated_at: uow.nowIso,
    version: 1,
  });
  if (input.subject.type === 'case' || input.subject.type === 'complaint')
    await markInvitationRated(uow.db, uow.nowIso, input.subject.type, input.subject.id);
  await uow.audit({
    action: 'rating.recorded',
    entityType: 'rating',
    entityId: id,
    data: { channel: input.channel, level: input.level, subjectType: input.subject.type },
  });
  const rectificationId = isBad(input.level)
    ? await openRectification(uow, cal, settings.rectificationDays, {
        id,
        departmentId: input.departmentId,
        itemId: input.itemId ?? null,
        realName,
        ref: input.subject.ref,
      })
    : null;
  return { id, rectificationId };
}
