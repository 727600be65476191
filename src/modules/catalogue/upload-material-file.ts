import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import type { BlobStorage } from '../documents/storage.js';
import { storeCheckedUpload } from '../cases/file-check.js';
import { cataloguePolicy } from './policy.js';
import { insertCatalogueFile } from './repository-material-files.js';

/**
 * Stores a blank form (空白表格) or a sample (示范文本) for a material, checked like every upload
 * (a PDF, JPEG or PNG by its content). It is named by an item draft's material and becomes public,
 * unchangeable, with the version that publishes it: a new file is a new upload in a new version.
 */
export async function uploadMaterialFile(
  db: Db,
  clock: Clock,
  storage: BlobStorage,
  actor: Actor,
  input: { name: string; data: Buffer },
) {
  authorize(actor, cataloguePolicy.draftItem, actor.departmentId ?? '', 'item.edit');
  const f = await storeCheckedUpload(storage, input);
  return audited(db, clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    await insertCatalogueFile(uow.db, { id, ...f }, actor.departmentId, actor.id, uow.nowIso);
    await uow.audit({
      action: 'item.material_file_uploaded',
      entityType: 'file',
      entityId: id,
      data: { sha256: f.sha256, size: f.size, mime: f.mime },
    });
    return { id, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256 };
  });
}
