import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { DialectName } from '../../db/column-types.js';
import type { Clock } from '../../shared/clock.js';
import { fromJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import { AddressGate } from '../identity/address-failures.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';
import { findClock } from '../clock/clock-reads.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { TRACK_POLICY } from '../cases/track-case.js';
import { findByTicketNo, findCategory, findComplaint } from './repository.js';
import { historyOf } from './repository-history.js';
import { reopenUntil } from './reopen-complaint.js';

const equal = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * Login-free tracking with the ticket number and check code, guarded like case tracking: a wrong
 * pair looks like an unknown ticket and counts against the address. Nothing about the reporter or
 * the staff is shown, only the steps, the reply and the due day.
 */
export class ComplaintTracker {
  readonly gate: AddressGate;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    dialect: DialectName,
    private readonly calendars: CalendarStore,
    private readonly reopenDays: number,
  ) {
    this.gate = new AddressGate(db, dialect, 'complaint-track', TRACK_POLICY);
  }

  async track(ticketNo: string, code: string, ip: string) {
    const t = await this.gate.guard(ip, this.clock.now(), async () => {
      const found = await findByTicketNo(this.db, ticketNo);
      return found && equal(found.check_code, code.trim().toUpperCase()) ? found : undefined;
    });
    // One message for an unknown number and a wrong code, so a guess learns nothing; each language alone.
    if (!t) throw new AppError('ticket_not_found', { ticketNo });
    // A merged ticket shows the result of the one it joined.
    const result = t.merged_into_id ? ((await findComplaint(this.db, t.merged_into_id)) ?? t) : t;
    const [category, dept, clock, history, cal] = await Promise.all([
      findCategory(this.db, t.category_code),
      findDepartment(this.db, t.department_id),
      result.handling_clock_id ? findClock(this.db, result.handling_clock_id) : undefined,
      historyOf(this.db, t.id),
      this.calendars.get(),
    ]);
    return {
      id: t.id,
      ticketNo: t.ticket_no,
      state: t.state as 'submitted',
      category: category?.name_zh ?? t.category_code,
      department: dept?.name ?? '',
      dueDate: clock?.due_date ?? null,
      reply: result.state === 'closed' ? result.reply : null,
      refusalReasons: t.refusal_reasons ? fromJson<string[]>(t.refusal_reasons, []) : null,
      mergedIntoTicketNo: t.merged_into_id ? result.ticket_no : null,
      rating: t.rating,
      mayReopenUntil:
        t.state === 'closed' && t.closed_at ? reopenUntil(cal, t.closed_at, this.reopenDays) : null,
      steps: history.map((h) => ({ at: h.at, kind: h.kind })),
      lastHash: t.last_hash,
    };
  }
}
