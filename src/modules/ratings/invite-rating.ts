import type { UnitOfWork } from '../audit/audited-transaction.js';
import { enqueueNotifications } from '../supervision/signals.js';
import { newId } from '../../shared/ids.js';
import { insertInvitation } from './repository.js';

/** Where the invitation leads: the online rating page of the matter (the check code or 我的办件 proves it). */
export const ratingLink = (publicBaseUrl: string, receiptNo: string) =>
  `${publicBaseUrl.replace(/\/$/, '')}/rate/${encodeURIComponent(receiptNo)}`;

/**
 * 办结邀评: in the unit that ends a matter, the applicant is invited to rate it (voluntary), and a
 * reminder is set for when it is still unrated after the configured days.
 */
export async function inviteRating(
  uow: UnitOfWork,
  opts: { publicBaseUrl: string; reminderDays: number },
  matter: { caseId: string; receiptNo: string; title: string },
) {
  const link = ratingLink(opts.publicBaseUrl, matter.receiptNo);
  await insertInvitation(uow.db, {
    id: newId(uow.now.getTime()),
    subject_type: 'case',
    subject_id: matter.caseId,
    subject_ref: matter.receiptNo,
    title: matter.title,
    invited_at: uow.nowIso,
    remind_at: new Date(uow.now.getTime() + opts.reminderDays * 86_400_000).toISOString(),
    reminded_at: null,
    rated_at: null,
  });
  await enqueueNotifications(
    uow.db,
    [
      {
        kind: 'rating_invitation',
        recipientType: 'applicant',
        recipientId: matter.caseId,
        subjectType: 'case',
        subjectId: matter.caseId,
        payload: { receiptNo: matter.receiptNo, title: matter.title, link },
      },
    ],
    uow.nowIso,
  );
  await uow.audit({
    action: 'rating.invited',
    entityType: 'case',
    entityId: matter.caseId,
    data: { subjectType: 'case', ref: matter.receiptNo },
  });
}
