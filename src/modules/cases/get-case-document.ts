import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { authorize } from '../../shared/policy.js';
import type { BlobStorage } from '../documents/storage.js';
import { casePolicy } from './policy.js';
import { readBlob } from './read-blob.js';
import { departmentIdsOf, findCase, findCaseDocument } from './repository.js';

/** An issued document's PDF, for whoever may read its case. */
export async function getCaseDocument(
  db: Db,
  storage: BlobStorage,
  actor: Actor,
  caseId: string,
  documentId: string,
) {
  const c = await findCase(db, caseId);
  if (!c) throw notFound('case', caseId);
  const parties = { applicantUserId: c.applicant_user_id, departmentIds: await departmentIdsOf(db, c) };
  authorize(actor, casePolicy.read, parties, 'document.read');
  const d = await findCaseDocument(db, c.id, documentId);
  if (!d) throw notFound('document', documentId);
  return {
    number: d.number,
    sha256: d.sha256,
    pdf: await readBlob(storage, d.storage_key, 'document', d.number),
  };
}
