import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { findDocument, updateDocument } from './repository.js';
import type { RepealInput } from './schemas.js';
import { getDocument } from './get-document.js';

/** Repeals a document (废止) on a day, with the reason and, if one does, the document repealing it. */
export async function repealDocument(deps: DisclosureDeps, actor: Actor, id: string, input: RepealInput) {
  authorize(actor, disclosurePolicy.manageDocuments, undefined, 'disclosure.repeal');
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const d = await findDocument(uow.db, id);
    if (!d) throw notFound('disclosure_document', id);
    if (d.status !== 'valid')
      throw new AppError('disclosure_document_closed', { docNo: d.doc_no, status: d.status });
    if (input.repealedById !== undefined) {
      if (input.repealedById === id || !(await findDocument(uow.db, input.repealedById)))
        throw notFound('disclosure_document', input.repealedById);
    }
    if (
      !(await updateDocument(uow.db, id, input.version, {
        status: 'repealed',
        repealed_on: input.repealedOn,
        repeal_reason: input.reason,
        repealed_by_id: input.repealedById ?? null,
        updated_at: uow.nowIso,
      }))
    )
      throw staleVersion(d.version, input.version);
    await uow.audit({
      action: 'disclosure.document_repealed',
      entityType: 'disclosure_document',
      entityId: id,
      data: { docNo: d.doc_no, repealedOn: input.repealedOn, repealedById: input.repealedById ?? null },
    });
  });
  return getDocument(deps, id);
}
