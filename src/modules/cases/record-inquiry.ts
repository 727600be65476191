import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import { findItem } from '../catalogue/catalogue-reads.js';
import { audited } from '../audit/audited-transaction.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { startClock } from '../clock/start-clock.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { insertInquiry } from './repository-inquiries.js';
import { INQUIRY_DAYS, requireStaff } from './inquiry-rules.js';

/** The first staff member asked records the question and owns it; the answer is on a clock. */
export async function recordInquiry(
  db: Db,
  clock: Clock,
  calendars: CalendarStore,
  actor: Actor,
  input: { personName: string; contact?: string; question: string; itemId?: string },
) {
  requireStaff(actor);
  // An inquiry about an item names one that exists: its id is what later reports group by.
  const item = input.itemId ? await findItem(db, input.itemId) : undefined;
  if (input.itemId && !item)
    throw new AppError('validation_failed', { summary: '/body/itemId' }, [
      {
        path: '/body/itemId',
        code: 'unknown_item',
        zh: `事项“${input.itemId}”不存在`,
        en: `There is no item "${input.itemId}"`,
      },
    ]);
  const cal = await calendars.get();
  return audited(db, clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    const k = await startClock(uow, cal, {
      subjectType: 'inquiry',
      subjectId: id,
      label: `${L.inquiry}${input.question.slice(0, 30)}`,
      departmentId: actor.departmentId,
      limitDays: INQUIRY_DAYS,
    });
    await insertInquiry(uow.db, {
      id,
      owner_id: actor.id!,
      department_id: actor.departmentId,
      person_name: input.personName,
      contact: input.contact ?? null,
      question: input.question,
      item_id: item?.id ?? null,
      status: 'open',
      answer: null,
      handed_to_id: null,
      handover_note: null,
      clock_id: k.id,
      created_at: uow.nowIso,
      closed_at: null,
      version: 1,
    });
    await uow.audit({
      action: 'inquiry.recorded',
      entityType: 'inquiry',
      entityId: id,
      data: { dueDate: k.due_date },
    });
    return { id, dueDate: k.due_date };
  });
}
