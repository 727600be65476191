import { AppError } from '../../server/errors.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { startClock } from '../clock/start-clock.js';
import { enqueueNotifications } from '../supervision/signals.js';
import { departmentOf, type LetterRow } from './repository.js';

// What assigning and reassigning a letter share: the department must exist, the reply clock starts
// for it, and its staff are told.

export async function requireDepartment(uow: UnitOfWork, departmentId: string) {
  const d = await departmentOf(uow.db, departmentId);
  if (!d)
    throw new AppError('validation_failed', { summary: '/body/departmentId' }, [
      {
        path: '/body/departmentId',
        code: 'unknown_department',
        zh: '没有这个部门',
        en: 'No such department',
      },
    ]);
  return d;
}

/** Starts the reply clock of a letter for a department: the one clock model, with the letter's extension rule. */
export function startReplyClock(
  uow: UnitOfWork,
  cal: WorkingCalendar,
  l: LetterRow,
  departmentId: string,
  terms: { startDate: string; limitDays: number; basis: string },
) {
  return startClock(uow, cal, {
    subjectType: 'letter',
    subjectId: l.id,
    label: `${L.letterReply}${l.number} ${l.subject}`,
    departmentId,
    startDate: terms.startDate,
    limitDays: terms.limitDays,
    extensions: 'letter',
    basis: terms.basis,
  });
}

/** Tells the department's reviewers and head that a letter is theirs to answer, and by when. */
export const notifyDepartment = (uow: UnitOfWork, l: LetterRow, departmentId: string, dueDate: string) =>
  enqueueNotifications(
    uow.db,
    [
      {
        kind: 'letter_assigned',
        recipientType: 'department',
        recipientId: departmentId,
        subjectType: 'letter',
        subjectId: l.id,
        payload: { number: l.number, subject: l.subject, dueDate },
      },
    ],
    uow.nowIso,
  );
