import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, notFound } from '../../server/errors.js';
import { findItem } from '../catalogue/catalogue-reads.js';
import { audited } from '../audit/audited-transaction.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { findDocument, findLinkOf, insertLink } from './repository.js';
import type { LinkInput } from './schemas.js';

/**
 * Links an item's legal basis to a document of the library (kept by administrators, by item code so
 * it holds across the item's versions): the item's guide then shows the document and how it stands,
 * and the document's page the items that cite it.
 */
export async function linkItem(deps: DisclosureDeps, actor: Actor, input: LinkInput) {
  authorize(actor, disclosurePolicy.manageDocuments, undefined, 'disclosure.link');
  if (!(await findItem(deps.db, input.itemCode))) throw notFound('item', input.itemCode);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    if (!(await findDocument(uow.db, input.documentId)))
      throw notFound('disclosure_document', input.documentId);
    if (await findLinkOf(uow.db, input.itemCode, input.documentId))
      throw new AppError('disclosure_already_linked', { itemCode: input.itemCode });
    const id = newId(uow.now.getTime());
    await insertLink(uow.db, {
      id,
      item_code: input.itemCode,
      document_id: input.documentId,
      basis_title: input.basisTitle?.trim() || null,
      created_by: actor.id,
      created_at: uow.nowIso,
    });
    await uow.audit({
      action: 'disclosure.item_linked',
      entityType: 'disclosure_item_link',
      entityId: id,
      data: { itemCode: input.itemCode, documentId: input.documentId },
    });
    return {
      id,
      itemCode: input.itemCode,
      documentId: input.documentId,
      basisTitle: input.basisTitle?.trim() || null,
    };
  });
}
