import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { startClock } from '../clock/start-clock.js';
import { stopClock } from '../clock/stop-clock.js';
import { localDate } from '../clock/local-time.js';
import { newId } from '../../shared/ids.js';
import type { OutboxInput } from '../supervision/signals.js';
import type { CaseDeps, IssuedDocument } from './case-deps.js';
import { applicantNotice } from './act-on-case.js';
import { itemsUnderReview, type CaseRow } from './repository.js';
import { insertTask } from './repository-tasks.js';
import { findClock } from '../clock/clock-reads.js';

/**
 * Acceptance (受理), however it happens — by a clerk, with shortfall (容缺), or deemed after five
 * working days: the Art. 32 clock stops, the case clock starts with the committed limit, and every
 * department gets its task at the same moment, each with its own sub-limit clock (并联审批).
 */
export async function beginReview(
  uow: UnitOfWork,
  deps: CaseDeps,
  cal: WorkingCalendar,
  c: CaseRow,
  opts: {
    document: 'acceptance_notice' | 'shortfall_acceptance_notice';
    specific?: Record<string, unknown>;
    acceptanceDate?: string;
  },
) {
  const acceptanceDate = opts.acceptanceDate ?? localDate(uow.now);
  await deps.fees.assertPaid(uow, c, 'before_acceptance');
  if (c.acceptance_clock_id) {
    const ac = await findClock(uow.db, c.acceptance_clock_id);
    if (ac && ac.status !== 'stopped') await stopClock(uow, cal, ac.id, 'accepted');
  }
  const items = await itemsUnderReview(uow.db, c.id);
  const caseClock = await startClock(uow, cal, {
    subjectType: 'case',
    subjectId: c.id,
    label: `${c.title}（${c.receipt_no}）`,
    departmentId: c.lead_department_id,
    startDate: acceptanceDate,
    itemId: items.length === 1 ? items[0]!.item_id : null,
    limitDays: c.committed_days,
    extensions: c.bundle_id ? 'joint' : 'single',
    basis: c.bundle_id ? '《中华人民共和国行政许可法》第二十六条' : '《中华人民共和国行政许可法》第四十二条',
  });
  const notices: OutboxInput[] = [];
  for (const it of items) {
    const taskId = newId(uow.now.getTime());
    const clock = await startClock(uow, cal, {
      subjectType: 'task',
      subjectId: taskId,
      parentId: caseClock.id,
      label: `${it.name}（${c.receipt_no}）`,
      departmentId: it.department_id,
      itemId: it.item_id,
      startDate: acceptanceDate,
      limitDays: Math.min(it.committed_days, c.committed_days),
      extensions: c.bundle_id ? 'joint' : 'single',
    });
    await insertTask(uow.db, {
      id: taskId,
      case_id: c.id,
      item_id: it.item_id,
      department_id: it.department_id,
      state: 'reviewing',
      decision: null,
      reasons: null,
      clock_id: clock.id,
      decided_by: null,
      decided_at: null,
      created_at: uow.nowIso,
      version: 1,
    });
    notices.push({
      kind: 'task_assigned',
      recipientType: 'department',
      recipientId: it.department_id,
      subjectType: 'case',
      subjectId: c.id,
      payload: { receiptNo: c.receipt_no, title: it.name, dueDate: clock.due_date },
    });
  }
  const accepted = {
    ...c,
    case_clock_id: caseClock.id,
    accepted_at: uow.nowIso,
    acceptance_date: acceptanceDate,
  };
  const doc: IssuedDocument = await deps.documents.issue(uow, accepted, opts.document, {
    acceptanceDate: accepted.acceptance_date,
    committedDays: c.committed_days,
    dueDate: caseClock.due_date,
    checkCode: c.check_code,
    ...opts.specific,
  });
  await deps.fees.reached(uow, accepted, 'accepted');
  notices.push(applicantNotice(c, 'case_accepted', { dueDate: caseClock.due_date, checkCode: c.check_code }));
  return {
    changes: {
      case_clock_id: caseClock.id,
      accepted_at: uow.nowIso,
      acceptance_date: accepted.acceptance_date,
    },
    dueDate: caseClock.due_date,
    document: doc,
    notify: notices,
  };
}
