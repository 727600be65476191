import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { stopClock } from '../clock/stop-clock.js';
import { updateInquiry } from './repository-inquiries.js';
import { ownOpen, requireStaff } from './inquiry-rules.js';

export async function answerInquiry(
  db: Db,
  clock: Clock,
  calendars: CalendarStore,
  actor: Actor,
  id: string,
  input: { version: number; answer: string },
) {
  requireStaff(actor);
  const q = await ownOpen(db, actor, id, input.version);
  const cal = await calendars.get();
  await audited(db, clock, actor, async (uow) => {
    await updateInquiry(
      uow.db,
      id,
      { status: 'answered', answer: input.answer, closed_at: uow.nowIso, version: q.version + 1 },
      q.version,
    );
    if (q.clock_id) await stopClock(uow, cal, q.clock_id, 'answered');
    await uow.audit({ action: 'inquiry.answered', entityType: 'inquiry', entityId: id });
  });
}
