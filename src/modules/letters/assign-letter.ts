import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import type { UnitOfWork } from '../audit/audited-transaction.js';
import type { WorkingCalendar } from '../clock/calendar/working-calendar.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { startClock } from '../clock/start-clock.js';
import { localDate } from '../clock/local-time.js';
import { enqueueNotifications } from '../supervision/signals.js';
import { actOnLetter, letterStep } from './act-on-letter.js';
import type { LetterDeps } from './letter-deps.js';
import { replyTerms } from './reply-limit.js';
import { departmentOf, type LetterRow } from './repository.js';

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

/** The registry hands the letter to the department that must answer it; its reply clock starts. */
export async function assignLetter(
  deps: LetterDeps,
  actor: Actor,
  id: string,
  input: { version: number; departmentId: string; limitDays?: number },
) {
  return actOnLetter(deps, actor, id, 'assign', input.version, async ({ uow, cal, l }) => {
    await requireDepartment(uow, input.departmentId);
    const terms = replyTerms(
      cal,
      deps.config,
      { kind: l.kind, receivedDate: l.received_date },
      localDate(uow.now),
      input.limitDays,
    );
    const clock = await startReplyClock(uow, cal, l, input.departmentId, terms);
    await notifyDepartment(uow, l, input.departmentId, clock.due_date);
    await uow.audit({
      action: 'letter.assign',
      entityType: 'letter',
      entityId: l.id,
      data: {
        ...letterStep(l, 'assigned'),
        departmentId: input.departmentId,
        limitDays: terms.limitDays,
        dueDate: clock.due_date,
      },
    });
    return {
      state: 'assigned',
      changes: {
        department_id: input.departmentId,
        limit_days: terms.limitDays,
        clock_id: clock.id,
        assigned_at: uow.nowIso,
      },
      result: null,
    };
  });
}
