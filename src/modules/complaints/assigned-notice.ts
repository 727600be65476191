import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { OutboxInput } from '../supervision/signals.js';
import { findCategory, type ComplaintRow } from './repository.js';

/** Tells the handling department (or the supervisors) of a new ticket: number, category, due day; never who reported. */
export async function assignedNotice(
  uow: UnitOfWork,
  t: ComplaintRow,
  departmentId: string | null,
  dueDate: string,
): Promise<OutboxInput[]> {
  const category = (await findCategory(uow.db, t.category_code))?.name_zh ?? t.category_code;
  return [
    {
      kind: 'complaint_assigned',
      recipientType: departmentId ? 'department' : 'supervisors',
      recipientId: departmentId,
      subjectType: 'complaint',
      subjectId: t.id,
      payload: { ticketNo: t.ticket_no, category, dueDate },
    },
  ];
}
