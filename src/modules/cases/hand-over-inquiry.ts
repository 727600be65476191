import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { startClock } from '../clock/start-clock.js';
import { stopClock } from '../clock/stop-clock.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { updateInquiry } from './repository-inquiries.js';
import { findUser } from '../identity/user-reads.js';
import { INQUIRY_DAYS, ownOpen, requireStaff, STAFF } from './inquiry-rules.js';

/** Handing over ends the first owner's responsibility only when someone named takes it, on a new clock. */
export async function handOverInquiry(
  db: Db,
  clock: Clock,
  calendars: CalendarStore,
  actor: Actor,
  id: string,
  input: { version: number; toUserId: string; note: string },
) {
  requireStaff(actor);
  const q = await ownOpen(db, actor, id, input.version);
  const to = await findUser(db, input.toUserId);
  if (
    !to ||
    !(STAFF as readonly string[]).includes(to.role) ||
    to.status !== 'active' ||
    to.id === actor.id
  ) {
    throw new AppError('validation_failed', { summary: '/body/toUserId' }, [
      {
        path: '/body/toUserId',
        code: 'not_staff',
        zh: '只能移交给其他在岗工作人员',
        en: 'Hand over only to another active staff member',
      },
    ]);
  }
  const cal = await calendars.get();
  await audited(db, clock, actor, async (uow) => {
    if (q.clock_id) await stopClock(uow, cal, q.clock_id, 'handed_over');
    const k = await startClock(uow, cal, {
      subjectType: 'inquiry',
      subjectId: id,
      label: `${L.inquiryHandedOver}${q.question.slice(0, 30)}`,
      departmentId: to.department_id,
      limitDays: INQUIRY_DAYS,
    });
    await updateInquiry(uow.db, id, {
      owner_id: to.id,
      department_id: to.department_id,
      handed_to_id: to.id,
      handover_note: input.note,
      clock_id: k.id,
      version: q.version + 1,
    });
    await uow.audit({
      action: 'inquiry.handed_over',
      entityType: 'inquiry',
      entityId: id,
      data: { from: actor.id, to: to.id, note: input.note },
    });
  });
}
