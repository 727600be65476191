import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { notFound } from '../../server/errors.js';
import { authorize } from '../../shared/policy.js';
import type { BlobStorage } from '../documents/storage.js';
import { casePolicy } from './policy.js';
import { readBlob } from './read-blob.js';
import { departmentIdsOf, findCase, findFile } from './repository.js';

/** A material file's bytes, for its uploader and, once on a case, the people on that case. */
export async function getCaseFile(db: Db, storage: BlobStorage, actor: Actor, fileId: string) {
  const f = await findFile(db, fileId);
  if (!f) throw notFound('file', fileId);
  const c = f.case_id ? (await findCase(db, f.case_id))! : null;
  const onCase = c && {
    applicantUserId: c.applicant_user_id,
    departmentIds: await departmentIdsOf(db, c),
    createdBy: c.created_by,
  };
  authorize(actor, casePolicy.readFile, { ownerUserId: f.owner_user_id, case: onCase }, 'file.read');
  return {
    mime: f.mime,
    name: f.original_name,
    data: await readBlob(storage, f.storage_key, 'file', f.original_name),
  };
}
