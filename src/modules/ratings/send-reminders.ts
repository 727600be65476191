import { sql } from 'kysely';
import { systemActor } from '../../shared/actor.js';
import { audited } from '../audit/audited-transaction.js';
import { enqueueNotifications } from '../supervision/signals.js';
import type { RatingDeps } from './rating-deps.js';
import { ratingLink } from './invite-rating.js';

const BATCH = 200;

/**
 * The reminder pass: matters invited to be rated and still unrated after the configured days get
 * one reminder. Rows are claimed FOR UPDATE SKIP LOCKED on PostgreSQL, and each is reminded by the
 * update that clears its remind_at, so instances running the pass at once remind each matter once.
 */
export async function sendRatingReminders(deps: RatingDeps): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await audited(deps.db, deps.clock, systemActor('ratings'), async (uow) => {
      let q = uow.db
        .selectFrom('rating_invitations')
        .select(['id', 'subject_id', 'subject_ref', 'title'])
        .where('remind_at', '<=', uow.nowIso)
        .where('rated_at', 'is', null)
        .orderBy('remind_at')
        .limit(BATCH);
      if (deps.dialect === 'postgres') q = q.modifyEnd(sql`for update skip locked`);
      const due = await q.execute();
      if (due.length === 0) return uow.unchanged(0);
      await uow.db
        .updateTable('rating_invitations')
        .set({ remind_at: null, reminded_at: uow.nowIso })
        .where(
          'id',
          'in',
          due.map((d) => d.id),
        )
        .execute();
      await enqueueNotifications(
        uow.db,
        due.map((d) => ({
          kind: 'rating_reminder',
          recipientType: 'applicant' as const,
          recipientId: d.subject_id,
          subjectType: 'case',
          subjectId: d.subject_id,
          payload: {
            receiptNo: d.subject_ref,
            title: d.title,
            link: ratingLink(deps.publicBaseUrl, d.subject_ref),
          },
        })),
        uow.nowIso,
      );
      await uow.audit({
        action: 'rating.reminded',
        entityType: 'rating_invitations',
        entityId: 'batch',
        data: { count: due.length },
      });
      return due.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
