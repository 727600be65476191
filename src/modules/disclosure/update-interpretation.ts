import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import { findDocument, replaceTerms, updateDocument } from './repository.js';
import { documentTerms } from './document-terms.js';
import { getDocument } from './get-document.js';

/** Publishes or corrects a document's interpretation (政策解读); its words become searchable. */
export async function updateInterpretation(
  deps: DisclosureDeps,
  actor: Actor,
  id: string,
  input: { version: number; interpretation: string },
) {
  authorize(actor, disclosurePolicy.manageDocuments, undefined, 'disclosure.interpret');
  const d = await findDocument(deps.db, id);
  if (!d) throw notFound('disclosure_document', id);
  // Segmented before the transaction; the version check below proves the text is still this one.
  const terms = documentTerms({ ...d, docNo: d.doc_no, interpretation: input.interpretation });
  await audited(deps.db, deps.clock, actor, async (uow) => {
    if (
      !(await updateDocument(uow.db, id, input.version, {
        interpretation: input.interpretation,
        updated_at: uow.nowIso,
      }))
    )
      throw staleVersion(d.version, input.version);
    await replaceTerms(uow.db, id, terms);
    await uow.audit({
      action: 'disclosure.interpretation_updated',
      entityType: 'disclosure_document',
      entityId: id,
      data: { docNo: d.doc_no },
    });
  });
  return getDocument(deps, id);
}
