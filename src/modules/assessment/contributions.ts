import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { localDate } from '../clock/local-time.js';
import type { Counts } from './counters.js';

/** The raw records the figures stand on, as read from their modules' tables. */
export type RawRecord =
  | {
      source: 'case_clock';
      id: string;
      caseId: string;
      departmentId: string | null;
      itemId: string | null;
      startDate: string;
      dueDate: string;
      pausedDays: number;
      status: string;
      outcome: string | null;
      stoppedAt: string | null;
      overdueAt: string;
      staffId: string | null;
      window: string | null;
      visits: number;
    }
  | {
      source: 'case';
      id: string;
      departmentId: string;
      submittedAt: string | null;
      channel: string;
      staffId: string | null;
      window: string | null;
      supplements: number;
      /** the case's 容缺 promise, if it was accepted with shortfall (one deadline for all its materials) */
      promise: ShortfallPromise | null;
    }
  | {
      source: 'ticket';
      id: string;
      departmentId: string | null;
      itemId: string | null;
      staffId: string | null;
      windowId: string | null;
      calledAt: string | null;
      waitSeconds: number | null;
    }
  | {
      source: 'rating';
      id: string;
      departmentId: string;
      itemId: string | null;
      staffId: string | null;
      window: string | null;
      state: string;
      level: number;
      ratedAt: string;
      rectifiedAt: string | null;
      rectifyOverdueAt: string | null;
      callbackRequired: boolean;
      callbackAt: string | null;
    }
  | {
      source: 'complaint';
      id: string;
      departmentId: string;
      assignedDepartmentId: string | null;
      state: string;
      createdAt: string;
      repliedAt: string | null;
      replyOverdueAt: string | null;
      reopens: number;
      returns: { departmentId: string; at: string }[];
    }
  | {
      source: 'signal';
      id: string;
      kind: string;
      departmentId: string | null;
      raisedAt: string;
      subjectType: string;
      subjectId: string;
    }
  | {
      source: 'order';
      id: string;
      departmentId: string | null;
      subjectType: string;
      subjectId: string;
      openedAt: string;
      answeredAt: string | null;
      answerOverdueAt: string | null;
    }
  | {
      source: 'refund';
      id: string;
      caseId: string;
      departmentId: string;
      paidAt: string | null;
      overdueAt: string | null;
    }
  | {
      source: 'inspection';
      id: string;
      departmentId: string;
      /** the user of the inspector whose scan started the visit */
      staffId: string | null;
      startedAt: string | null;
      outcome: string | null;
      resultAt: string | null;
      outsideStandard: boolean;
    }
  | {
      source: 'inspection_scan';
      id: string;
      enterpriseId: string;
      departmentId: string | null;
      userId: string | null;
      outcome: string;
      scannedAt: string;
    };
export type Source = RawRecord['source'];
export const SOURCES: Source[] = [
  'case_clock',
  'case',
  'ticket',
  'rating',
  'complaint',
  'signal',
  'order',
  'refund',
  'inspection',
  'inspection_scan',
];

/**
 * A 容缺 promise: materials the applicant undertook to supply by a deadline (a working day, in the
 * center's time), how many arrived and when the last did, and when the case ended if it has.
 */
export interface ShortfallPromise {
  deadline: string;
  promised: number;
  supplied: number;
  lastSuppliedAt: string | null;
  /** when the case was decided, refused or withdrawn; null while it is open */
  endedAt: string | null;
}

/**
 * When a promise is judged, and whether it was kept: when its last material arrives (kept if that is
 * on or before the deadline's day), or when the case ends with one still outstanding (broken). An
 * open case with a promise outstanding is not judged yet, even past the deadline: it has no decision,
 * and the refusal that a lapsed promise allows judges it then.
 */
export function promiseVerdict(p: ShortfallPromise): { at: string; kept: boolean } | null {
  if (p.promised > 0 && p.supplied >= p.promised && p.lastSuppliedAt)
    return { at: p.lastSuppliedAt, kept: dayOf(p.lastSuppliedAt) <= p.deadline };
  if (p.endedAt) return { at: p.endedAt, kept: false };
  return null;
}

/** What one record adds to one day of its department, item, staff member and window. */
export interface Contribution {
  seq: number;
  day: string;
  departmentId: string;
  itemId: string;
  staffId: string;
  window: string;
  subject: string;
  counters: Counts;
  /** working days used by a decided case, for the percentiles; -1 for other records */
  daysUsed: number;
}

const dayOf = (iso: string) => localDate(new Date(iso));
const flag = (b: boolean) => (b ? 1 : 0);
/** Complaint states in which a ticket stands dispatched to a department (as commitments count them). */
export const DISPATCHED_STATES = ['dispatched', 'returned', 'replied', 'closed'];

function base(seq: number, day: string, departmentId: string, subject: string) {
  return { seq, day, departmentId, itemId: '', staffId: '', window: '', subject, daysUsed: -1 };
}

/**
 * The one definition of what a raw record contributes. The incremental refresh and the full
 * recompute both call it, so they cannot disagree on a definition; only on which records they saw.
 */
export function contributionsOf(r: RawRecord, cal: WorkingCalendar): Contribution[] {
  switch (r.source) {
    case 'case_clock': {
      // Decided cases, on the day the clock stopped (withdrawals are not decisions).
      if (r.status !== 'stopped' || !r.stoppedAt || r.outcome === 'withdrawn' || !r.departmentId) return [];
      const day = dayOf(r.stoppedAt);
      const onTime = r.stoppedAt <= r.overdueAt;
      const used = Math.max(0, cal.workingDaysBetween(r.startDate, day) - r.pausedDays);
      return [
        {
          ...base(0, day, r.departmentId, `case:${r.caseId}`),
          itemId: r.itemId ?? '',
          staffId: r.staffId ?? '',
          window: r.window ?? '',
          daysUsed: used,
          counters: {
            decided: 1,
            on_time: flag(onTime),
            overdue: flag(!onTime),
            early: flag(day < r.dueDate),
            wd_sum: used,
            visits: r.visits,
            visits_le1: flag(r.visits <= 1),
            visits_zero: flag(r.visits === 0),
          },
        },
      ];
    }
    case 'case': {
      const out: Contribution[] = [];
      const dims = { staffId: r.staffId ?? '', window: r.window ?? '' };
      if (r.submittedAt)
        out.push({
          ...base(0, dayOf(r.submittedAt), r.departmentId, `case:${r.id}`),
          ...dims,
          counters: {
            received: 1,
            online: flag(r.channel === 'online'),
            supplemented: flag(r.supplements > 0),
          },
        });
      const verdict = r.promise && promiseVerdict(r.promise);
      if (verdict)
        out.push({
          ...base(1, dayOf(verdict.at), r.departmentId, `case:${r.id}`),
          ...dims,
          counters: {
            shortfall_promises: 1,
            shortfall_kept: flag(verdict.kept),
            shortfall_broken: flag(!verdict.kept),
          },
        });
      return out;
    }
    case 'ticket': {
      if (!r.calledAt || !r.departmentId) return [];
      return [
        {
          ...base(0, dayOf(r.calledAt), r.departmentId, `ticket:${r.id}`),
          itemId: r.itemId ?? '',
          staffId: r.staffId ?? '',
          window: r.windowId ?? '',
          counters: { tickets_called: 1, wait_seconds: Math.max(0, r.waitSeconds ?? 0) },
        },
      ];
    }
    case 'rating': {
      if (r.state === 'excluded') return [];
      const bad = r.level <= 2;
      return [
        {
          ...base(0, dayOf(r.ratedAt), r.departmentId, `rating:${r.id}`),
          itemId: r.itemId ?? '',
          staffId: r.staffId ?? '',
          window: r.window ?? '',
          counters: {
            ratings: 1,
            satisfied: flag(r.level >= 3),
            bad: flag(bad),
            rectified_on_time: flag(
              bad && !!r.rectifiedAt && !!r.rectifyOverdueAt && r.rectifiedAt <= r.rectifyOverdueAt,
            ),
            callbacks_due: flag(bad && r.callbackRequired),
            callbacks_made: flag(bad && r.callbackRequired && !!r.callbackAt),
          },
        },
      ];
    }
    case 'complaint': {
      const day = dayOf(r.createdAt);
      const subject = `complaint:${r.id}`;
      const out: Contribution[] = [
        { ...base(0, day, r.departmentId, subject), counters: { complaints_about: 1 } },
      ];
      if (r.assignedDepartmentId && DISPATCHED_STATES.includes(r.state)) {
        const onTime = !!r.repliedAt && (!r.replyOverdueAt || r.repliedAt <= r.replyOverdueAt);
        out.push({
          ...base(1, day, r.assignedDepartmentId, subject),
          counters: {
            tickets_dispatched: 1,
            tickets_replied: flag(!!r.repliedAt),
            replies_on_time: flag(onTime),
            reopens: r.reopens,
          },
        });
      }
      // A return counts against the department that returned the ticket, on the day it did.
      r.returns.forEach((x, i) =>
        out.push({ ...base(2 + i, dayOf(x.at), x.departmentId, subject), counters: { returns: 1 } }),
      );
      return out;
    }
    case 'signal': {
      if (!r.departmentId) return [];
      return [
        {
          ...base(0, dayOf(r.raisedAt), r.departmentId, `${r.subjectType}:${r.subjectId}`),
          counters: {
            signals: 1,
            notice_breaches: flag(r.kind === 'second_supplement_new_item'),
            fees_refused: flag(r.kind === 'fee_outside_catalogue'),
            // A registration refused for a cap is an attempt at an inspection beyond it.
            ...(r.kind === 'inspection_over_cap' ? { insp_attempts: 1, insp_irregular: 1 } : {}),
          },
        },
      ];
    }
    case 'order': {
      if (!r.departmentId) return [];
      const onTime = !!r.answeredAt && (!r.answerOverdueAt || r.answeredAt <= r.answerOverdueAt);
      return [
        {
          ...base(0, dayOf(r.openedAt), r.departmentId, `${r.subjectType}:${r.subjectId}`),
          counters: { orders: 1, orders_on_time: flag(onTime) },
        },
      ];
    }
    case 'refund': {
      if (!r.paidAt) return [];
      return [
        {
          ...base(0, dayOf(r.paidAt), r.departmentId, `case:${r.caseId}`),
          counters: { refunds: 1, refunds_on_time: flag(!r.overdueAt || r.paidAt <= r.overdueAt) },
        },
      ];
    }
    case 'inspection': {
      // A visit started by scan counts as registered (a scan starts only a registered visit), on the
      // day it started; a penalty, on the day its result was recorded, within its standard or not.
      const subject = `inspection:${r.id}`;
      const staffId = r.staffId ?? '';
      const out: Contribution[] = [];
      if (r.startedAt)
        out.push({
          ...base(0, dayOf(r.startedAt), r.departmentId, subject),
          staffId,
          counters: { insp_attempts: 1, insp_regular: 1 },
        });
      if (r.outcome === 'penalty' && r.resultAt)
        out.push({
          ...base(1, dayOf(r.resultAt), r.departmentId, subject),
          staffId,
          counters: {
            penalties: 1,
            penalties_within: flag(!r.outsideStandard),
            penalties_outside: flag(r.outsideStandard),
          },
        });
      return out;
    }
    case 'inspection_scan': {
      // A scan with no registration behind it: a start without registration, by the scanning inspector.
      if (r.outcome !== 'unregistered' || !r.departmentId) return [];
      return [
        {
          ...base(0, dayOf(r.scannedAt), r.departmentId, `inspection_enterprise:${r.enterpriseId}`),
          staffId: r.userId ?? '',
          counters: { insp_attempts: 1, insp_irregular: 1 },
        },
      ];
    }
  }
}

/** The rows of the aggregates a contribution adds to: its department, item, staff member and window. */
export function dimKeys(c: Contribution): { dim: string; dimId: string }[] {
  const keys = [{ dim: 'department', dimId: c.departmentId }];
  if (c.itemId) keys.push({ dim: 'item', dimId: c.itemId });
  if (c.staffId) keys.push({ dim: 'staff', dimId: c.staffId });
  if (c.window) keys.push({ dim: 'window', dimId: c.window });
  return keys;
}
