import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { findInquiry } from './repository-inquiries.js';
import { casePolicy } from './policy.js';

/** Working days the first person asked has to answer or hand over (首问负责). */
export const INQUIRY_DAYS = 1;

export const STAFF = ['clerk', 'reviewer', 'head'] as const;
export const requireStaff = (a: Actor) => authorize(a, casePolicy.handleInquiries, undefined, 'inquiry');

/** The open inquiry the actor owns, at the version they read. */
export async function ownOpen(db: Db, actor: Actor, id: string, version: number) {
  const q = await findInquiry(db, id);
  if (!q) throw notFound('inquiry', id);
  authorize(actor, casePolicy.ownInquiry, q.owner_id, 'inquiry of someone else');
  if (q.status !== 'open')
    throw new AppError('invalid_state', { state: q.status, action: 'inquiry', allowed: '—' });
  if (q.version !== version) throw staleVersion(q.version, version);
  return q;
}
