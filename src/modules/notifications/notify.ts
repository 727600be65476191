import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueueNotifications } from '../supervision/signals.js';
import type { ApplicantKind, PayloadOf } from './kinds.js';

/**
 * Typed ways for other modules to queue a notification, inside the unit of work of the fact it
 * reports (pass uow.db and uow.nowIso): the notice is queued if and only if the fact commits. The
 * worker renders it in each recipient's language and delivers it on every channel they have.
 */

/** To the applicant of a case: their account's inbox, email and phone, else the contacts on the case. */
export async function notifyApplicant<K extends ApplicantKind>(
  db: Kysely<Database>,
  caseId: string,
  kind: K,
  payload: PayloadOf<K>,
  nowIso: string,
): Promise<void> {
  await enqueueNotifications(
    db,
    [
      {
        kind,
        recipientType: 'applicant',
        recipientId: caseId,
        subjectType: 'case',
        subjectId: caseId,
        payload,
      },
    ],
    nowIso,
  );
}

/** A review task for a department: every reviewer and head in it. */
export async function notifyDepartment(
  db: Kysely<Database>,
  departmentId: string,
  caseId: string,
  payload: PayloadOf<'task_assigned'>,
  nowIso: string,
): Promise<void> {
  await enqueueNotifications(
    db,
    [
      {
        kind: 'task_assigned',
        recipientType: 'department',
        recipientId: departmentId,
        subjectType: 'case',
        subjectId: caseId,
        payload,
      },
    ],
    nowIso,
  );
}
