import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { complaintPolicy } from './policy.js';
import { findComplaint } from './repository.js';
import { suggestDuplicates } from './suggest-duplicates.js';

/** The dispatcher's merge suggestions for a ticket. */
export async function listDuplicates(deps: ComplaintDeps, actor: Actor, input: { id: string }) {
  authorize(actor, complaintPolicy.workbench, undefined, 'complaint.duplicates');
  const t = await findComplaint(deps.db, input.id);
  if (!t) throw notFound('complaint', input.id);
  const items = await suggestDuplicates(
    deps.db,
    {
      terms: t.terms ? t.terms.split(' ') : [],
      lat: t.lat,
      lng: t.lng,
      createdAt: t.created_at,
      departmentId: t.department_id,
      categoryCode: t.category_code,
      excludeId: t.id,
    },
    deps.settings.duplicateWindowDays,
  );
  return { items };
}
