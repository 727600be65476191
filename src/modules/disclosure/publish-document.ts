import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError, notFound, staleVersion, type FieldError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { DisclosureDeps } from './disclosure-deps.js';
import { disclosurePolicy } from './policy.js';
import {
  findDocument,
  findDocumentByNo,
  insertDocument,
  replaceTerms,
  updateDocument,
} from './repository.js';
import { documentTerms } from './document-terms.js';
import type { PublishDocumentInput } from './schemas.js';
import { getDocument } from './get-document.js';

function dateErrors(i: PublishDocumentInput): FieldError[] {
  const out: FieldError[] = [];
  if (i.effectiveOn < i.issuedOn)
    out.push({
      path: '/body/effectiveOn',
      code: 'before_issue',
      zh: '施行日期不能早于印发日期',
      en: 'The effective date cannot be before the date of issue',
    });
  if (i.expiresOn !== undefined && i.expiresOn < i.effectiveOn)
    out.push({
      path: '/body/expiresOn',
      code: 'before_effect',
      zh: '有效期截止日期不能早于施行日期',
      en: 'The expiry date cannot be before the effective date',
    });
  return out;
}

/**
 * Publishes a normative document (规范性文件) with its interpretation (政策解读). Naming the document
 * it amends makes that one "amended", linked both ways, in the same transaction; a document already
 * amended or repealed cannot be amended again (amend its newest version instead).
 */
export async function publishDocument(deps: DisclosureDeps, actor: Actor, input: PublishDocumentInput) {
  authorize(actor, disclosurePolicy.manageDocuments, undefined, 'disclosure.publish');
  const errors = dateErrors(input);
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.zh).join('；') }, errors);
  const terms = documentTerms({ ...input, interpretation: input.interpretation ?? null });
  const id = await audited(deps.db, deps.clock, actor, async (uow) => {
    if (await findDocumentByNo(uow.db, input.docNo))
      throw new AppError('disclosure_doc_no_taken', { docNo: input.docNo });
    const id = newId(uow.now.getTime());
    let amends = null;
    if (input.amendsId) {
      amends = await findDocument(uow.db, input.amendsId);
      if (!amends) throw notFound('disclosure_document', input.amendsId);
      if (amends.status !== 'valid')
        throw new AppError('disclosure_document_closed', { docNo: amends.doc_no, status: amends.status });
      if (input.amendsVersion !== undefined && input.amendsVersion !== amends.version)
        throw staleVersion(amends.version, input.amendsVersion);
    }
    await insertDocument(uow.db, {
      id,
      doc_no: input.docNo,
      title: input.title,
      issuer: input.issuer,
      issued_on: input.issuedOn,
      effective_on: input.effectiveOn,
      expires_on: input.expiresOn ?? null,
      status: 'valid',
      amends_id: amends?.id ?? null,
      amended_by_id: null,
      repealed_by_id: null,
      repealed_on: null,
      repeal_reason: null,
      body: input.body,
      interpretation: input.interpretation?.trim() ? input.interpretation : null,
      created_by: actor.id,
      created_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    });
    await replaceTerms(uow.db, id, terms);
    if (
      amends &&
      !(await updateDocument(uow.db, amends.id, amends.version, {
        status: 'amended',
        amended_by_id: id,
        updated_at: uow.nowIso,
      }))
    )
      throw staleVersion(amends.version + 1, amends.version);
    await uow.audit({
      action: 'disclosure.document_published',
      entityType: 'disclosure_document',
      entityId: id,
      data: { docNo: input.docNo, amendsId: amends?.id ?? null },
    });
    return id;
  });
  return getDocument(deps, id);
}
