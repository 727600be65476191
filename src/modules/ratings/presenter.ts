import type { Actor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import type { ClockRow } from '../clock/clock-reads.js';
import type { AppealRow, RatingRow, RectificationRow } from './repository.js';
import { ratingPolicy } from './policy.js';
import type { AppealViewT, RatingViewT, RectificationViewT } from './schemas.js';
import type { Channel } from './levels.js';

/**
 * Who rated is shown only to those who call raters back (the supervisors, the reporting center) and
 * to the rater: never to the rated staff or their department, who get neither the name and phone
 * nor the matter's number (which would name the applicant).
 */
export const seesRater = (viewer: Actor, r: RatingRow): boolean =>
  ratingPolicy.readRater(viewer, undefined) || (viewer.id !== null && viewer.id === r.rater_user_id);

export function presentRating(r: RatingRow, viewer: Actor, departmentName: string): RatingViewT {
  const sees = seesRater(viewer, r);
  return {
    id: r.id,
    channel: r.channel as Channel,
    level: r.level,
    indicators: fromJson<Record<string, number>>(r.indicators, {}),
    comment: r.comment,
    department: { id: r.department_id, name: departmentName },
    itemId: r.item_id,
    window: r.window,
    staffId: r.staff_id,
    state: r.state as RatingViewT['state'],
    exclusionReason: r.exclusion_reason,
    ratedAt: r.rated_at,
    realName: r.real_name === 1,
    subjectRef: sees ? r.subject_ref : null,
    rater: sees && r.real_name ? { name: r.rater_name, phone: r.rater_phone } : null,
    version: r.version,
  };
}

const due = (c: ClockRow | undefined) =>
  c ? { dueDate: c.due_date, colour: c.colour, status: c.status } : null;

export function presentRectification(
  x: RectificationRow,
  rating: RatingViewT,
  viewer: Actor,
  clocks: Map<string, ClockRow>,
): RectificationViewT {
  return {
    id: x.id,
    state: x.state as RectificationViewT['state'],
    rating,
    clocks: {
      acknowledge: due(clocks.get(x.acknowledge_clock_id)),
      answer: due(clocks.get(x.answer_clock_id)),
      rectify: due(clocks.get(x.rectify_clock_id)),
    },
    answer: x.answer,
    measures: x.measures,
    openedAt: x.opened_at,
    callback: {
      required: x.callback_required === 1,
      done: x.callback_at !== null,
      reached: x.callback_reached === null ? null : x.callback_reached === 1,
      at: x.callback_at,
      // What the rater said on the call stays with those who called.
      result: ratingPolicy.readRater(viewer, undefined) ? x.callback_result : null,
    },
    version: x.version,
  };
}

export function presentAppeal(a: AppealRow, rating: RatingViewT): AppealViewT {
  return {
    id: a.id,
    rating,
    grounds: a.grounds as AppealViewT['grounds'],
    reason: a.reason,
    state: a.state as AppealViewT['state'],
    decisionReason: a.decision_reason,
    filedAt: a.filed_at,
    decidedAt: a.decided_at,
    version: a.version,
  };
}
