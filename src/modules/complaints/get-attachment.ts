import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { partiesOf } from './parties.js';
import { complaintPolicy } from './policy.js';
import { findAttachment, findComplaint } from './repository.js';

/** An attachment's bytes, for whoever may read its ticket. */
export async function getAttachment(
  deps: ComplaintDeps,
  actor: Actor,
  input: { id: string; attachmentId: string },
) {
  const t = await findComplaint(deps.db, input.id);
  if (!t) throw notFound('complaint', input.id);
  authorize(actor, complaintPolicy.read, partiesOf(t), 'complaint.read');
  const a = await findAttachment(deps.db, t.id, input.attachmentId);
  if (!a) throw notFound('file', input.attachmentId);
  return { mime: a.mime, name: a.name, data: await deps.storage.get(a.storage_key) };
}
