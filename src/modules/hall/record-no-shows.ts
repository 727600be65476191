import { systemActor, type Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { addCalendarDays } from '../clock/calendar/calendar-day.js';
import { localDate } from '../clock/local-time.js';
import type { HallDeps } from './hall-deps.js';
import { hallPolicy } from './policy.js';
import { effectiveConfig } from './hall-settings.js';
import { findBooker, missedAppointments, saveBooker, updateAppointment } from './repository.js';

const BATCH = 200;

/**
 * The no-show pass: every appointment whose slot has ended without a check-in is a no-show. The
 * person's count goes up; reaching the limit suspends booking for the configured days and starts
 * the count again. Returns how many were recorded.
 */
export async function recordNoShows(deps: HallDeps, actor: Actor = systemActor('hall')): Promise<number> {
  authorize(actor, hallPolicy.sweep, undefined, 'hall.sweep');
  const config = await effectiveConfig(deps.db, deps.config);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const missed = await missedAppointments(uow.db, uow.nowIso, BATCH);
    if (!missed.length) return uow.unchanged(0);
    const today = localDate(uow.now);
    for (const a of missed) {
      if (!(await updateAppointment(uow.db, a.id, a.version, { state: 'no_show', updated_at: uow.nowIso })))
        continue;
      const b = await findBooker(uow.db, a.person_key);
      let noShows = (b?.no_shows ?? 0) + 1;
      let until = b?.suspended_until ?? null;
      if (noShows >= config.noShowLimit) {
        until = addCalendarDays(today, config.suspendDays);
        noShows = 0;
      }
      await saveBooker(uow.db, {
        person_key: a.person_key,
        no_shows: noShows,
        total_no_shows: (b?.total_no_shows ?? 0) + 1,
        suspended_until: until,
        updated_at: uow.nowIso,
      });
      await uow.audit({
        action: 'hall.appointment_no_show',
        entityType: 'hall_appointment',
        entityId: a.id,
        data: { code: a.code, noShows, suspendedUntil: until },
      });
    }
    return missed.length;
  });
}
