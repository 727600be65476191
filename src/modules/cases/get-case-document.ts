import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { readyDocument } from '../documents/document-reads.js';
import type { DocumentRenderer } from '../documents/document-renderer.js';
import { authorize } from '../../shared/policy.js';
import type { BlobStorage } from '../documents/storage.js';
import { casePolicy } from './policy.js';
import { readBlob } from './read-blob.js';
import { departmentIdsOf, findCase, findCaseDocument } from './repository.js';

/**
 * An issued document's PDF, for whoever may read its case. A document still being prepared is
 * waited for (documents/ready-document.ts), then a 503 with Retry-After: never a failure for a document
 * that exists.
 */
export async function getCaseDocument(
  db: Db,
  storage: BlobStorage,
  renderer: DocumentRenderer,
  actor: Actor,
  caseId: string,
  documentId: string,
) {
  const c = await findCase(db, caseId);
  if (!c) throw notFound('case', caseId);
  const parties = { applicantUserId: c.applicant_user_id, departmentIds: await departmentIdsOf(db, c) };
  authorize(actor, casePolicy.read, parties, 'document.read');
  const found = await findCaseDocument(db, c.id, documentId);
  if (!found) throw notFound('document', documentId);
  const d = await readyDocument(db, renderer, found);
  return {
    number: d.number,
    sha256: d.sha256,
    pdf: await readBlob(storage, d.storage_key, 'document', d.number),
  };
}
