import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { deleteLink, findLink } from './repository.js';

/** Removes a link made by mistake. */
export async function unlinkItem(deps: DisclosureDeps, actor: Actor, id: string) {
  authorize(actor, disclosurePolicy.manageDocuments, undefined, 'disclosure.unlink');
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const l = await findLink(uow.db, id);
    if (!l) throw notFound('disclosure_item_link', id);
    await deleteLink(uow.db, id);
    await uow.audit({
      action: 'disclosure.item_unlinked',
      entityType: 'disclosure_item_link',
      entityId: id,
      data: { itemCode: l.item_code, documentId: l.document_id },
    });
  });
}
