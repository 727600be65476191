import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { addCalendarDays } from '../clock/calendar/calendar-day.js';
import { localDate } from '../clock/local-time.js';
import type { HallDeps } from './hall-deps.js';
import { groupOrThrow, sessionsOf } from './hall-support.js';
import { hallPolicy } from './policy.js';
import { slotCounts, type GroupRow } from './repository.js';
import { bookableDays, daySlots, localInstant } from './slots.js';

export interface DaySlots {
  day: string;
  slots: { slot: string; end: string; left: number }[];
}

/** Why a day and slot cannot be booked now, or null when they can (capacity aside). */
export function slotProblem(
  g: GroupRow,
  day: string,
  slot: string,
  now: Date,
  aheadDays: number,
  isWorkingDay: (d: string) => boolean,
): { zh: string; en: string } | null {
  const today = localDate(now);
  if (!g.active) return { zh: '该窗口分组暂停预约', en: 'this window group takes no appointments now' };
  if (day < today || day > addCalendarDays(today, aheadDays))
    return { zh: `只能预约今天起 ${aheadDays} 天内`, en: `only the next ${aheadDays} days can be booked` };
  if (!isWorkingDay(day)) return { zh: '不是工作日', en: 'not a working day' };
  if (!daySlots(sessionsOf(g), g.slot_minutes).some((s) => s.slot === slot))
    return { zh: '没有这个时段', en: 'no such slot' };
  if (localInstant(day, slot) <= now.toISOString())
    return { zh: '该时段已经开始', en: 'the slot has already begun' };
  return null;
}

/** The group's bookable slots, working days only, with the places left in each. */
export async function listSlots(deps: HallDeps, actor: Actor, groupId: string): Promise<DaySlots[]> {
  authorize(actor, hallPolicy.book, undefined, 'hall.book');
  const g = await groupOrThrow(deps.db, groupId);
  if (!g.active) return [];
  const now = deps.clock.now();
  const calendar = await deps.calendars.get();
  const days = bookableDays(localDate(now), deps.config.bookAheadDays, (d) => calendar.isWorkingDay(d));
  if (!days.length) return [];
  const booked = new Map(
    (await slotCounts(deps.db, g.id, days[0]!, days.at(-1)!)).map((c) => [`${c.day} ${c.slot}`, c.booked]),
  );
  const nowIso = now.toISOString();
  return days
    .map((day) => ({
      day,
      slots: daySlots(sessionsOf(g), g.slot_minutes)
        .filter((s) => localInstant(day, s.slot) > nowIso)
        .map((s) => ({ ...s, left: Math.max(0, g.slot_capacity - (booked.get(`${day} ${s.slot}`) ?? 0)) })),
    }))
    .filter((d) => d.slots.length > 0);
}
