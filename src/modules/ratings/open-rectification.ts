import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { startClock } from '../clock/start-clock.js';
import { newId } from '../../shared/ids.js';
import type { RatingsConfig } from '../../config/ratings-config.js';
import { insertRectification } from './repository.js';

/** The subject type of a rectification's clocks: the supervision pass names their red signal by it. */
export const RECTIFICATION_CLOCK = 'rating_rectification';

/**
 * A bad rating opens a rectification in the rated department, on three clocks that start together:
 * acknowledged within 1 working day, answered within 5, rectified within 15 (configurable). A
 * real-name rating also needs a call-back to the rater, recorded by the supervisors.
 */
export async function openRectification(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  days: RatingsConfig['rectificationDays'],
  rating: { id: string; departmentId: string; itemId: string | null; realName: boolean; ref: string },
) {
  const id = newId(uow.now.getTime());
  const clock = (what: string, zh: string, limitDays: number) =>
    startClock(uow, cal, {
      subjectType: RECTIFICATION_CLOCK,
      subjectId: id,
      label: `差评整改${zh}`,
      departmentId: rating.departmentId,
      itemId: rating.itemId,
      limitDays,
      basis: `bad rating ${what} within ${limitDays} working days`,
    });
  const acknowledge = await clock('acknowledged', '（签收）', days.acknowledge);
  const answer = await clock('answered', '（答复）', days.answer);
  const rectify = await clock('rectified', '（整改）', days.rectify);
  await insertRectification(uow.db, {
    id,
    rating_id: rating.id,
    department_id: rating.departmentId,
    state: 'open',
    acknowledge_clock_id: acknowledge.id,
    answer_clock_id: answer.id,
    rectify_clock_id: rectify.id,
    acknowledged_at: null,
    answer: null,
    answered_at: null,
    measures: null,
    rectified_at: null,
    callback_required: rating.realName ? 1 : 0,
    callback_reached: null,
    callback_result: null,
    callback_at: null,
    callback_by: null,
    opened_at: uow.nowIso,
    updated_at: uow.nowIso,
    version: 1,
  });
  await uow.audit({
    action: 'rating.rectification_opened',
    entityType: 'rating_rectification',
    entityId: id,
    data: { ratingId: rating.id, dueDate: rectify.due_date, callbackRequired: rating.realName },
  });
  return id;
}
