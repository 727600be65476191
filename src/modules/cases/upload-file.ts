import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { audited } from '../audit/audited-transaction.js';
import { authorize } from '../../shared/policy.js';
import { casePolicy } from './policy.js';
import type { BlobStorage } from '../documents/storage.js';
import { insertFile } from './repository-files.js';
import { storeCheckedUpload } from './file-check.js';

export { MAX_FILE_BYTES, ALLOWED_TYPES } from './file-check.js';

/** Stores an uploaded material file for the uploader; it is attached to a case when submitted. */
export async function uploadFile(
  db: Db,
  clock: Clock,
  storage: BlobStorage,
  actor: Actor,
  input: { name: string; data: Buffer },
) {
  authorize(actor, casePolicy.uploadFile, undefined, 'file.upload');
  const f = await storeCheckedUpload(storage, input);
  return audited(db, clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await insertFile(uow.db, {
      id,
      sha256: f.sha256,
      size: f.size,
      mime: f.mime,
      original_name: f.name,
      storage_key: f.storageKey,
      owner_user_id: actor.id,
      case_id: null,
      uploaded_at: uow.nowIso,
    });
    await uow.audit({
      action: 'file.uploaded',
      entityType: 'file',
      entityId: id,
      data: { sha256: f.sha256, size: f.size, mime: f.mime },
    });
    return { id, sha256: f.sha256, size: f.size, mime: f.mime, name: f.name };
  });
}
