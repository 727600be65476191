import type { Actor } from '../../shared/actor.js';
import { AppError, notFound } from '../../server/errors.js';
import { fromJson, toJson } from '../../shared/json.js';
import { extendClock } from '../clock/extend-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';
import { loadOwnTask, requireTaskOpen } from './task-access.js';
import { findRecordOfCase, updateRecord } from './repository-records.js';
import { findUser } from '../identity/user-reads.js';
import { findClock } from '../clock/clock-reads.js';

/**
 * The department head decides. Approved: the case's and the task's limits are extended (within the
 * legal ceiling, checked by the clock), the applicant is told in writing why (延期告知书).
 */
export async function decideExtension(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  version: number,
  input: { recordId: string; approve: boolean; note?: string },
) {
  return actOnCase(deps, actor, caseId, 'approve_extension', version, async ({ uow, cal, c }) => {
    const rec = await findRecordOfCase(uow.db, c.id, input.recordId, 'extension_request');
    if (!rec) throw notFound('task', input.recordId);
    const task = await loadOwnTask(uow, actor, c.id, rec.task_id!);
    if (rec.status !== 'pending')
      throw new AppError('invalid_state', { state: rec.status, action: 'approve_extension', allowed: '—' });
    if (input.approve) requireTaskOpen(task, 'approve_extension');
    const days = fromJson<{ days: number }>(rec.data, { days: 0 }).days;
    await updateRecord(uow.db, rec.id, {
      status: input.approve ? 'approved' : 'rejected',
      data: toJson({ days, decidedBy: actor.id, note: input.note ?? null }),
      version: rec.version + 1,
    });
    if (!input.approve)
      return {
        event: { recordId: rec.id, approved: false, note: input.note ?? null },
        result: { approved: false, newDueDate: null },
      };
    const approver = await findUser(uow.db, actor.id!);
    const ext = {
      days,
      approvedBy: actor.id!,
      approvedByName: approver?.display_name ?? actor.username ?? 'head',
      reason: rec.text,
      basis: c.bundle_id
        ? '《中华人民共和国行政许可法》第二十六条'
        : '《中华人民共和国行政许可法》第四十二条',
    };
    const previous = (await findClock(uow.db, c.case_clock_id!))!.due_date;
    const caseClock = await extendClock(uow, cal, c.case_clock_id!, ext);
    await extendClock(uow, cal, task.clock_id!, ext);
    const doc = await deps.documents.issue(uow, c, 'extension_notice', {
      extensionDays: days,
      reason: rec.text,
      approvedBy: ext.approvedByName,
      previousDueDate: previous,
      newDueDate: caseClock.due_date,
      basis: ext.basis,
    });
    return {
      event: { recordId: rec.id, approved: true, days, newDueDate: caseClock.due_date, document: doc.number },
      notify: [
        applicantNotice(c, 'case_extended', { days, newDueDate: caseClock.due_date, reason: rec.text }),
      ],
      result: { approved: true, newDueDate: caseClock.due_date, document: doc },
    };
  });
}
