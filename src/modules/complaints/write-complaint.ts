import { newId } from '../../shared/ids.js';
import type { Actor } from '../../shared/actor.js';
import type { Db } from '../../db/database.js';
import type { CommitGroup } from '../../db/commit-group.js';
import type { Clock } from '../../shared/clock.js';
import { audited } from '../audit/audited-transaction.js';
import { nextNumber } from '../cases/counters.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { startClock } from '../clock/start-clock.js';
import { localDate } from '../clock/local-time.js';
import type { Reporter } from './intake-rules.js';
import { attachmentRows, complaintParts } from './repository.js';
import { nextLink } from './repository-history.js';
import type { StoredAttachment } from './store-attachments.js';

/** What writing a new ticket needs, in the request thread or the writer thread (intake-writer.ts). */
export interface ComplaintIntakeDeps {
  db: Db;
  clock: Clock;
  calendars: CalendarStore;
  /** The commit group new tickets share (with new applications). */
  intake?: CommitGroup | undefined;
}

/**
 * A new ticket, checked (submit-complaint.ts), with everything read that its write needs but does
 * not have to see inside the write lock. Plain data: the write may run on another thread.
 */
export interface ComplaintJob {
  actor: Actor;
  channel: 'portal' | 'window' | 'account' | 'open311';
  anonymous: boolean;
  reporter: Reporter;
  categoryCode: string;
  urgent: boolean;
  departmentId: string;
  aboutLeadership: boolean;
  concerns: {
    caseReceiptNo: string | null;
    feeReference: string | null;
    inspectionReference: string | null;
    staffNamed: string | null;
  };
  description: string;
  /** The description's jieba words, joined by spaces: what later tickets are compared with. */
  terms: string;
  location: { text: string | null; lat: number | null; lng: number | null };
  files: readonly StoredAttachment[];
  checkCode: string;
  /** Working days to tell a real-name reporter whether the report is accepted. */
  noticeDays: number;
  /** The center's yellow threshold for that clock. */
  yellowPct: number;
}

export interface WrittenComplaint {
  id: string;
  ticketNo: string;
  acceptanceDueDate: string | null;
}

/**
 * The write of a new ticket: one unit of work in the intake commit group with its number, the
 * 15-working-day acceptance notice clock of a real-name report, the ticket with the first link of
 * its hash chain, its attachments and the audit event (one statement on PostgreSQL).
 */
export async function writeComplaint(
  deps: ComplaintIntakeDeps,
  job: ComplaintJob,
): Promise<WrittenComplaint> {
  const cal = await deps.calendars.get();
  const { actor } = job;
  return audited(
    deps.db,
    deps.clock,
    actor,
    async (uow) => {
      const year = localDate(uow.now).slice(0, 4);
      const ticketNo = `JB${year}${String(await nextNumber(uow.db, `complaint:${year}`)).padStart(7, '0')}`;
      const id = newId(uow.now.getTime());
      const acceptance = job.anonymous
        ? null
        : await startClock(uow, cal, {
            subjectType: 'complaint_acceptance',
            subjectId: id,
            label: `举报受理告知 ${ticketNo}`,
            limitDays: job.noticeDays,
            basis: 'real-name reporters are told within 15 working days whether the report is accepted',
            yellowPct: job.yellowPct,
          });
      const row = {
        id,
        ticket_no: ticketNo,
        check_code: job.checkCode,
        channel: job.channel,
        anonymous: job.anonymous ? 1 : 0,
        reporter_user_id: job.reporter.userId,
        reporter_name: job.reporter.name,
        reporter_phone: job.reporter.phone,
        reporter_email: job.reporter.email,
        category_code: job.categoryCode,
        urgent: job.urgent ? 1 : 0,
        department_id: job.departmentId,
        about_leadership: job.aboutLeadership ? 1 : 0,
        case_receipt_no: job.concerns.caseReceiptNo,
        fee_reference: job.concerns.feeReference,
        inspection_reference: job.concerns.inspectionReference,
        staff_named: job.concerns.staffNamed,
        description: job.description,
        terms: job.terms,
        location: job.location.text,
        lat: job.location.lat,
        lng: job.location.lng,
        state: 'submitted',
        // A report about a department's leadership goes to the supervisors, never to the department.
        route: job.aboutLeadership ? 'supervisors' : 'department',
        assigned_department_id: null,
        merged_into_id: null,
        acceptance_clock_id: acceptance?.id ?? null,
        created_by: job.channel === 'window' ? actor.id : null,
        created_at: uow.nowIso,
        updated_at: uow.nowIso,
        return_count: 0,
        reopen_count: 0,
        last_hash: null,
        event_count: 0,
        version: 1,
      };
      // The ticket carries its first link's hash from the start; the link row follows it (it refers to the ticket).
      const link = nextLink(row, {
        at: uow.nowIso,
        actorId: actor.id,
        actorRole: actor.role,
        kind: 'submitted',
        data: { channel: job.channel, category: job.categoryCode, attachments: job.files.length },
      });
      await uow.audit({
        action: 'complaint.submitted',
        entityType: 'complaint',
        entityId: id,
        data: { ticketNo, channel: job.channel, category: job.categoryCode },
      });
      await uow.write(
        complaintParts({ ...row, ...link.head }, link.row, attachmentRows(id, uow.now, job.files)),
      );
      return { id, ticketNo, acceptanceDueDate: acceptance?.due_date ?? null };
    },
    deps.intake ? { group: deps.intake } : {},
  );
}
